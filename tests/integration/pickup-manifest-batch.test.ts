// The manifest of a closed pickup batch: the driver's pickup time (not the time it was printed),
// the parcel count, and the batch id as one Code 128 the carrier's app scans.
import { describe, expect, it } from 'vitest'
import type { HandoverBatchView } from '@shared/contract/intake-views'
import { makeUpsTrackingNumber } from '@shared/domain/tracking-number'
import { batchManifestModel } from '../../electron/services/printing/case-documents'
import { noPin } from '../../electron/services/printing/models'
import { pickupManifestPdf } from '../../electron/services/printing/pdf/pickup-manifest'
import { openStore } from '../../electron/services/store'
import { decodeBarcode } from '../support/barcode-decode'
import { crop } from '../support/gray-image'
import { order, startIntake } from '../support/intake-fixture'
import { toPacked } from '../support/intake-steps'
import { pdfPageGray, pdfText } from '../support/poppler'

describe('a closed pickup batch\'s manifest', () => {
  it('carries the driver\'s time, the count and the batch id as a Code 128', async () => {
    const r = order(51, { category: 'smartphone', caseType: 'warranty_repair' }, (o) => {
      o.deliveredAt = '2026-06-01'
      o.returnRequest!.requestedAt = '2026-11-20T10:00:00Z'
      o.returnRequest!.carrier = 'UPS'
      o.returnRequest!.trackingNumber = makeUpsTrackingNumber('A1B2C3', '01', '0000051')
    })
    const f = await startIntake([r])
    const caseId = await f.start(r)
    await toPacked(f, r, caseId, 0)
    await f.ok('label.bind', { caseId, code: r.returnRequest!.trackingNumber }, f.staff)
    const batch = await f.ok<HandoverBatchView>('handover.closeBatch', { carrier: 'UPS', driverAt: '09:40', scanned: [r.returnRequest!.trackingNumber] }, f.staff)
    f.clock.now = new Date('2026-11-23T15:30:00Z') // printed again in the afternoon
    f.services.close()

    const store = openStore(f.dataDir)
    try {
      const model = batchManifestModel({ store, kioskId: 'K1', timeZone: 'Europe/Paris', now: () => f.clock.now, pinSource: noPin }, batch.id, 'en')
      expect(model).toMatchObject({ carrier: 'UPS', dateTime: '2026-11-23 09:40', batchId: batch.id, parcels: [{ trackingNumber: r.returnRequest!.trackingNumber }] })
      const pdf = await pickupManifestPdf(model)
      const text = pdfText(pdf)
      expect(text).toContain('Driver pickup: 2026-11-23 09:40')
      expect(text).toContain('Parcels: 1')
      const img = pdfPageGray(pdf, 1, 200)
      const found = new Set<string>()
      for (let y = 0; y + 130 < img.height / 2; y += 40) {
        try {
          found.add(decodeBarcode(crop(img, 0, y, img.width, 130), 'code128'))
        } catch {
          // no complete barcode in this band
        }
      }
      expect(found).toContain(batch.id)
    } finally {
      store.db.close()
    }
  })
})
