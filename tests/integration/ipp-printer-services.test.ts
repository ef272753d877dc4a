// An office printer reached by IPP, as the kiosk's services see it: a real ippeveprinter
// (cups-ipp-utils, with the D-Bus and Avahi it needs, started here and stopped after, pass or
// fail). Its card states what it is and how it is asked, its state is probed by IPP, a test
// page is printed and acknowledged, and Diagnostics lists it; stopped, it reads offline.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DiagnosticsView } from '@shared/contract/diagnostics-views'
import type { PrinterView, PrintingSettings, PrintJobView } from '@shared/contract/printing-views'
import { createServices } from '../../electron/services'
import { IppPrinter } from '../../electron/services/devices/printers/ipp'
import type { Services } from '../../electron/services/types'
import { startIppEvePrinter, type IppEvePrinter } from '../support/cups-servers'
import { signedInSession } from '../support/staff-session'
import { tempDir } from '../support/temp-dir'

let ipp: IppEvePrinter | undefined
let services: Services | undefined

beforeAll(async () => {
  let uri = ''
  ipp = await startIppEvePrinter(tempDir(), () => new IppPrinter(uri, 1000).status().then((s) => s === 'ready'), (u) => (uri = u))
})
afterAll(async () => {
  services?.close()
  await ipp?.stop()
})

async function value<T>(p: Promise<{ ok: boolean; value?: unknown; error?: unknown }>): Promise<T> {
  const r = await p
  if (!r.ok) throw new Error(JSON.stringify(r.error))
  return r.value as T
}

describe('an IPP printer through the services', () => {
  it('states its facts, is probed by IPP, prints a test page, shows on Diagnostics, and reads offline once stopped', async () => {
    services = await createServices({ dataDir: path.join(tempDir(), 'data'), transport: 'browser' })
    const supervisor = await signedInSession(services)
    const settings: PrintingSettings = {
      locale: 'en',
      printers: [{ id: 'printer-1', name: 'Back office', language: 'pdf', transport: { kind: 'ipp', uri: ipp!.uri } }],
      assignments: { pickupManifest: 'printer-1' },
    }
    const [card] = await value<PrinterView[]>(services.dispatch('printers.configure', settings, supervisor))
    expect(card).toMatchObject({ name: 'Back office', language: 'pdf', transport: { kind: 'ipp', uri: ipp!.uri } })
    expect(card).not.toHaveProperty('labelSize')
    expect(card).not.toHaveProperty('dpi')
    expect(card!.probedWith).toMatch(/IPP/)

    expect((await value<PrinterView>(services.dispatch('printers.status', { printerId: 'printer-1' }, supervisor))).status).toBe('ready')

    const job = await value<PrintJobView>(services.dispatch('printers.testPrint', { printerId: 'printer-1' }, supervisor))
    const jobs = () => value<PrintJobView[]>(services!.dispatch('print.jobs', {}, supervisor))
    await expect.poll(async () => (await jobs()).find((j) => j.id === job.id)?.state, { timeout: 30_000 }).toBe('acknowledged')
    // ippeveprinter keeps the spooled file (-k): the document it received is the PDF.
    await expect.poll(() => readdirSync(ipp!.spoolDir).length, { timeout: 10_000 }).toBeGreaterThan(0)
    const file = readdirSync(ipp!.spoolDir)[0]!
    expect(readFileSync(path.join(ipp!.spoolDir, file)).subarray(0, 5).toString()).toBe('%PDF-')

    const d = await value<DiagnosticsView>(services.dispatch('app.diagnostics', {}, supervisor))
    expect(d.probes.find((p) => p.id === 'printer:printer-1')).toMatchObject({ label: 'Back office', status: 'ok', detailKey: { key: 'printer.ready' } })

    await ipp!.stop()
    expect((await value<PrinterView>(services.dispatch('printers.status', { printerId: 'printer-1' }, supervisor))).status).toBe('offline')
    const after = await value<DiagnosticsView>(services.dispatch('app.diagnostics', {}, supervisor))
    expect(after.probes.find((p) => p.id === 'printer:printer-1')).toMatchObject({ status: 'error', detailKey: { key: 'printer.offline' } })
  })
})
