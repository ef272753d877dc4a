// The refusal note the customer leaves with, on an 80 mm receipt printer: the decision, why
// (with the rule's dates), what to do next, and the case as Code 128 for when they come back.
import type { RefusalNoteModel } from '../models'
import { refusalNoteContent, refusalNoteHeadings } from '../refusal-note-content'
import { EscPos, field, paragraph } from './escpos-builder'

export function refusalNoteEscPos(model: RefusalNoteModel): Buffer {
  const c = refusalNoteContent(model)
  const h = refusalNoteHeadings(model.locale)
  const p = new EscPos().align('center').big(true).line(c.title).big(false).align('left').line()
  for (const [label, value] of c.fields) field(p, label, value)
  p.line().bold(true)
  paragraph(p, c.decided)
  p.bold(false).line().bold(true).line(h.why).bold(false)
  for (const s of c.why) paragraph(p, s)
  p.line().bold(true).line(h.next).bold(false)
  for (const s of c.next) paragraph(p, s)
  p.line().align('center').bold(true).line(`${h.caseNumber} ${model.caseNumber}`).bold(false).code128(model.caseNumber).align('left').line()
  paragraph(p, c.keep)
  return p.feedAndCut().bytes()
}
