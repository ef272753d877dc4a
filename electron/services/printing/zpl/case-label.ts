// The case label in ZPL, 2"×1" or 4"×6" at 203 or 300 dpi: the case number as Code 128 and
// QR, the order number, the category and the date. Every element's box is computed here, so a
// barcode that would not fit throws LabelOverflow before anything is sent to a printer.
import type { CaseLabelModel, LabelFormat, PrintLocale } from '../models'
import { printTexts } from '../texts'
import { assertFits, code128, code128ModuleWidth, qr, qrMagnification, textLine, type BarcodeBox } from './zpl-fields'

export interface ZplLabel {
  zpl: string
  widthDots: number
  heightDots: number
  dpmm: number
  barcodes: BarcodeBox[]
}

export function labelDots(format: LabelFormat): { width: number; height: number; dpmm: number } {
  const [w, h] = format.size === '2x1' ? [2, 1] : [4, 6]
  return { width: w * format.dpi, height: h * format.dpi, dpmm: format.dpi === 300 ? 12 : 8 }
}

export function caseLabelZpl(model: CaseLabelModel, format: LabelFormat, locale: PrintLocale = 'en'): ZplLabel {
  const { width, height, dpmm } = labelDots(format)
  const t = printTexts(locale)
  const u = format.dpi / 203 // one 203-dpi dot, in this printer's dots
  const parts: string[] = []
  const barcodes: BarcodeBox[] = []
  const details = [model.orderNumber, `${t.categories[model.category]} · ${model.date}`]

  if (format.size === '2x1') {
    const m = Math.round(8 * u)
    const mw = code128ModuleWidth(model.caseNumber, width, 'case number barcode', 3)
    const bar = code128(model.caseNumber, Math.floor((width - mw * (11 * (model.caseNumber.length + 2) + 33)) / 2), m, mw, Math.round(56 * u))
    const below = m + bar.box.h + Math.round(6 * u)
    const mag = qrMagnification(model.caseNumber, height - below - m, 'case number QR code', 3)
    const code = qr(model.caseNumber, m, below, mag)
    assertFits('case number QR code', code.box.y + code.box.h, height)
    const textX = m + code.box.w + Math.round(6 * u)
    const lineH = Math.round(22 * u)
    ;[model.caseNumber, ...details].forEach((line, i) => parts.push(textLine(line, textX, below + i * (lineH + 4), lineH, width - textX - m)))
    assertFits('label text', below + 3 * (lineH + 4), height)
    parts.push(bar.zpl, code.zpl)
    barcodes.push(bar.box, code.box)
  } else {
    const m = Math.round(30 * u)
    const inner = width - 2 * m
    let y = m
    parts.push(textLine('DropDesk', m, y, Math.round(40 * u), inner))
    y += Math.round(56 * u)
    parts.push(textLine(model.caseNumber, m, y, Math.round(70 * u), inner))
    y += Math.round(90 * u)
    const mw = code128ModuleWidth(model.caseNumber, width, 'case number barcode', 4)
    const bar = code128(model.caseNumber, m, y, mw, Math.round(160 * u))
    y += bar.box.h + Math.round(30 * u)
    const mag = qrMagnification(model.caseNumber, Math.round(300 * u), 'case number QR code', 10)
    const code = qr(model.caseNumber, m, y, mag)
    const lineH = Math.round(40 * u)
    const textX = m + code.box.w + Math.round(20 * u)
    details.forEach((line, i) => parts.push(textLine(line, textX, y + Math.round(20 * u) + i * (lineH + 12), lineH, width - textX - m)))
    y += code.box.h + Math.round(30 * u)
    parts.push(bar.zpl, code.zpl)
    barcodes.push(bar.box, code.box)
    if (model.trackingNumber) {
      const tmw = code128ModuleWidth(model.trackingNumber, width, 'tracking number barcode', 4)
      const track = code128(model.trackingNumber, m, y, tmw, Math.round(120 * u))
      parts.push(track.zpl, textLine(model.trackingNumber, m, y + track.box.h + Math.round(8 * u), Math.round(30 * u), inner))
      barcodes.push(track.box)
      y += track.box.h + Math.round(50 * u)
    }
    assertFits('label content', y, height)
  }
  for (const b of barcodes) assertFits(`${b.symbology} barcode`, b.x + b.w, width)
  // ^CI28: UTF-8 field data; ^PW/^LL: the label's size in this printer's dots.
  const zpl = `^XA^CI28^PW${width}^LL${height}^LH0,0${parts.join('')}^XZ`
  return { zpl, widthDots: width, heightDots: height, dpmm, barcodes }
}
