// The order-details slip that goes inside the parcel, on an 80 mm receipt printer.
import type { OrderSlipModel } from '../models'
import { orderSlipFields } from '../slip-fields'
import { printTexts } from '../texts'
import { EscPos, field } from './escpos-builder'

export function orderSlipEscPos(model: OrderSlipModel): Buffer {
  const t = printTexts(model.locale)
  const p = new EscPos().align('center').big(true).line(t.slipTitle).big(false).line(model.caseNumber).align('left').line()
  for (const [label, value] of orderSlipFields(model)) field(p, label, value)
  return p.line().align('center').qr(model.caseNumber, 5).feedAndCut().bytes()
}
