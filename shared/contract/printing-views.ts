// What the printing calls return: printers with their status, print jobs, previews.
// Never personal data beyond what a document itself prints, and never an unlock PIN.
import type { Reason } from './result'

export const documentKinds = ['caseLabel', 'orderSlip', 'receipt', 'pickupManifest', 'refusalNote'] as const
export type DocumentKind = (typeof documentKinds)[number]
/**
 * What a print job prints: a document kind, a printer's test page, or a customer's self-check
 * ticket (printed on the receipt printer, so it has no printer of its own to assign).
 */
export type JobDocument = DocumentKind | 'test' | 'ticket'

export const printerStatuses = ['ready', 'paper_out', 'head_open', 'offline', 'unknown'] as const
export type PrinterStatus = (typeof printerStatuses)[number]

/** What a printer speaks: Zebra labels, thermal receipts, or office PDF. */
export const printerLanguages = ['zpl', 'escpos', 'pdf'] as const
export type PrinterLanguage = (typeof printerLanguages)[number]

export const labelSizes = ['2x1', '4x6'] as const
export type LabelSize = (typeof labelSizes)[number]
export const dpis = [203, 300] as const
export type Dpi = (typeof dpis)[number]

export type PrinterTransport =
  | { kind: 'raw9100'; host: string; port: number }
  | { kind: 'cups'; queue: string }
  | { kind: 'ipp'; uri: string }

export interface PrinterConfig {
  id: string
  name: string
  language: PrinterLanguage
  transport: PrinterTransport
  /** Labels only. */
  labelSize?: LabelSize
  dpi?: Dpi
}

/** Which printer prints each document kind, and the printers themselves (the settings). */
export interface PrintingSettings {
  printers: PrinterConfig[]
  assignments: Partial<Record<DocumentKind, string>>
  /** The language printed on slips and receipts. */
  locale: 'en' | 'fr'
  /** The counter as the customer's receipt names it (their proof of shipment). */
  counter?: { name: string; address?: string }
}

export interface PrinterView extends PrinterConfig {
  status: PrinterStatus
  /** When the status was last read (UTC ISO), absent before the first check. */
  checkedAt?: string
  /** What to do at the printer, in the counter's words (English; the renderer translates by status). */
  help?: string
  documents: DocumentKind[]
  /** How its state is asked, by what it is ("Zebra ~HS", "IPP Get-Printer-Attributes", "TCP connect"…). */
  probedWith?: string
}

export interface PrinterStatusEvent {
  printerId: string
  status: PrinterStatus
  at: string
}

export const jobStates = ['queued', 'sending', 'sent', 'acknowledged', 'held', 'failed', 'cancelled'] as const
export type JobState = (typeof jobStates)[number]

export interface PrintJobView {
  id: string
  caseId?: string
  document: JobDocument
  printerId: string
  state: JobState
  attempts: number
  lastError?: string
  /** Failed: why, as a reason key the screen translates (lastError is its English sentence). */
  failure?: Reason
  reprintOf?: string
  createdAt: string
  acknowledgedAt?: string
  /** The printer's name as staff know it (never its inner id in a message). */
  printerName?: string
  /** Held: what the printer said (out of paper, head open, not answering). */
  heldFor?: PrinterStatus
}

/**
 * A document as a picture, drawn from the bytes its printer gets (ZPL rendered, ESC/POS
 * interpreted, PDF rasterised). `displayWidthPx`: the CSS width at which it reads well; the
 * picture has `pixelRatio` times as many pixels, so it stays sharp on the screen that asked.
 * An unlock PIN is never in a preview: `pinMasked` says the slip's PIN line was masked.
 */
export interface PreviewView {
  kind: 'png'
  document: DocumentKind | 'test'
  dataUrl: string
  widthMm: number
  heightMm: number
  displayWidthPx: number
  pinMasked?: boolean
}
