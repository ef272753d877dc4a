// Reads an ESC/POS byte stream the way an 80 mm printer (Epson TM-T88 command set, font A,
// 576 dots a line at 203 dpi) would, into a page of placed text runs and barcodes. The preview
// draws that page, so what staff see is what the printer gets from the very same bytes.
// Only the commands that the builder (escpos-builder.ts) emits are understood; any other
// control byte is skipped, as a printer ignores what it does not know.

export const DOTS_PER_LINE = 576
const CHAR_W = 12
const CHAR_H = 24
const LINE_GAP = 6

export type Align = 'left' | 'center' | 'right'

export type Placed =
  | { kind: 'text'; x: number; y: number; text: string; bold: boolean; width: number; height: number }
  | { kind: 'qr'; x: number; y: number; data: string; moduleDots: number; level: 'L' | 'M' | 'Q' | 'H' }
  | { kind: 'code128'; x: number; y: number; data: string; moduleDots: number; heightDots: number }

export interface EscPosPage {
  widthDots: number
  heightDots: number
  items: Placed[]
  /** The paper was cut at the end (GS V). */
  cut: boolean
}

/** Sizes the preview needs from the barcode encoder: a QR's modules a side, a Code 128's modules. */
export interface BarcodeSizer {
  qrModules(data: string, level: 'L' | 'M' | 'Q' | 'H'): number
  code128Modules(data: string): number
}

interface Run {
  text: string
  bold: boolean
  width: number
  height: number
}

const cp1252 = new TextDecoder('windows-1252')
const levels = { 48: 'L', 49: 'M', 50: 'Q', 51: 'H' } as const

export function interpretEscPos(bytes: Uint8Array, sizer: BarcodeSizer): EscPosPage {
  const items: Placed[] = []
  let y = 0
  let bold = false
  let align: Align = 'left'
  let width = 1
  let height = 1
  let barHeight = 162
  let barModule = 3
  let hri = 0
  let qrModule = 3
  let qrLevel: 'L' | 'M' | 'Q' | 'H' = 'L'
  let qrData = ''
  let cut = false
  let line: Run[] = []
  let lineChars = 0

  const xFor = (w: number): number => (align === 'center' ? Math.max(0, Math.floor((DOTS_PER_LINE - w) / 2)) : align === 'right' ? Math.max(0, DOTS_PER_LINE - w) : 0)

  /** Prints the line buffer (an empty one is a blank line) and moves the paper on. */
  const flush = (): void => {
    const lineHeight = Math.max(1, ...line.map((r) => r.height)) * CHAR_H + LINE_GAP
    const total = line.reduce((n, r) => n + r.text.length * CHAR_W * r.width, 0)
    let x = xFor(total)
    for (const r of line) {
      const w = r.text.length * CHAR_W * r.width
      if (r.text.trim()) items.push({ kind: 'text', x, y: y + lineHeight - LINE_GAP - r.height * CHAR_H, text: r.text, bold: r.bold, width: r.width, height: r.height })
      x += w
    }
    y += lineHeight
    line = []
    lineChars = 0
  }

  const addText = (s: string): void => {
    for (const c of s) {
      // The printer wraps a line that is full.
      if ((lineChars + width) * CHAR_W > DOTS_PER_LINE) flush()
      const last = line[line.length - 1]
      if (last && last.bold === bold && last.width === width && last.height === height) last.text += c
      else line.push({ text: c, bold, width, height })
      lineChars += width
    }
  }

  let i = 0
  const at = (k: number): number => bytes[i + k] ?? 0
  while (i < bytes.length) {
    const b = bytes[i]!
    if (b === 0x0a) {
      flush()
      i += 1
    } else if (b === 0x1b) {
      const c = at(1)
      if (c === 0x40) {
        bold = false
        align = 'left'
        width = height = 1
        i += 2
      } else if (c === 0x45) {
        bold = (at(2) & 1) === 1
        i += 3
      } else if (c === 0x61) {
        align = at(2) === 1 || at(2) === 0x31 ? 'center' : at(2) === 2 || at(2) === 0x32 ? 'right' : 'left'
        i += 3
      } else if (c === 0x64) {
        if (line.length) flush()
        y += at(2) * (CHAR_H + LINE_GAP)
        i += 3
      } else i += c === 0x74 || c === 0x21 || c === 0x2d || c === 0x32 ? (c === 0x32 ? 2 : 3) : 2
    } else if (b === 0x1d) {
      const c = at(1)
      if (c === 0x21) {
        width = ((at(2) >> 4) & 7) + 1
        height = (at(2) & 7) + 1
        i += 3
      } else if (c === 0x68) {
        barHeight = at(2)
        i += 3
      } else if (c === 0x77) {
        barModule = at(2)
        i += 3
      } else if (c === 0x48) {
        hri = at(2) & 3
        i += 3
      } else if (c === 0x6b) {
        const m = at(2)
        const n = m >= 65 ? at(3) : 0
        const data = cp1252.decode(bytes.subarray(i + 4, i + 4 + n))
        i += 4 + n
        if (line.length) flush()
        if (m === 73) {
          const value = data.replace(/^\{[ABC]/, '')
          const w = sizer.code128Modules(value) * barModule
          items.push({ kind: 'code128', x: xFor(w), y, data: value, moduleDots: barModule, heightDots: barHeight })
          y += barHeight
          if (hri === 2 || hri === 3) {
            const savedBold: boolean = bold
            bold = false
            addText(value)
            flush()
            bold = savedBold
          }
        }
      } else if (c === 0x28 && at(2) === 0x6b) {
        const len = at(3) + at(4) * 256
        const fn = at(6)
        const params = bytes.subarray(i + 7, i + 5 + len)
        if (fn === 0x43) qrModule = params[0] ?? qrModule
        else if (fn === 0x45) qrLevel = levels[(params[0] ?? 48) as keyof typeof levels] ?? 'L'
        else if (fn === 0x50) qrData = cp1252.decode(params.subarray(1))
        else if (fn === 0x51 && qrData) {
          if (line.length) flush()
          const side = sizer.qrModules(qrData, qrLevel) * qrModule
          items.push({ kind: 'qr', x: xFor(side), y, data: qrData, moduleDots: qrModule, level: qrLevel })
          y += side
        }
        i += 5 + len
      } else if (c === 0x56) {
        if (line.length) flush()
        cut = true
        i += at(2) >= 65 ? 4 : 3
      } else i += 3
    } else if (b === 0x10 && at(1) === 0x04) {
      i += 3 // a status query prints nothing
    } else if (b < 0x20) {
      i += 1
    } else {
      let j = i
      while (j < bytes.length && bytes[j]! >= 0x20) j++
      addText(cp1252.decode(bytes.subarray(i, j)))
      i = j
    }
  }
  if (line.length) flush()
  return { widthDots: DOTS_PER_LINE, heightDots: y, items, cut }
}
