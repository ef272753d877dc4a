// What the queue needs from any printer connection: send a job and get the printer's
// acknowledgement, and read its status. Raw 9100, CUPS and IPP implement it.
import type { PrinterStatus } from '@shared/contract/printing-views'

export interface PrintDocument {
  bytes: Buffer
  /** application/pdf, application/vnd.zebra-zpl or application/vnd.escpos */
  mimeType: string
  name: string
}

/** The job reached the printer and the printer said so; `reference` is its job id, if any. */
export interface Acknowledgement {
  reference?: string
}

export class PrinterNotReady extends Error {
  constructor(readonly status: PrinterStatus) {
    super(`printer not ready: ${status}`)
    this.name = 'PrinterNotReady'
  }
}

/** Bytes went out but no acknowledgement came: the job may or may not have printed. */
export class NoAcknowledgement extends Error {
  override name = 'NoAcknowledgement'
}

export interface PrinterTransport {
  status(): Promise<PrinterStatus>
  /**
   * Checks the status, sends, and waits for the acknowledgement. Throws PrinterNotReady before
   * anything is sent, or NoAcknowledgement after; `onSent` runs once the bytes are out.
   */
  print(doc: PrintDocument, onSent: () => void): Promise<Acknowledgement>
}
