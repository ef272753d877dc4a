// "This is what will print", proven: previews are drawn from the bytes the printer gets (the
// ESC/POS stream interpreted, barcodes included), with the case's real data and time, at a
// readable size; the slip's unlock PIN is masked in every preview and printed on the slip only.
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { CaseSummary } from '@shared/contract/views'
import type { PreviewView, PrintingSettings, PrintJobView } from '@shared/contract/printing-views'
import { createServices } from '../../electron/services'
import { interpretEscPos } from '../../electron/services/printing/escpos/escpos-interpreter'
import { receiptEscPos } from '../../electron/services/printing/escpos/receipt'
import type { Services } from '../../electron/services/types'
import { decodeBarcode } from '../support/barcode-decode'
import { FakeRawPrinter } from '../support/fake-raw-printer'
import { decodePng } from '../support/gray-image'
import { makeRecord } from '../support/manifest-factory'
import { signedInSession } from '../support/staff-session'
import { tempDir } from '../support/temp-dir'

let services: Services | undefined
const printers: FakeRawPrinter[] = []
afterEach(async () => {
  services?.close()
  services = undefined
  for (const p of printers.splice(0)) await p.stop()
})

async function value<T>(p: Promise<{ ok: boolean; value?: unknown; error?: unknown }>): Promise<T> {
  const r = await p
  if (!r.ok) throw new Error(JSON.stringify(r.error))
  return r.value as T
}

const png = (v: PreviewView): Buffer => Buffer.from(v.dataUrl.split(',')[1]!, 'base64')

async function kiosk(clock: { now: Date }) {
  const dir = tempDir()
  const record = makeRecord(3, { category: 'smartphone', caseType: 'withdrawal' })
  writeFileSync(path.join(dir, 'm.jsonl'), JSON.stringify(record))
  services = await createServices({ dataDir: path.join(dir, 'data'), transport: 'browser', manifestFile: path.join(dir, 'm.jsonl'), timeZone: 'Europe/Paris', now: () => clock.now })
  const supervisor = await signedInSession(services)
  const tm = await new FakeRawPrinter('escpos').start()
  const zebra = await new FakeRawPrinter('zpl').start()
  printers.push(tm, zebra)
  const settings: PrintingSettings = {
    locale: 'en',
    counter: { name: 'Relais Gare de Lyon', address: '12 rue de Lyon, 75012 Paris' },
    printers: [
      { id: 'printer-1', name: 'Receipts', language: 'escpos', transport: { kind: 'raw9100', host: '127.0.0.1', port: tm.port } },
      { id: 'printer-2', name: 'Labels', language: 'zpl', transport: { kind: 'raw9100', host: '127.0.0.1', port: zebra.port }, labelSize: '2x1', dpi: 203 },
    ],
    assignments: { receipt: 'printer-1', orderSlip: 'printer-1', caseLabel: 'printer-2' },
  }
  await value(services.dispatch('printers.configure', settings, supervisor))
  const started = await value<CaseSummary>(services.dispatch('cases.start', { orderNumber: record.orderNumber, via: 'search' }, supervisor))
  return { services, supervisor, record, started, tm }
}

describe('previews drawn from the printed bytes', () => {
  it('an ESC/POS receipt: its Code 128 and QR read back from the picture, with the drop-off time, the order, the device and the counter', async () => {
    const clock = { now: new Date('2026-11-22T09:30:00Z') }
    const { services, record, started, tm } = await kiosk(clock)
    clock.now = new Date('2026-11-22T15:05:00Z') // the preview is asked hours after the drop-off
    const supervisor = await signedInSession(services) // (the first session timed out meanwhile)
    const preview = await value<PreviewView>(services.dispatch('print.preview', { document: 'receipt', caseId: started.id, pixelRatio: 1 }, supervisor))
    const image = decodePng(png(preview))
    expect(image.width).toBe(640) // 80 mm at the printer's 203 dpi
    expect(decodeBarcode(image, 'code128')).toBe(record.returnRequest!.trackingNumber)
    expect(decodeBarcode(image, 'qr')).toBe(started.caseNumber)
    expect(preview.displayWidthPx).toBeGreaterThanOrEqual(400)

    // The same bytes go to the printer: what the preview read, the printer gets.
    const job = await value<PrintJobView>(services.dispatch('print.receipt', { caseId: started.id }, supervisor))
    await expect.poll(async () => (await value<PrintJobView[]>(services.dispatch('print.jobs', { caseId: started.id }, supervisor))).find((j) => j.id === job.id)?.state, { timeout: 10_000 }).toBe('acknowledged')
    const printed = tm.jobs[0]!.toString('latin1')
    for (const s of ['2026-11-22 10:30', record.orderNumber, `${record.item.brand} ${record.item.model}`, 'Relais Gare de Lyon, 12 rue de Lyon, 75012 Paris', record.returnRequest!.trackingNumber!]) expect(printed).toContain(s)
    expect(printed).not.toContain('16:05') // the print's own time is not the drop-off's
  })

  it('a 2″ × 1″ label preview is shown 4″ wide, from the label printer’s own dots', async () => {
    const { services, supervisor, started } = await kiosk({ now: new Date('2026-11-22T09:30:00Z') })
    const preview = await value<PreviewView>(services.dispatch('print.preview', { document: 'caseLabel', caseId: started.id }, supervisor))
    const image = decodePng(png(preview))
    expect([image.width, image.height]).toEqual([406, 203])
    expect(preview.displayWidthPx).toBe(406)
  })

  it('a PDF slip is drawn with the screen’s pixels: twice as many on a 2× screen', async () => {
    const { services, supervisor, started } = await kiosk({ now: new Date('2026-11-22T09:30:00Z') })
    const settings = await value<PrintingSettings>(services.dispatch('printers.settings', {}, supervisor))
    const { orderSlip: _onReceiptPrinter, ...assignments } = settings.assignments
    await value(services.dispatch('printers.configure', { ...settings, assignments }, supervisor))
    const one = decodePng(png(await value<PreviewView>(services.dispatch('print.preview', { document: 'orderSlip', caseId: started.id, pixelRatio: 1 }, supervisor))))
    const two = await value<PreviewView>(services.dispatch('print.preview', { document: 'orderSlip', caseId: started.id, pixelRatio: 2 }, supervisor))
    expect(decodePng(png(two)).width).toBeGreaterThanOrEqual(2 * one.width - 2)
    expect(one.width).toBeGreaterThanOrEqual(two.displayWidthPx - 2)
    expect(decodeBarcode(decodePng(png(two)), 'qr')).toBe(started.caseNumber)
  })
})

describe('ESC/POS interpreter', () => {
  it('places text, the Code 128 and the QR the builder emits, and sees the cut', () => {
    const bytes = receiptEscPos({ locale: 'fr', caseNumber: 'K7QX2-261122-001', orderNumber: 'BM-1', device: 'Apple iPhone 13', carrier: 'UPS', trackingNumber: '1Z999AA10123456784', dateTime: '2026-11-22 10:30', counter: { name: 'Relais' }, kioskId: 'K7QX2' })
    const page = interpretEscPos(bytes, { qrModules: () => 25, code128Modules: (t) => 11 * (t.length + 2) + 13 })
    const texts = page.items.filter((i) => i.kind === 'text').map((i) => i.text)
    expect(texts[0]).toBe('Reçu de dépôt') // double size, one line: 13 × 24 dots fit the 576
    expect(texts).toContain('Relais')
    expect(page.items.find((i) => i.kind === 'code128')).toMatchObject({ data: '1Z999AA10123456784', moduleDots: 2, heightDots: 80 })
    expect(page.items.find((i) => i.kind === 'qr')).toMatchObject({ data: 'K7QX2-261122-001', moduleDots: 6, level: 'M' })
    expect(page.cut).toBe(true)
    expect(page.items.every((i) => i.x >= 0 && i.x < page.widthDots)).toBe(true)
  })
})
