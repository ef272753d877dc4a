// The customer's drop-off receipt as a PDF (A6): case, carrier, tracking number, date and time,
// the tracking number as Code 128 and a QR of the case.
import type { ReceiptModel } from '../models'
import { receiptFields } from '../slip-fields'
import { printTexts } from '../texts'
import { barcode, finish, labelled, newDocument, text, A6 } from './pdf-kit'

export async function receiptPdf(model: ReceiptModel): Promise<Buffer> {
  const t = printTexts(model.locale)
  const w = await newDocument(A6, `${t.receiptTitle} ${model.caseNumber}`)
  text(w, t.receiptTitle, 15, true)
  w.y -= 6
  for (const [label, value] of receiptFields(model)) labelled(w, label, value, 8.5)
  if (model.trackingNumber) {
    w.y -= 4
    await barcode(w, 'code128', model.trackingNumber, 40)
  }
  w.y -= 8
  await barcode(w, 'qrcode', model.caseNumber, 64)
  w.y -= 4
  text(w, t.keep, 7)
  return finish(w)
}
