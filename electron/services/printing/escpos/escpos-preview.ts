// The picture of an ESC/POS document: the bytes the printer gets, read by the interpreter, drawn
// on an 80 mm page (1 dot = 1/203 inch) with the printer's font A metrics (Courier: a fixed
// 12-dot cell), its own QR and Code 128 (subset B, as GS k 73 "{B" prints it) from bwip-js.
import { loadBwip, loadPdfLib } from '../pdf/pdf-kit'
import { DOTS_PER_LINE, interpretEscPos, type BarcodeSizer } from './escpos-interpreter'

export const RECEIPT_DPI = 203
const PT = 72 / RECEIPT_DPI // one dot in PDF points
const PAPER_DOTS = 640 // 80 mm
const SIDE = (PAPER_DOTS - DOTS_PER_LINE) / 2
const TOP = 24

/** Code 128 subset B as codewords (start B, then each character), the check and stop added by bwip-js. */
function code128B(data: string): string {
  return [104, ...Array.from(data, (c) => c.charCodeAt(0) - 32)].map((v) => `^${String(v).padStart(3, '0')}`).join('')
}

type RawSymbol = { sbs?: number[]; pixs?: number[]; pixx?: number; pixy?: number }
type ToRaw = (options: Record<string, unknown>) => RawSymbol[]

/**
 * bwip-js's encoder without drawing (bars as widths, a QR as its modules): the ESM build
 * exports it on `default`, the CommonJS one on the module itself.
 */
async function loadEncoder(): Promise<ToRaw> {
  const mod = (await loadBwip()) as unknown as { default?: { raw?: ToRaw }; raw?: ToRaw }
  const raw = mod.default?.raw ?? mod.raw
  if (!raw) throw new Error('bwip-js has no raw encoder')
  return raw
}

export async function escposPreviewPdf(bytes: Uint8Array): Promise<Buffer> {
  const encode = await loadEncoder()
  const qr = (text: string, eclevel: string): RawSymbol => encode({ bcid: 'qrcode', text, eclevel })[0]!
  const bars = (text: string): number[] => encode({ bcid: 'code128', text: code128B(text), raw: true })[0]!.sbs!
  const sizer: BarcodeSizer = {
    qrModules: (text, level) => qr(text, level).pixx!,
    code128Modules: (text) => bars(text).reduce((a, b) => a + b, 0),
  }
  const page = interpretEscPos(bytes, sizer)
  const { PDFDocument, StandardFonts, rgb } = await loadPdfLib()
  const doc = await PDFDocument.create()
  doc.setCreationDate(new Date(0))
  doc.setModificationDate(new Date(0))
  const height = page.heightDots + 2 * TOP
  const p = doc.addPage([PAPER_DOTS * PT, height * PT])
  const regular = await doc.embedFont(StandardFonts.Courier)
  const bold = await doc.embedFont(StandardFonts.CourierBold)
  const black = rgb(0, 0, 0)
  // PDF y grows upwards; the interpreter's grows down the paper. Every mark is a rectangle on
  // whole dots, as the print head burns them: no image scaling blurs a bar.
  const dot = (x: number, y: number, w: number, h: number) => p.drawRectangle({ x: (SIDE + x) * PT, y: (height - TOP - y - h) * PT, width: w * PT, height: h * PT, color: black })
  for (const item of page.items) {
    if (item.kind === 'text') {
      const size = 20 * item.width // Courier's advance is 0.6 em: 12 dots a character
      p.drawText(item.text.replace(/[^\x20-\x7e\xa0-\xff]/g, '?'), { x: (SIDE + item.x) * PT, y: (height - TOP - item.y - item.height * 24 + 5 * item.height) * PT, size: size * PT, font: item.bold ? bold : regular, color: black })
    } else if (item.kind === 'qr') {
      const symbol = qr(item.data, item.level)
      const side = symbol.pixx!
      symbol.pixs!.forEach((on, i) => on && dot(item.x + (i % side) * item.moduleDots, item.y + Math.floor(i / side) * item.moduleDots, item.moduleDots, item.moduleDots))
    } else {
      let x = item.x
      bars(item.data).forEach((w, i) => {
        if (i % 2 === 0) dot(x, item.y, w * item.moduleDots, item.heightDots)
        x += w * item.moduleDots
      })
    }
  }
  return Buffer.from(await doc.save({ useObjectStreams: false }))
}
