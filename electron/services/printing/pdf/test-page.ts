// The test print of an office printer: one A6 page with the printer's name and a QR.
import { barcode, finish, newDocument, text, A6 } from './pdf-kit'

export async function testPagePdf(title: string, printerName: string, at: string): Promise<Buffer> {
  const w = await newDocument(A6, title)
  text(w, title, 14, true)
  text(w, printerName, 10)
  text(w, at, 10)
  w.y -= 8
  await barcode(w, 'qrcode', 'DROPDESK-TEST', 60)
  return finish(w)
}
