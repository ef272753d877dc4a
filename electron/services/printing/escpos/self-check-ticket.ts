// The customer's self-check ticket on the counter's 80 mm receipt printer: the number large
// enough to read across the counter, the same number as a Code 128 for staff's scanner, the
// order and the time, and what to do with it.
import type { TicketModel } from '../models'
import { printTexts } from '../texts'
import { EscPos, paragraph } from './escpos-builder'

export function ticketEscPos(model: TicketModel): Buffer {
  const t = printTexts(model.locale)
  const p = new EscPos().align('center').big(true).line(t.ticketTitle).big(false).line()
  p.bold(true).magnify(4).line(model.ticket).magnify(1).bold(false).line()
  p.code128(model.ticket).line()
  // French sets a space before the colon.
  const colon = model.locale === 'fr' ? ' : ' : ': '
  p.line(`${t.orderNumber}${colon}${model.orderNumber}`).line(`${t.dateTime}${colon}${model.dateTime}`).line()
  p.bold(true)
  paragraph(p, t.ticketShow)
  return p.bold(false).feedAndCut().bytes()
}
