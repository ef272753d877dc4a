// The spooler transports against real CUPS parts: ippeveprinter as a driverless IPP printer
// receiving a PDF and a ZPL job (Print-Job, acknowledged with a job id), and a private cupsd
// whose raw queue delivers `lp` jobs to a printer on a loopback socket.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CupsPrinter } from '../../electron/services/devices/printers/cups'
import { IppPrinter } from '../../electron/services/devices/printers/ipp'
import { receiptPdf } from '../../electron/services/printing/pdf/receipt'
import { caseLabelZpl } from '../../electron/services/printing/zpl/case-label'
import { startIppEvePrinter, startPrivateCups, type IppEvePrinter, type PrivateCups } from '../support/cups-servers'
import { FakeRawPrinter } from '../support/fake-raw-printer'
import { waitFor } from '../support/printing-service-fixture'

const label = caseLabelZpl({ caseNumber: 'K7QX2-261122-001', orderNumber: 'BM-1', category: 'tablet', date: '2026-11-22' }, { size: '2x1', dpi: 203 })
const dir = mkdtempSync(path.join(os.tmpdir(), 'dropdesk-cups-'))
let ipp: IppEvePrinter
let printer: IppPrinter

beforeAll(async () => {
  let uri = ''
  ipp = await startIppEvePrinter(dir, () => new IppPrinter(uri, 1000).status().then((s) => s === 'ready'), (u) => (uri = u))
  printer = new IppPrinter(ipp.uri)
})
afterAll(async () => {
  await ipp?.stop()
  rmSync(dir, { recursive: true, force: true })
})

async function waitForAsync<T>(f: () => Promise<T | null>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const v = await f()
    if (v) return v
    if (Date.now() > deadline) throw new Error('timed out')
    await new Promise((r) => setTimeout(r, 200))
  }
}

function spooled(): Buffer[] {
  return readdirSync(ipp.spoolDir).map((f) => readFileSync(path.join(ipp.spoolDir, f)))
}

describe('IPP Print-Job to ippeveprinter', () => {
  it('reports ready, and acknowledges a PDF receipt with a job id; the spooled file is the PDF', async () => {
    expect(await printer.status()).toBe('ready')
    const pdf = await receiptPdf({ locale: 'en', caseNumber: 'K7QX2-261122-001', orderNumber: 'BM-48213377', device: 'Apple iPhone 13', carrier: 'UPS', trackingNumber: '1Z999AA10123456784', dateTime: '2026-11-22 10:30', counter: { name: 'Relais Gare de Lyon', address: '12 rue de Lyon, 75012 Paris' }, kioskId: 'K7QX2' })
    let sent = false
    const ack = await printer.print({ bytes: pdf, mimeType: 'application/pdf', name: 'receipt' }, () => (sent = true))
    expect(sent).toBe(true)
    expect(ack.reference).toMatch(/^\d+$/)
    await waitFor('the PDF in the spool', () => spooled().some((b) => b.equals(pdf)))
  })

  it('acknowledges a ZPL label sent as application/vnd.zebra-zpl', async () => {
    const zpl = Buffer.from(label.zpl)
    // ippeveprinter takes one job at a time and answers server-error-busy meanwhile; the queue
    // retries such errors with backoff, as done here.
    const ack = await waitForAsync(() => printer.print({ bytes: zpl, mimeType: 'application/vnd.zebra-zpl', name: 'label' }, () => {}).catch(() => null))
    expect(ack.reference).toMatch(/^\d+$/)
    await waitFor('the ZPL in the spool', () => spooled().some((b) => b.equals(zpl)))
  })

  it('an IPP address where nothing listens is offline', async () => {
    expect(await new IppPrinter('ipp://127.0.0.1:1/ipp/print', 500).status()).toBe('offline')
  })
})

describe('CUPS lp to a raw queue (private cupsd)', () => {
  let cups: PrivateCups
  let zebra: FakeRawPrinter
  beforeAll(async () => {
    cups = await startPrivateCups(path.join(dir, 'cups'))
    zebra = await new FakeRawPrinter('zpl').start()
    cups.addRawQueue('dropdesk-labels', zebra.port)
    process.env.CUPS_SERVER = cups.env.CUPS_SERVER
  })
  afterAll(async () => {
    delete process.env.CUPS_SERVER
    await cups?.stop()
    await zebra?.stop()
  })

  it('lp -o raw: cupsd acknowledges with a request id and delivers the exact ZPL bytes to the printer', async () => {
    const queue = new CupsPrinter('dropdesk-labels')
    expect(await queue.status()).toBe('ready')
    const zpl = Buffer.from(label.zpl)
    const ack = await queue.print({ bytes: zpl, mimeType: 'application/vnd.zebra-zpl', name: 'label' }, () => {})
    expect(ack.reference).toMatch(/^dropdesk-labels-\d+$/)
    await waitFor('the label at the printer', () => zebra.jobs.length === 1)
    expect(zebra.jobs[0]).toEqual(zpl)
  })

  it('an unknown queue is offline', async () => {
    expect(await new CupsPrinter('no-such-queue').status()).toBe('offline')
  })
})
