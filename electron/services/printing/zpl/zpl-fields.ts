// ZPL building blocks with the arithmetic the layout needs to know, before printing, whether a
// barcode fits the label: Code 128 and QR sizes in dots, and field escaping.
import { DomainError, reason } from '@shared/contract/result'

export interface Box {
  x: number
  y: number
  w: number
  h: number
}
export interface BarcodeBox extends Box {
  symbology: 'code128' | 'qr'
  value: string
}

/** A barcode or text that would not fit: printing it would cut it off, so nothing is printed. */
export class LabelOverflow extends DomainError {
  constructor(what: string, needed: number, available: number) {
    super('conflict', reason('print.labelOverflow', `The ${what} needs ${needed} dots but the label has ${available}: choose the larger label size or a higher dpi in the printer settings.`, { needed, available }))
    this.name = 'LabelOverflow'
  }
}

/** ^FH_ + ^FD with ^, ~ and _ hex-escaped, so field data can never inject a command. */
export function fieldData(text: string): string {
  const escaped = text.replace(/[\^~_\\]/g, (c) => `_${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)
  return `^FH_^FD${escaped}^FS`
}

function checkBarcodeText(value: string): void {
  // Printable ASCII only: what Code 128 subset B and our scanners read back unchanged.
  if (!/^[\x20-\x7e]{1,48}$/.test(value)) throw new DomainError('invalid_input', reason('print.barcodeCharacters', `"${value.slice(0, 48)}" cannot be printed as a barcode: use letters, digits and dashes.`, { value: value.slice(0, 48) }))
}

/** Modules of a Code 128 subset B symbol (start, data, check, stop) plus 10-module quiet zones. */
export function code128Modules(value: string): number {
  return 11 * (value.length + 2) + 13 + 20
}

/** The widest module (1-4 dots) with which the symbol and its quiet zones fit `available` dots. */
export function code128ModuleWidth(value: string, available: number, what: string, maxModule = 4): number {
  checkBarcodeText(value)
  const modules = code128Modules(value)
  const mw = Math.min(maxModule, Math.floor(available / modules))
  if (mw < 1) throw new LabelOverflow(what, modules, available)
  return mw
}

/** Code 128 at (x, y); `x` is where the quiet zone starts. '>' is an invocation code in ZPL, so it is doubled as "><". */
export function code128(value: string, x: number, y: number, mw: number, height: number): { zpl: string; box: BarcodeBox } {
  const w = code128Modules(value) * mw
  const data = value.replace(/>/g, '><')
  return {
    zpl: `^FO${x + 10 * mw},${y}^BY${mw},3,${height}^BCN,${height},N,N,N,N${fieldData(data)}`,
    box: { symbology: 'code128', value, x, y, w, h: height },
  }
}

// Byte-mode capacity of QR versions 1-10 at error correction M.
const qrCapacityM = [14, 26, 42, 62, 84, 106, 122, 152, 180, 213]

export function qrModules(value: string): number {
  const version = qrCapacityM.findIndex((cap) => cap >= Buffer.byteLength(value)) + 1
  if (version === 0) throw new DomainError('invalid_input', reason('print.qrTooLong', 'The QR data is too long for a label.'))
  return 17 + 4 * version
}

/** The largest magnification (1-10) with which the QR (and a 2-module margin) fits a square of `available` dots. */
export function qrMagnification(value: string, available: number, what: string, maxMag = 10): number {
  const modules = qrModules(value) + 4
  const mag = Math.min(maxMag, Math.floor(available / modules))
  if (mag < 2) throw new LabelOverflow(what, modules * 2, available)
  return mag
}

const QR_TOP_OFFSET = 10

export function qr(value: string, x: number, y: number, mag: number): { zpl: string; box: BarcodeBox } {
  checkBarcodeText(value)
  const size = (qrModules(value) + 4) * mag
  // ^BQ's data field starts with the error correction level and input mode ("MA,"). ^BQ draws
  // the symbol below its origin by the current ^BY bar height (10 dots at least), so ^BY is
  // reset to 10 first and the box includes those 10 dots.
  return {
    zpl: `^BY2,3,10^FO${x},${y}^BQN,2,${mag}^FH_^FDMA,${value.replace(/[\^~_\\]/g, (c) => `_${c.charCodeAt(0).toString(16).toUpperCase()}`)}^FS`,
    box: { symbology: 'qr', value, x, y, w: size, h: size + QR_TOP_OFFSET },
  }
}

/** One line of scalable font 0 text, confined to a field block so it can never spill over. */
export function textLine(text: string, x: number, y: number, height: number, width: number): string {
  return `^FO${x},${y}^A0N,${height},${Math.round(height * 0.9)}^FB${width},1,0,L${fieldData(text)}`
}

export function assertFits(what: string, bottom: number, limit: number): void {
  if (bottom > limit) throw new LabelOverflow(what, bottom, limit)
}
