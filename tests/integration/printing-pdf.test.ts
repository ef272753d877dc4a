// Closed loop for the PDF documents: pdf-lib → pdftoppm (poppler) → zxing reads the QR and
// Code 128 back; pdftotext finds every required field of the slip, and no PIN unless one was given.
import { describe, expect, it } from 'vitest'
import type { OrderSlipModel } from '../../electron/services/printing/models'
import { orderSlipPdf } from '../../electron/services/printing/pdf/order-slip'
import { pickupManifestPdf } from '../../electron/services/printing/pdf/pickup-manifest'
import { receiptPdf } from '../../electron/services/printing/pdf/receipt'
import { orderSlipEscPos } from '../../electron/services/printing/escpos/order-slip'
import { decodeBarcode } from '../support/barcode-decode'
import { crop } from '../support/gray-image'
import { pdfPageCount, pdfPageGray, pdfText } from '../support/poppler'

const slip: OrderSlipModel = {
  locale: 'fr',
  caseNumber: 'K7QX2-261122-001',
  marketplace: 'Back Market',
  firstName: 'Inès',
  lastName: 'Moreau',
  orderNumber: 'BM-48213377',
  orderDate: '2026-09-14',
  reason: 'warranty_repair',
  device: 'Apple iPhone 13',
  imei: '356938035643809',
}

describe('order-details slip', () => {
  it('A6 PDF: every field of DOMAIN.md in French, the case QR reads back, and no PIN line without a PIN', async () => {
    const pdf = await orderSlipPdf(slip)
    const text = pdfText(pdf)
    for (const s of ['Back Market', 'Inès Moreau', 'BM-48213377', '2026-09-14', 'Réparation sous garantie', 'Motif du retour', 'Numéro de commande', 'Appareil', 'Apple iPhone 13', 'IMEI', '356938035643809']) expect(text).toContain(s)
    expect(text).not.toMatch(/déverrouillage/i)
    expect(decodeBarcode(pdfPageGray(pdf), 'qr')).toBe(slip.caseNumber)
  })

  it('prints the unlock PIN only when one was given (PDF and ESC/POS), in English too', async () => {
    const withPin = { ...slip, locale: 'en' as const, unlockPin: '482913' }
    const text = pdfText(await orderSlipPdf(withPin))
    expect(text).toContain('Unlock PIN / pattern')
    expect(text).toContain('482913')
    expect(text).toContain('Repair under warranty')
    const escpos = orderSlipEscPos(withPin).toString('latin1')
    expect(escpos).toContain('482913')
    const without = orderSlipEscPos({ ...slip, locale: 'en' }).toString('latin1')
    for (const s of ['Back Market', 'Moreau', 'BM-48213377', '2026-09-14', 'Repair under warranty']) expect(without).toContain(s)
    expect(without).not.toContain('Unlock')
    // Windows-1252 on the wire: "è" is one byte 0xE8.
    expect(orderSlipEscPos(slip).includes(Buffer.from('In\xe8s', 'latin1'))).toBe(true)
  })
})

describe('drop-off receipt and pickup manifest', () => {
  it('receipt PDF: the tracking number (Code 128) and the case (QR) read back', async () => {
    const pdf = await receiptPdf({ locale: 'en', caseNumber: 'K7QX2-261122-001', orderNumber: 'BM-48213377', device: 'Apple iPhone 13', carrier: 'UPS', trackingNumber: '1Z999AA10123456784', dateTime: '2026-11-22 10:30', counter: { name: 'Relais Gare de Lyon', address: '12 rue de Lyon, 75012 Paris' }, kioskId: 'K7QX2' })
    const img = pdfPageGray(pdf)
    expect(decodeBarcode(img, 'code128')).toBe('1Z999AA10123456784')
    expect(decodeBarcode(img, 'qr')).toBe('K7QX2-261122-001')
    const text = pdfText(pdf)
    // A proof of shipment names the counter, the time, the order, the device, the parcel and the carrier.
    for (const s of ['Drop-off receipt', 'UPS', '2026-11-22 10:30', 'K7QX2-261122-001', 'BM-48213377', 'Apple iPhone 13', 'Relais Gare de Lyon', '12 rue de Lyon, 75012 Paris', '1Z999AA10123456784']) expect(text).toContain(s)
  })

  it('manifest PDF: every tracking number of the batch reads back from its barcode, over two pages', async () => {
    const parcels = Array.from({ length: 12 }, (_, i) => ({ caseNumber: `K7QX2-261122-${String(i + 1).padStart(3, '0')}`, trackingNumber: `1Z999AA1012345${String(6784 + i * 7)}` }))
    const pdf = await pickupManifestPdf({ locale: 'fr', carrier: 'UPS', kioskId: 'K7QX2', dateTime: '2026-11-22 17:00', parcels })
    expect(pdfPageCount(pdf)).toBe(2)
    const found = new Set<string>()
    for (const page of [1, 2]) {
      const img = pdfPageGray(pdf, page, 200)
      // One band per step: each band holds at most one barcode fully.
      for (let y = 0; y + 130 < img.height; y += 50) {
        try {
          found.add(decodeBarcode(crop(img, 0, y, img.width, 130), 'code128'))
        } catch {
          // no complete barcode in this band
        }
      }
    }
    expect([...found].sort()).toEqual(parcels.map((p) => p.trackingNumber).sort())
    expect(pdfText(pdf)).toContain('Bordereau d’enlèvement transporteur')
  })
})
