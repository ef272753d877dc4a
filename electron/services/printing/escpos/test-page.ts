// The test print of a receipt printer: a title, the printer's name, the time, a QR.
import { EscPos } from './escpos-builder'

export function testPageEscPos(title: string, printerName: string, at: string): Buffer {
  return new EscPos().align('center').big(true).line(title).big(false).line(printerName).line(at).qr('DROPDESK-TEST', 4).feedAndCut().bytes()
}
