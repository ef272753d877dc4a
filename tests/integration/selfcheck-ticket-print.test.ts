// The customer's self-check ticket on the counter's receipt printer, through the service calls:
// the bytes an ESC/POS printer on a loopback port receives, read back by the ESC/POS
// interpreter the previews use (the number large, its Code 128, the order, the time, what to
// do, in the customer's language). Without a receipt printer, or with one that cannot print it,
// the check-in is recorded all the same and the answer says why nothing was printed.
import { afterEach, describe, expect, it } from 'vitest'
import type { SelfCheckFinish, SelfCheckView, TicketPrintView } from '@shared/contract/intake-views'
import type { CaseMatch } from '@shared/contract/views'
import { interpretEscPos } from '../../electron/services/printing/escpos/escpos-interpreter'
import { FakeRawPrinter } from '../support/fake-raw-printer'
import { order, startIntake, type IntakeFixture } from '../support/intake-fixture'

const printers: FakeRawPrinter[] = []
afterEach(async () => {
  for (const p of printers.splice(0)) await p.stop()
})

const mine = order(6, { category: 'smartphone', caseType: 'withdrawal' })
const next = order(7, { category: 'tablet', caseType: 'warranty_repair' })

async function checkIn(f: IntakeFixture, locale?: 'en' | 'fr', which = mine): Promise<SelfCheckFinish> {
  const kiosk = await f.signIn(f.staffPin)
  await f.ok('session.setMode', { mode: 'customer' }, kiosk)
  await f.ok<SelfCheckView>('selfcheck.start', { code: which.returnRequest!.labelCode }, kiosk)
  const finished = await f.ok<SelfCheckFinish>('selfcheck.finish', locale ? { locale } : {}, kiosk)
  // Whatever the printer did, the check-in is recorded and the number finds the case.
  const told = await f.ok<CaseMatch[]>('cases.find', { query: finished.ticket.number }, f.staff)
  expect(told.map((m) => m.matchedBy)).toEqual(['ticket'])
  return Object.assign(finished, { kiosk })
}

async function receiptPrinter(f: IntakeFixture, language: 'escpos' | 'pdf'): Promise<FakeRawPrinter> {
  const printer = await new FakeRawPrinter('escpos').start()
  printers.push(printer)
  const settings = {
    locale: 'en',
    printers: [{ id: 'tm', name: 'Counter receipts', language, transport: { kind: 'raw9100', host: '127.0.0.1', port: printer.port } }],
    assignments: { receipt: 'tm' },
  }
  await f.ok('printers.configure', settings, f.boss)
  return printer
}

describe('the self-check ticket on the receipt printer', () => {
  it('prints the number large, its Code 128, the order and the time, in the customer’s language', async () => {
    const f = await startIntake([mine])
    const printer = await receiptPrinter(f, 'escpos')
    const finished = (await checkIn(f, 'fr')) as SelfCheckFinish & { kiosk: Parameters<IntakeFixture['ok']>[2] }
    expect(finished.print).toMatchObject({ jobId: expect.any(String) })
    const jobId = (finished.print as { jobId: string }).jobId
    await expect.poll(async () => (await f.ok<TicketPrintView>('selfcheck.ticketPrint', { jobId }, finished.kiosk)).state).toBe('acknowledged')
    expect(await f.fails('selfcheck.ticketPrint', { jobId }, f.staff)).toMatchObject({ code: 'forbidden' })
    expect(await f.fails('selfcheck.ticketPrint', { jobId: 'not-a-job' }, finished.kiosk)).toMatchObject({ code: 'not_found' })

    expect(printer.jobs).toHaveLength(1)
    const page = interpretEscPos(printer.jobs[0]!, { qrModules: () => 25, code128Modules: (t) => 11 * (t.length + 2) + 13 })
    const texts = page.items.flatMap((i) => (i.kind === 'text' ? [i] : []))
    const number = finished.ticket.number
    expect(texts.map((t) => t.text)).toEqual([
      'Votre ticket',
      number,
      number, // the Code 128's human-readable line
      `Numéro de commande : ${mine.orderNumber}`,
      'Date et heure : 2026-11-23 10:00',
      'Montrez ce ticket au personnel du comptoir.',
    ])
    // Four times the normal size: 4 × 24 dots high, readable across the counter.
    expect(texts[1]).toMatchObject({ width: 4, height: 4, bold: true })
    expect(page.items.filter((i) => i.kind === 'code128')).toEqual([expect.objectContaining({ data: number })])
    expect(page.cut).toBe(true)
    expect(page.items.every((i) => i.x >= 0 && i.x < page.widthDots)).toBe(true)

    // A supervisor's reprint from the job list prints the same ticket again.
    const again = await f.ok<{ document: string; reprintOf: string }>('print.reprint', { jobId }, f.boss)
    expect(again).toMatchObject({ document: 'ticket', reprintOf: jobId })
    await expect.poll(() => printer.jobs.length).toBe(2)
    expect(printer.jobs[1]!.equals(printer.jobs[0]!)).toBe(true)
  })

  it('prints it in English by default', async () => {
    const f = await startIntake([mine])
    const printer = await receiptPrinter(f, 'escpos')
    await checkIn(f)
    await expect.poll(() => printer.jobs.length).toBe(1)
    const texts = interpretEscPos(printer.jobs[0]!, { qrModules: () => 25, code128Modules: (t) => 11 * (t.length + 2) + 13 }).items.flatMap((i) => (i.kind === 'text' ? [i.text] : []))
    expect(texts).toContain('Show this ticket to the counter staff.')
    expect(texts).toContain(`Order number: ${mine.orderNumber}`)
  })

  it('says why no ticket was printed when there is no receipt printer, or one that cannot print it', async () => {
    const f = await startIntake([mine, next])
    const none = await checkIn(f)
    expect(none.print).toEqual({ state: 'not_printed', reason: 'no_printer' })

    const office = await receiptPrinter(f, 'pdf')
    const pdf = await checkIn(f, 'en', next)
    expect(pdf.print).toEqual({ state: 'not_printed', reason: 'not_receipt_printer' })
    expect(office.jobs).toHaveLength(0)
  })
})
