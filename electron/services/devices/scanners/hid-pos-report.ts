// Input reports of a HID-POS barcode scanner (USB HID Point of Sale Usage Tables 1.02, usage
// page 0x8C "Bar Code Scanner", Scanned Data Report usage 0x12), as node-hid delivers them
// (report id first). The layout every HID-POS scanner we met uses (Honeywell, Zebra, Datalogic):
//
//   byte 0        report id (0x02: the scanned data report)
//   byte 1        number of data bytes in this report (0-56)
//   bytes 2-4     Symbology Identifier 1-3 (usages 0x91-0x93): the AIM identifier, e.g. "]Q0"
//                 for QR, "]C0" Code 128, "]C1" GS1-128, "]d2" GS1 DataMatrix; zeros when the
//                 scanner does not send one
//   bytes 5-60    Decoded Data (usage 0xFE), the first `length` bytes are meaningful
//   bytes 61-62   vendor specific
//   byte 63 bit 0 Decoded Data Continued (usage 0xFF): more reports follow for this code
//
// A code longer than 56 bytes arrives as several reports, all but the last with the continued
// bit set; the assembler joins them. Reports shorter than 64 bytes keep the same head and take
// their last byte as the flags byte.

export const SCANNED_DATA_REPORT_ID = 0x02
const HEAD = 5
const TAIL = 3
/** A scan longer than this is garbage (a stuck continued bit): dropped. */
const MAX_CODE_BYTES = 8192

export interface HidPosReport {
  reportId: number
  /** The AIM identifier ("]Q0"), or undefined when the scanner sent none. */
  symbology?: string
  data: Uint8Array
  continued: boolean
}

/** Parses one input report; null if it is not a scanned data report or is malformed. */
export function parseHidPosReport(bytes: Uint8Array): HidPosReport | null {
  if (bytes.length < HEAD + TAIL || bytes[0] !== SCANNED_DATA_REPORT_ID) return null
  const length = bytes[1]!
  const room = bytes.length - HEAD - TAIL
  if (length > room) return null
  const id = bytes.subarray(2, 5)
  // AIM identifiers are "]" + a letter + a modifier character; anything else is "not sent".
  const symbology = id[0] === 0x5d && id[1]! >= 0x21 && id[2]! >= 0x21 ? String.fromCharCode(...id) : undefined
  return {
    reportId: bytes[0]!,
    ...(symbology ? { symbology } : {}),
    data: bytes.subarray(HEAD, HEAD + length),
    continued: (bytes[bytes.length - 1]! & 0x01) === 1,
  }
}

/** What the AIM identifier's letter means, for the test-scan screen (ISO/IEC 15424). */
export function symbologyName(aim: string | undefined): string {
  if (!aim) return 'unknown'
  const names: Record<string, string> = {
    A: 'Code 39', C: 'Code 128', d: 'Data Matrix', E: 'EAN/UPC', e: 'GS1 DataBar', F: 'Codabar',
    G: 'Code 93', I: 'Interleaved 2 of 5', L: 'PDF417', Q: 'QR Code', z: 'Aztec',
  }
  return names[aim[1] ?? ''] ?? 'unknown'
}

export interface AssembledScan {
  code: string
  symbology?: string
}

/** Joins continued reports into whole codes. One per device: reports arrive in order. */
export class HidPosAssembler {
  private parts: Uint8Array[] = []
  private size = 0
  private symbology: string | undefined
  /** After an overflow: the rest of that code is skipped, up to its last report. */
  private discarding = false

  /** Feeds one report; returns the code when this report completes one. */
  push(bytes: Uint8Array): AssembledScan | null {
    const report = parseHidPosReport(bytes)
    if (!report) return null
    if (this.discarding) {
      this.discarding = report.continued
      return null
    }
    if (this.parts.length === 0) this.symbology = report.symbology
    this.parts.push(report.data.slice())
    this.size += report.data.length
    if (this.size > MAX_CODE_BYTES) {
      this.reset()
      this.discarding = report.continued
      return null
    }
    if (report.continued) return null
    const joined = new Uint8Array(this.size)
    let at = 0
    for (const p of this.parts) {
      joined.set(p, at)
      at += p.length
    }
    const symbology = this.symbology
    this.reset()
    // Trailing CR/LF: some scanners keep their keyboard-mode suffix on in HID-POS mode.
    const code = new TextDecoder('utf-8').decode(joined).replace(/[\r\n]+$/, '')
    if (code === '') return null
    return symbology ? { code, symbology } : { code }
  }

  reset(): void {
    this.parts = []
    this.size = 0
    this.symbology = undefined
  }
}
