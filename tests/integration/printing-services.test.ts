// Printing through the contract, as the renderer calls it: a supervisor configures the printers
// (staff may not), print calls build documents from the case, previews come back as pictures.
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { CaseDetail, CaseSummary } from '@shared/contract/views'
import type { PreviewView, PrinterView, PrintJobView } from '@shared/contract/printing-views'
import { createServices } from '../../electron/services'
import type { Services } from '../../electron/services/types'
import { decodeBarcode } from '../support/barcode-decode'
import { FakeRawPrinter } from '../support/fake-raw-printer'
import { decodePng } from '../support/gray-image'
import { makeRecord } from '../support/manifest-factory'
import { waitFor } from '../support/printing-service-fixture'
import { signedInSession } from '../support/staff-session'
import { tempDir } from '../support/temp-dir'

let services: Services | undefined
const printers: FakeRawPrinter[] = []
afterEach(async () => {
  services?.close()
  for (const p of printers.splice(0)) await p.stop()
})

async function value<T>(p: Promise<{ ok: boolean; value?: unknown; error?: unknown }>): Promise<T> {
  const r = await p
  if (!r.ok) throw new Error(JSON.stringify(r.error))
  return r.value as T
}

describe('printing calls', () => {
  it('configure (supervisor only), print a label and a slip, preview, list jobs', async () => {
    const dir = tempDir()
    const records = Array.from({ length: 3 }, (_, i) => makeRecord(i, { category: 'smartphone', caseType: 'withdrawal' }))
    writeFileSync(path.join(dir, 'm.jsonl'), records.map((r) => JSON.stringify(r)).join('\n'))
    services = await createServices({ dataDir: path.join(dir, 'data'), transport: 'browser', manifestFile: path.join(dir, 'm.jsonl'), timeZone: 'Europe/Paris' })
    const supervisor = await signedInSession(services)
    const zebra = await new FakeRawPrinter('zpl').start()
    const tm = await new FakeRawPrinter('escpos').start()
    printers.push(zebra, tm)
    const statuses: unknown[] = []
    services.onEvent((name, payload) => name === 'printer.status' && statuses.push(payload))

    const settings = {
      locale: 'en',
      printers: [
        { id: 'zebra', name: 'Zebra', language: 'zpl', transport: { kind: 'raw9100', host: '127.0.0.1', port: zebra.port }, labelSize: '4x6', dpi: 203 },
        { id: 'tm', name: 'TM-T88', language: 'escpos', transport: { kind: 'raw9100', host: '127.0.0.1', port: tm.port } },
      ],
      assignments: { caseLabel: 'zebra', orderSlip: 'tm', receipt: 'tm' },
    }
    const anonymous = services.openSession()
    expect((await services.dispatch('printers.configure', settings, anonymous)).ok).toBe(false)
    const wrong = await services.dispatch('printers.configure', { ...settings, assignments: { caseLabel: 'tm' } }, supervisor)
    expect(wrong).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    const list = await value<PrinterView[]>(services.dispatch('printers.configure', settings, supervisor))
    expect(list.map((p) => [p.id, p.status, p.documents])).toEqual([
      ['zebra', 'unknown', ['caseLabel']],
      ['tm', 'unknown', ['orderSlip', 'receipt']],
    ])

    const started = await value<CaseSummary>(services.dispatch('cases.start', { orderNumber: records[0]!.orderNumber, via: 'search' }, supervisor))
    const label = await value<PrintJobView>(services.dispatch('print.caseLabel', { caseId: started.id }, supervisor))
    const slip = await value<PrintJobView>(services.dispatch('print.orderSlip', { caseId: started.id }, supervisor))
    await waitFor('both acknowledged', async () => {
      const jobs = await value<PrintJobView[]>(services!.dispatch('print.jobs', { caseId: started.id }, supervisor))
      return jobs.every((j) => j.state === 'acknowledged') && jobs.length === 2
    })
    await waitFor('acknowledged', () => zebra.jobs.length === 1 && tm.jobs.length === 1)
    expect(zebra.jobs[0]!.toString()).toContain(started.caseNumber)
    expect(tm.jobs[0]!.toString('latin1')).toContain(records[0]!.orderNumber)
    expect([label.document, slip.document]).toEqual(['caseLabel', 'orderSlip'])
    expect(statuses).toContainEqual(expect.objectContaining({ printerId: 'zebra', status: 'ready' }))

    const preview = await value<PreviewView>(services.dispatch('print.preview', { document: 'caseLabel', caseId: started.id }, supervisor))
    expect(preview.kind === 'png' && preview.dataUrl.startsWith('data:image/png;base64,')).toBe(true)
    const slipPreview = await value<PreviewView>(services.dispatch('print.preview', { document: 'orderSlip', caseId: started.id }, supervisor))
    // The receipt printer's slip, drawn from its ESC/POS bytes: the case's QR reads back from the picture.
    expect(decodeBarcode(decodePng(Buffer.from(slipPreview.dataUrl.split(',')[1]!, 'base64')), 'qr')).toBe(started.caseNumber)
    const receiptPdf = await value<PreviewView>(services.dispatch('print.preview', { document: 'pickupManifest', caseIds: [started.id] }, supervisor))
    expect(receiptPdf).toMatchObject({ kind: 'png', widthMm: 210 })

    const unassigned = await services.dispatch('print.pickupManifest', { caseIds: [started.id] }, supervisor)
    expect(unassigned).toMatchObject({ ok: false, error: { code: 'unavailable' } })
    const test = await value<PrintJobView>(services.dispatch('printers.testPrint', { printerId: 'tm' }, supervisor))
    expect(test.document).toBe('test')
    await waitFor('test page', () => tm.jobs.length === 2)

    // A reprint from the case history is recorded in the case's own event log.
    const again = await value<PrintJobView>(services.dispatch('print.reprint', { jobId: slip.id }, supervisor))
    expect(again.reprintOf).toBe(slip.id)
    const detail = await value<CaseDetail>(services.dispatch('cases.get', { caseId: started.id }, supervisor))
    const reprinted = detail.events.filter((e) => e.type === 'document.reprinted')
    expect(reprinted).toHaveLength(1)
    expect(reprinted[0]!.payload).toEqual({ document: 'orderSlip', jobId: again.id, reprintOf: slip.id })
    await waitFor('reprinted slip', () => tm.jobs.length === 3)
  })
})
