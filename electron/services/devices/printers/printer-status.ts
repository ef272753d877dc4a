// Printer status as the printers report it, parsed into one enum, with what to do at the
// printer for each fault (the panel shows these, translated by status).
import type { PrinterStatus } from '@shared/contract/printing-views'

export const statusHelp: Record<PrinterStatus, string> = {
  ready: 'Ready.',
  paper_out: 'Out of paper or labels: open the printer, load a new roll, close it firmly; the waiting job prints by itself.',
  head_open: 'The print head or cover is open: close it until it clicks; the waiting job prints by itself.',
  offline: 'The printer does not answer: check that it is switched on and its network cable is plugged in, then press Test print.',
  unknown: 'The printer’s state is not known yet: press Test print to check it.',
}

/** Zebra ~HS: three STX…ETX strings. String 1 field 2 is "paper out", string 2 field 3 is "head up". */
export function parseZebraHostStatus(reply: string): PrinterStatus | null {
  const strings = [...reply.matchAll(/\x02([^\x03]*)\x03/g)].map((m) => m[1]!.split(','))
  if (strings.length < 2) return null
  const [s1, s2] = strings as [string[], string[]]
  if (s1[1] === '1') return 'paper_out'
  if (s2[2] === '1') return 'head_open'
  if (s1[2] === '1') return 'offline' // paused: someone pressed pause at the printer
  return 'ready'
}

/**
 * ESC/POS DLE EOT replies to n = 1, 2, 4 (one byte each). n=2 bit 2: cover open; bit 5: stopped
 * for paper end; n=4 bits 5-6: paper end; n=1 bit 3: offline.
 */
export function parseEscPosStatus(bytes: Buffer): PrinterStatus | null {
  if (bytes.length < 3) return null
  const [printer, offline, paper] = [bytes[0]!, bytes[1]!, bytes[2]!]
  // Every status byte has bit 1 set and bits 0, 4 and 7 cleared; anything else is not a reply.
  if ([printer, offline, paper].some((b) => (b & 0x93) !== 0x12)) return null
  if (offline & 0x04) return 'head_open'
  if (paper & 0x60 || offline & 0x20) return 'paper_out'
  if (printer & 0x08) return 'offline'
  return 'ready'
}

export const ZPL_STATUS_QUERY = Buffer.from('~HS\r\n', 'latin1')
export const ESCPOS_STATUS_QUERY = Buffer.from([0x10, 0x04, 1, 0x10, 0x04, 2, 0x10, 0x04, 4])
