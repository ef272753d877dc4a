// Shared pieces of the PDF documents: pdf-lib with the standard Helvetica fonts (no font file
// to ship), barcodes drawn by bwip-js as PNG images, and a cursor that writes lines downwards.
// Both libraries are loaded on the first PDF, not at start: they are about 40% of the services'
// start-up time, and a kiosk restarted after a power cut should be at the counter again fast.
import type { PDFDocument, PDFFont, PDFPage } from 'pdf-lib'

let pdfLib: Promise<typeof import('pdf-lib')> | undefined
let bwip: Promise<typeof import('bwip-js/node')> | undefined
export const loadPdfLib = (): Promise<typeof import('pdf-lib')> => (pdfLib ??= import('pdf-lib'))
export const loadBwip = (): Promise<typeof import('bwip-js/node')> => (bwip ??= import('bwip-js/node'))

export const MM = 72 / 25.4
export const A6: [number, number] = [105 * MM, 148 * MM]
export const A4: [number, number] = [210 * MM, 297 * MM]

/** The standard fonts speak WinAnsi: keep what it has (all of French), fold the rest to ASCII. */
export function winAnsi(text: string): string {
  return Array.from(text.normalize('NFC'), (c) => {
    if (/[\x20-\x7e\u00a0-\u00ff’‘“”–—…€·]/.test(c)) return c
    const folded = c.normalize('NFD').replace(/[\u0300-\u036f]/g, '')
    return /^[\x20-\x7e]+$/.test(folded) ? folded : '?'
  }).join('')
}

export interface Writer {
  doc: PDFDocument
  page: PDFPage
  regular: PDFFont
  bold: PDFFont
  margin: number
  y: number
}

export async function newDocument(size: [number, number], title: string): Promise<Writer> {
  const { PDFDocument, StandardFonts } = await loadPdfLib()
  const doc = await PDFDocument.create()
  doc.setTitle(winAnsi(title))
  doc.setCreator('DropDesk')
  // Fixed dates: the same document model gives the same bytes (previews, reprints, tests).
  doc.setCreationDate(new Date(0))
  doc.setModificationDate(new Date(0))
  const page = doc.addPage(size)
  const margin = 8 * MM
  return {
    doc,
    page,
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
    margin,
    y: size[1] - margin,
  }
}

/** Writes `s`, wrapped at word boundaries to the page's width: nothing runs off the paper. */
export function text(w: Writer, s: string, size: number, bold = false): void {
  const font = bold ? w.bold : w.regular
  const width = w.page.getWidth() - 2 * w.margin
  for (const line of wrap(winAnsi(s), (t) => font.widthOfTextAtSize(t, size), width)) {
    w.y -= size * 1.25
    w.page.drawText(line, { x: w.margin, y: w.y, size, font })
  }
}

export function wrap(s: string, measure: (t: string) => number, width: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of s.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word
    if (measure(next) <= width || !line) line = next
    else {
      lines.push(line)
      line = word
    }
    // A single word wider than the page (a long reference) is cut where it must be.
    while (measure(line) > width && line.length > 1) {
      let cut = line.length - 1
      while (cut > 1 && measure(line.slice(0, cut)) > width) cut--
      lines.push(line.slice(0, cut))
      line = line.slice(cut)
    }
  }
  return line || !lines.length ? [...lines, line] : lines
}

export function labelled(w: Writer, label: string, value: string, size = 9): void {
  text(w, label, size * 0.85, true)
  text(w, value, size)
  w.y -= size * 0.4
}

/**
 * Draws a barcode at the cursor, `height` points tall. Code 128 gets 1 pt (0.35 mm) per module,
 * narrower only if the page is too narrow; a QR is a `height`-point square.
 */
export async function barcode(w: Writer, bcid: 'code128' | 'qrcode', value: string, height: number, x = w.margin): Promise<{ width: number }> {
  const scale = 4
  const bwipjs = await loadBwip()
  const png = await bwipjs.toBuffer({ bcid, text: value, scale, ...(bcid === 'code128' ? { height: 10 } : { eclevel: 'M' }) })
  const image = await w.doc.embedPng(png)
  const available = w.page.getWidth() - x - w.margin
  const width = bcid === 'qrcode' ? height : Math.min(image.width / scale, available)
  w.y -= height
  w.page.drawImage(image, { x, y: w.y, width, height })
  return { width }
}

export async function finish(w: Writer): Promise<Buffer> {
  return Buffer.from(await w.doc.save({ useObjectStreams: false }))
}
