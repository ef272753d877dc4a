// The test print of a label printer: the title, the printer's name and the time, and a
// frame at the label's edges so a wrong size or dpi setting shows at a glance.
import type { LabelFormat } from '../models'
import { labelDots, type ZplLabel } from './case-label'
import { textLine } from './zpl-fields'

export function testLabelZpl(title: string, printerName: string, at: string, format: LabelFormat): ZplLabel {
  const { width, height, dpmm } = labelDots(format)
  const u = format.dpi / 203
  const m = Math.round(10 * u)
  const h = Math.round((format.size === '2x1' ? 24 : 48) * u)
  const lines = [title, printerName, at, `${format.size} ${format.dpi} dpi`]
  const zpl = `^XA^CI28^PW${width}^LL${height}^FO${m / 2},${m / 2}^GB${width - m},${height - m},${Math.max(2, Math.round(2 * u))}^FS${lines.map((l, i) => textLine(l, m * 2, m * 2 + i * (h + 6), h, width - 4 * m)).join('')}^XZ`
  return { zpl, widthDots: width, heightDots: height, dpmm, barcodes: [] }
}
