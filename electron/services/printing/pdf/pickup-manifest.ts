// The carrier pickup manifest (A4): every parcel of the batch with its tracking number as a
// Code 128, and a line for the driver's signature. A closed batch's manifest carries the
// driver's pickup time, the count and the batch id as one Code 128. Continues on new pages as needed.
import type { PickupManifestModel } from '../models'
import { printTexts } from '../texts'
import { barcode, finish, newDocument, text, A4, type Writer } from './pdf-kit'

const ROW = 70

export async function pickupManifestPdf(model: PickupManifestModel): Promise<Buffer> {
  const t = printTexts(model.locale)
  const w: Writer = await newDocument(A4, `${t.manifestTitle} ${model.carrier}`)
  const [pageW, pageH] = A4
  text(w, t.manifestTitle, 16, true)
  text(w, `${t.carrier}: ${model.carrier} · ${t.kiosk}: ${model.kioskId} · ${model.batchId ? `${t.pickupTime}: ` : ''}${model.dateTime}`, 10)
  text(w, `${t.parcels}: ${model.parcels.length}`, 12, true)
  if (model.batchId) {
    // One barcode for the whole batch: the driver's app scans it instead of every parcel.
    text(w, `${t.batch}: ${model.batchId}`, 9)
    await barcode(w, 'code128', model.batchId, 40)
  }
  w.y -= 8
  for (const [i, parcel] of model.parcels.entries()) {
    if (w.y - ROW < w.margin + 40) {
      w.page = w.doc.addPage(A4)
      w.y = pageH - w.margin
    }
    const top = w.y
    text(w, `${i + 1}. ${parcel.trackingNumber}   (${t.caseNumber} ${parcel.caseNumber})`, 9, true)
    await barcode(w, 'code128', parcel.trackingNumber, 36)
    w.y = Math.min(w.y, top - ROW)
  }
  w.y -= 20
  text(w, `${t.signature}: ____________________________`, 10)
  w.page.drawLine({ start: { x: w.margin, y: w.margin }, end: { x: pageW - w.margin, y: w.margin }, thickness: 0.5 })
  return finish(w)
}
