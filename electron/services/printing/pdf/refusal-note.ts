// The refusal note as a PDF (A6) for an office printer: the same words as the receipt-printer
// note, and the case number as Code 128.
import type { RefusalNoteModel } from '../models'
import { refusalNoteContent, refusalNoteHeadings } from '../refusal-note-content'
import { barcode, finish, labelled, newDocument, text, A6 } from './pdf-kit'

export async function refusalNotePdf(model: RefusalNoteModel): Promise<Buffer> {
  const c = refusalNoteContent(model)
  const h = refusalNoteHeadings(model.locale)
  const w = await newDocument(A6, `${c.title} ${model.caseNumber}`)
  text(w, c.title, 14, true)
  w.y -= 4
  for (const [label, value] of c.fields) labelled(w, label, value, 7.5)
  text(w, c.decided, 8, true)
  w.y -= 3
  text(w, h.why, 7, true)
  for (const s of c.why) text(w, s, 7)
  w.y -= 3
  text(w, h.next, 7, true)
  for (const s of c.next) text(w, s, 7)
  w.y -= 4
  text(w, `${h.caseNumber} ${model.caseNumber}`, 7.5, true)
  w.y -= 2
  await barcode(w, 'code128', model.caseNumber, 26)
  w.y -= 2
  text(w, c.keep, 6.5)
  return finish(w)
}
