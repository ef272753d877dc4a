// A small ESC/POS command builder for 80 mm thermal printers (Epson TM-T88 command set).
// Text is sent in Windows-1252 (ESC t 16), which covers English and French.

const ESC = 0x1b
const GS = 0x1d

export const LINE_CHARS = 48 // font A on 80 mm paper

export class EscPos {
  private readonly chunks: Buffer[] = [Buffer.from([ESC, 0x40, ESC, 0x74, 16])]

  private push(...bytes: number[]): this {
    this.chunks.push(Buffer.from(bytes))
    return this
  }

  /** Text in Windows-1252; characters outside it print as "?". Control characters are dropped. */
  text(s: string): this {
    const clean = s.replace(/[\p{Cc}]/gu, '').replace(/[’‘]/g, "'").normalize('NFC')
    const bytes = Buffer.from(Array.from(clean, (c) => (c.charCodeAt(0) <= 0xff && c.length === 1 ? c.charCodeAt(0) : 0x3f)))
    this.chunks.push(bytes)
    return this
  }

  line(s = ''): this {
    return this.text(s).push(0x0a)
  }

  bold(on: boolean): this {
    return this.push(ESC, 0x45, on ? 1 : 0)
  }

  align(a: 'left' | 'center'): this {
    return this.push(ESC, 0x61, a === 'center' ? 1 : 0)
  }

  /** Double width and height for titles. */
  big(on: boolean): this {
    return this.push(GS, 0x21, on ? 0x11 : 0)
  }

  /** Characters `times` as wide and as high (1–8), e.g. 4 for a number read from across the counter. */
  magnify(times: number): this {
    const n = Math.min(8, Math.max(1, Math.round(times))) - 1
    return this.push(GS, 0x21, (n << 4) | n)
  }

  /** A QR code with the printer's own encoder (GS ( k): model 2, module size, level M, store, print. */
  qr(data: string, moduleSize = 6): this {
    const bytes = Buffer.from(data, 'latin1')
    const len = bytes.length + 3
    this.push(GS, 0x28, 0x6b, 4, 0, 0x31, 0x41, 0x32, 0)
    this.push(GS, 0x28, 0x6b, 3, 0, 0x31, 0x43, moduleSize)
    this.push(GS, 0x28, 0x6b, 3, 0, 0x31, 0x45, 0x31)
    this.push(GS, 0x28, 0x6b, len & 0xff, len >> 8, 0x31, 0x50, 0x30)
    this.chunks.push(bytes)
    return this.push(GS, 0x28, 0x6b, 3, 0, 0x31, 0x51, 0x30)
  }

  /** Code 128 subset B with the printer's encoder (GS k 73), human-readable text below. */
  code128(data: string): this {
    const payload = Buffer.concat([Buffer.from('{B'), Buffer.from(data, 'latin1')])
    this.push(GS, 0x68, 80, GS, 0x77, 2, GS, 0x48, 2)
    this.push(GS, 0x6b, 73, payload.length)
    this.chunks.push(payload)
    return this.push(0x0a)
  }

  feedAndCut(): this {
    return this.push(ESC, 0x64, 4, GS, 0x56, 66, 0)
  }

  bytes(): Buffer {
    return Buffer.concat(this.chunks)
  }
}

/** Text wrapped at word boundaries to the paper's width (the printer itself would cut words). */
export function paragraph(p: EscPos, s: string, width = LINE_CHARS): void {
  let line = ''
  for (const word of s.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      p.line(line)
      line = ''
    }
    line = line ? `${line} ${word}` : word
  }
  if (line) p.line(line)
}

/** "Label: value" lines; a long value continues on the next line, cut at words. */
export function field(p: EscPos, label: string, value: string): void {
  p.bold(true).line(label).bold(false)
  paragraph(p, value)
}
