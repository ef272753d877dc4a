// The refusal note a refused customer leaves with, through the service calls and a printer on a
// loopback port: only a refused case has one; what it says is read back from the bytes the
// printer got (ESC/POS through the same interpreter the preview draws with, PDF with pdftotext
// and its Code 128 decoded), in English and French.
import { afterEach, describe, expect, it } from 'vitest'
import type { PrintJobView } from '@shared/contract/printing-views'
import type { CaseDetail } from '@shared/contract/views'
import { interpretEscPos } from '../../electron/services/printing/escpos/escpos-interpreter'
import { decodeBarcode } from '../support/barcode-decode'
import { FakeRawPrinter } from '../support/fake-raw-printer'
import { order, startIntake, type IntakeFixture } from '../support/intake-fixture'
import { assess } from '../support/intake-steps'
import { pdfPageCount, pdfPageGray, pdfText } from '../support/poppler'

/** A withdrawal delivered on 1 Oct, refused on 23 Nov: past its 30 days. */
const lateWithdrawal = (i: number) =>
  order(i, { category: 'smartphone', caseType: 'withdrawal' }, (o) => {
    o.deliveredAt = '2026-10-01'
    o.returnRequest!.requestedAt = '2026-11-20T10:00:00Z'
  })
const tradeIn = (i: number) =>
  order(i, { category: 'smartphone', caseType: 'trade_in' }, (o) => {
    o.returnRequest!.requestedAt = '2026-11-16T10:00:00Z'
    o.tradeIn!.offerAt = '2026-11-15T10:00:00Z'
  })

const printers: FakeRawPrinter[] = []
afterEach(async () => {
  for (const p of printers.splice(0)) await p.stop()
})

/** A printer on a loopback port assigned to the refusal note, and the counter's name and address. */
async function notePrinter(f: IntakeFixture, language: 'escpos' | 'pdf', locale: 'en' | 'fr'): Promise<FakeRawPrinter> {
  // A raw-port PDF printer has no status language (a TCP connect): the fake takes its bytes all the same.
  const printer = await new FakeRawPrinter('escpos').start()
  printers.push(printer)
  const config = { id: 'desk', name: 'Desk printer', language, transport: { kind: 'raw9100', host: '127.0.0.1', port: printer.port } }
  const counter = { name: 'Relais Gare de Lyon', address: '12 rue de Lyon, 75012 Paris' }
  await f.ok('printers.configure', { printers: [config], assignments: { refusalNote: 'desk' }, locale, counter }, f.boss)
  return printer
}

async function printed(f: IntakeFixture, caseId: string, printer: FakeRawPrinter): Promise<Buffer> {
  const job = await f.ok<PrintJobView>('print.refusalNote', { caseId }, f.staff)
  expect(job).toMatchObject({ document: 'refusalNote', caseId })
  await expect.poll(async () => (await f.ok<PrintJobView[]>('print.jobs', { caseId }, f.staff)).find((j) => j.id === job.id)?.state, { timeout: 15_000 }).toBe('acknowledged')
  expect(printer.jobs).toHaveLength(1)
  return printer.jobs[0]!
}

/** The ESC/POS note as lines of text, as the printer (and the preview) lays them out. */
function escposLines(bytes: Buffer): { lines: string[]; code128: string[] } {
  const page = interpretEscPos(bytes, { qrModules: () => 25, code128Modules: (t) => 11 * (t.length + 2) + 13 })
  return {
    lines: page.items.flatMap((i) => (i.kind === 'text' ? [i.text] : [])),
    code128: page.items.flatMap((i) => (i.kind === 'code128' ? [i.data] : [])),
  }
}

describe('refusal note', () => {
  it('is refused for a case that is not refused, with what to print instead', async () => {
    const r = tradeIn(31)
    const f = await startIntake([r])
    await notePrinter(f, 'escpos', 'en')
    const caseId = await f.start(r)
    await assess(f, r, caseId)
    const e = await f.fails('print.refusalNote', { caseId }, f.staff)
    expect(e).toMatchObject({ code: 'conflict', details: { reason: 'not_refused' } })
    expect(e.message).toMatch(/is not refused, so it has no refusal note/)
    expect((await f.ok<PrintJobView[]>('print.jobs', { caseId }, f.staff)).length).toBe(0)
  })

  it('a withdrawal past its window, closed as refused: the receipt printer\'s note says the decision, the window\'s dates, what to do next and the case as Code 128 (English)', async () => {
    const r = lateWithdrawal(32)
    const f = await startIntake([r])
    const printer = await notePrinter(f, 'escpos', 'en')
    const caseId = await f.start(r)
    await assess(f, r, caseId)
    await f.ok('intake.closeRefused', { caseId }, f.staff)
    const detail = await f.ok<CaseDetail>('cases.get', { caseId }, f.staff)
    const { lines, code128 } = escposLines(await printed(f, caseId, printer))
    const text = lines.join('\n')
    expect(lines[0]).toBe('Device not accepted')
    for (const s of ['Relais Gare de Lyon, 12 rue de Lyon, 75012 Paris', r.orderNumber, '2026-11-23 10:00', 'withdrawal (return for a refund)']) expect(text).toContain(s)
    const words = text.replace(/\n/g, ' ')
    expect(words).toContain('Your device was not accepted as a withdrawal, and it was handed back to you.')
    expect(words).toContain('The 30-day withdrawal period ran from 1 Oct 2026 to 31 Oct 2026, that day included: it has ended.')
    expect(words).toContain('On 23 Nov 2026, 53 days had passed since delivery.')
    expect(words).toContain('It may still be sent as a repair under warranty')
    expect(words).toContain('What you can do next')
    expect(code128).toEqual([detail.state.caseNumber])
    expect(words).toContain(`Case ${detail.state.caseNumber}`)
  })

  it('a locked trade-in on an office printer: the A6 PDF says why and what to do, in French, on one page, its Code 128 reads back', async () => {
    const r = tradeIn(33)
    const f = await startIntake([r])
    const printer = await notePrinter(f, 'pdf', 'fr')
    const caseId = await f.start(r)
    await assess(f, r, caseId)
    await f.ok('intake.accountStillLocked', { caseId, accounts: ['apple_find_my'] }, f.staff)
    // Refused and still open (the customer may come back signed out): the note prints already.
    const detail = await f.ok<CaseDetail>('cases.get', { caseId }, f.staff)
    const pdf = await printed(f, caseId, printer)
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
    expect(pdfPageCount(pdf)).toBe(1)
    const words = pdfText(pdf).replace(/\s+/g, ' ')
    for (const s of ['Appareil non accepté', 'Relais Gare de Lyon, 12 rue de Lyon, 75012 Paris', r.orderNumber, 'Votre appareil n’a pas été accepté pour une reprise', 'L’appareil est encore lié à un compte', 'Déconnectez l’appareil de tous ses comptes', 'Ce que vous pouvez faire', `Dossier ${detail.state.caseNumber}`]) {
      expect(words).toContain(s)
    }
    expect(words).not.toMatch(/délai/)
    expect(decodeBarcode(pdfPageGray(pdf), 'code128')).toBe(detail.state.caseNumber)
  })
})
