// The customer's drop-off receipt (proof of shipment) on an 80 mm receipt printer.
import type { ReceiptModel } from '../models'
import { receiptFields } from '../slip-fields'
import { printTexts } from '../texts'
import { EscPos, field, paragraph } from './escpos-builder'

export function receiptEscPos(model: ReceiptModel): Buffer {
  const t = printTexts(model.locale)
  const p = new EscPos().align('center').big(true).line(t.receiptTitle).big(false).align('left').line()
  for (const [label, value] of receiptFields(model)) field(p, label, value)
  p.line().align('center')
  if (model.trackingNumber) p.code128(model.trackingNumber)
  p.qr(model.caseNumber, 6).line()
  paragraph(p, t.keep)
  return p.feedAndCut().bytes()
}
