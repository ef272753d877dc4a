// Each printer is described and asked for its state by what it is, and Diagnostics lists every
// printer and scan source with its state: real services on a real data dir, printers on
// loopback TCP ports (a Zebra, a receipt printer, an office printer's raw PDF port).
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { DiagnosticsView } from '@shared/contract/diagnostics-views'
import type { PrinterView, PrintingSettings, PrintJobView } from '@shared/contract/printing-views'
import { createServices } from '../../electron/services'
import { openStore } from '../../electron/services/store'
import { SyncLedger } from '../../electron/services/sync/sync-ledger'
import type { Services } from '../../electron/services/types'
import { FakeRawPrinter } from '../support/fake-raw-printer'
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

async function threePrinters() {
  const zebra = await new FakeRawPrinter('zpl').start()
  const tm = await new FakeRawPrinter('escpos').start()
  const office = await new FakeRawPrinter('zpl').start()
  office.state = 'silent' // a raw PDF port answers no status query
  printers.push(zebra, tm, office)
  const settings: PrintingSettings = {
    locale: 'en',
    printers: [
      { id: 'printer-1', name: 'Labels', language: 'zpl', transport: { kind: 'raw9100', host: '127.0.0.1', port: zebra.port }, labelSize: '2x1', dpi: 300 },
      // A receipt printer sent with a label size (a form switched from ZPL): not a fact about it.
      { id: 'printer-2', name: 'Receipts', language: 'escpos', transport: { kind: 'raw9100', host: '127.0.0.1', port: tm.port }, labelSize: '4x6', dpi: 203 },
      { id: 'printer-3', name: 'Office', language: 'pdf', transport: { kind: 'raw9100', host: '127.0.0.1', port: office.port } },
    ],
    assignments: { caseLabel: 'printer-1', receipt: 'printer-2', pickupManifest: 'printer-3' },
  }
  return { zebra, tm, office, settings }
}

describe('printers by what they are', () => {
  it('keeps label facts for label printers only, and asks each printer its own way', async () => {
    services = await createServices({ dataDir: path.join(tempDir(), 'data'), transport: 'browser' })
    const supervisor = await signedInSession(services)
    const { tm, office, settings } = await threePrinters()
    const list = await value<PrinterView[]>(services.dispatch('printers.configure', settings, supervisor))
    expect(list.map((p) => [p.name, p.labelSize, p.dpi, p.probedWith])).toEqual([
      ['Labels', '2x1', 300, 'Zebra ~HS'],
      ['Receipts', undefined, undefined, 'ESC/POS DLE EOT'],
      ['Office', undefined, undefined, 'TCP connect'],
    ])
    const stored = await value<PrintingSettings>(services.dispatch('printers.settings', {}, supervisor))
    expect(stored.printers[1]).not.toHaveProperty('labelSize')

    expect((await value<PrinterView>(services.dispatch('printers.status', { printerId: 'printer-3' }, supervisor))).status).toBe('ready')
    expect(office.jobs).toEqual([]) // connected and left: no ~HS sent to a PDF printer
    tm.state = 'paper_out'
    expect((await value<PrinterView>(services.dispatch('printers.status', { printerId: 'printer-2' }, supervisor))).status).toBe('paper_out')
    await office.stop()
    printers.splice(printers.indexOf(office), 1)
    expect((await value<PrinterView>(services.dispatch('printers.status', { printerId: 'printer-3' }, supervisor))).status).toBe('offline')
  })

  it('prints a PDF on a raw port: acknowledged once the printer closed the connection, the bytes are the PDF', async () => {
    services = await createServices({ dataDir: path.join(tempDir(), 'data'), transport: 'browser' })
    const supervisor = await signedInSession(services)
    const { office, settings } = await threePrinters()
    await value(services.dispatch('printers.configure', settings, supervisor))
    const job = await value<PrintJobView>(services.dispatch('printers.testPrint', { printerId: 'printer-3' }, supervisor))
    await expect.poll(async () => (await value<PrintJobView[]>(services!.dispatch('print.jobs', {}, supervisor))).find((j) => j.id === job.id)?.state, { timeout: 10_000 }).toBe('acknowledged')
    expect(office.jobs).toHaveLength(1)
    expect(office.jobs[0]!.subarray(0, 5).toString()).toBe('%PDF-')
  })

  it('refuses a printer without an address, name or port with what to do', async () => {
    services = await createServices({ dataDir: path.join(tempDir(), 'data'), transport: 'browser' })
    const supervisor = await signedInSession(services)
    const bad = { locale: 'en', assignments: {}, printers: [{ id: 'printer-1', name: 'Labels', language: 'zpl', transport: { kind: 'raw9100', host: 'not a host', port: 9100 } }] }
    const r = await services.dispatch('printers.configure', bad, supervisor)
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/IP address or host name/) } })
  })
})

describe('diagnostics of devices and printers', () => {
  it('lists every printer with its state and how it was asked, and the scan sources of the services', async () => {
    services = await createServices({ dataDir: path.join(tempDir(), 'data'), transport: 'browser' })
    const supervisor = await signedInSession(services)
    const empty = await value<DiagnosticsView>(services.dispatch('app.diagnostics', {}, supervisor))
    expect(empty.probes.find((p) => p.id === 'printer:none')).toMatchObject({ status: 'warning', detailKey: { key: 'noPrinter' } })

    const { tm, settings } = await threePrinters()
    await value(services.dispatch('printers.configure', settings, supervisor))
    tm.state = 'head_open'
    const d = await value<DiagnosticsView>(services.dispatch('app.diagnostics', {}, supervisor))
    expect(d.probes.map((p) => [p.id, p.label, p.status, p.detailKey])).toEqual([
      ['printer:printer-1', 'Labels', 'ok', { key: 'printer.ready', params: { how: 'Zebra ~HS' } }],
      ['printer:printer-2', 'Receipts', 'error', { key: 'printer.head_open', params: { how: 'ESC/POS DLE EOT' } }],
      ['printer:printer-3', 'Office', 'ok', { key: 'printer.ready', params: { how: 'TCP connect' } }],
      ['scanner:hid', 'hid scanner', 'unknown', { key: 'scannerState.disabled', params: { detail: '' } }],
      ['scanner:serial', 'serial scanner', 'unknown', { key: 'scannerState.disabled', params: { detail: '' } }],
      ['photos', 'Photos', 'ok', { key: 'photosOk', params: { checked: 0, missing: 0, mismatched: 0 } }],
    ])
  })
})

describe('photos to send', () => {
  it('counts every photo taken that the central system does not have, before any sync ran', () => {
    const store = openStore(path.join(tempDir(), 'data'))
    try {
      const insert = store.db.prepare("INSERT INTO photos (sha256, case_id, purpose, shot, mime, size, captured_at) VALUES (?, 'case-1', 'condition', ?, 'image/jpeg', 10, '2026-12-01T10:00:00Z')")
      for (let i = 0; i < 28; i++) insert.run(i.toString(16).padStart(64, '0'), `shot-${i}`)
      const ledger = new SyncLedger(store.db)
      expect(ledger.counts().pendingPhotos).toBe(0) // the upload queue learns of them only when their events are pushed
      expect(ledger.photosToSend()).toBe(28)
      store.db.prepare("INSERT INTO sync_photos (sha256, event_id, case_id, path, done_at) VALUES (?, 'e1', 'case-1', 'p', '2026-12-01T11:00:00Z')").run((0).toString(16).padStart(64, '0'))
      expect(ledger.photosToSend()).toBe(27)
    } finally {
      store.close()
    }
  })
})
