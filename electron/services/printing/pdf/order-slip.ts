// The order-details slip as an A6 PDF for office printers.
import type { OrderSlipModel } from '../models'
import { orderSlipFields } from '../slip-fields'
import { printTexts } from '../texts'
import { barcode, finish, labelled, newDocument, text, A6 } from './pdf-kit'

export async function orderSlipPdf(model: OrderSlipModel): Promise<Buffer> {
  const t = printTexts(model.locale)
  const w = await newDocument(A6, `${t.slipTitle} ${model.caseNumber}`)
  text(w, t.slipTitle, 15, true)
  text(w, `${t.caseNumber} ${model.caseNumber}`, 10)
  w.y -= 6
  for (const [label, value] of orderSlipFields(model)) labelled(w, label, value)
  w.y -= 4
  await barcode(w, 'qrcode', model.caseNumber, 70)
  return finish(w)
}
