// Turns a document kind + its model into the bytes for one printer language, and says which
// printer languages each kind can be printed in.
import { DomainError, reason } from '@shared/contract/result'
import type { DocumentKind, PrinterConfig, PrinterLanguage } from '@shared/contract/printing-views'
import type { PrintDocument } from '../devices/printers/transport'
import { orderSlipEscPos } from './escpos/order-slip'
import { receiptEscPos } from './escpos/receipt'
import { refusalNoteEscPos } from './escpos/refusal-note'
import type { CaseLabelModel, LabelFormat, OrderSlipModel, PickupManifestModel, ReceiptModel, RefusalNoteModel } from './models'
import { orderSlipPdf } from './pdf/order-slip'
import { pickupManifestPdf } from './pdf/pickup-manifest'
import { receiptPdf } from './pdf/receipt'
import { refusalNotePdf } from './pdf/refusal-note'
import { caseLabelZpl } from './zpl/case-label'

export type AnyModel =
  | { kind: 'caseLabel'; model: CaseLabelModel }
  | { kind: 'orderSlip'; model: OrderSlipModel }
  | { kind: 'receipt'; model: ReceiptModel }
  | { kind: 'pickupManifest'; model: PickupManifestModel }
  | { kind: 'refusalNote'; model: RefusalNoteModel }

export const languagesFor: Record<DocumentKind, readonly PrinterLanguage[]> = {
  caseLabel: ['zpl'],
  orderSlip: ['escpos', 'pdf'],
  receipt: ['escpos', 'pdf'],
  pickupManifest: ['pdf'],
  refusalNote: ['escpos', 'pdf'],
}

export const mimeTypes: Record<PrinterLanguage, string> = {
  zpl: 'application/vnd.zebra-zpl',
  escpos: 'application/vnd.escpos',
  pdf: 'application/pdf',
}

export function labelFormat(printer: Pick<PrinterConfig, 'labelSize' | 'dpi'>): LabelFormat {
  return { size: printer.labelSize ?? '4x6', dpi: printer.dpi ?? 203 }
}

export async function renderDocument(doc: AnyModel, printer: Pick<PrinterConfig, 'language' | 'labelSize' | 'dpi' | 'name'>): Promise<PrintDocument> {
  const language = printer.language
  if (!languagesFor[doc.kind].includes(language)) {
    throw new DomainError('conflict', reason('print.wrongLanguage', `The printer "${printer.name}" speaks ${language}, which cannot print this document: assign another printer in the printer settings.`, { printer: printer.name, language }))
  }
  const bytes = await bytesFor(doc, printer)
  return { bytes, mimeType: mimeTypes[language], name: doc.kind }
}

async function bytesFor(doc: AnyModel, printer: Pick<PrinterConfig, 'language' | 'labelSize' | 'dpi'>): Promise<Buffer> {
  switch (doc.kind) {
    case 'caseLabel':
      return Buffer.from(caseLabelZpl(doc.model, labelFormat(printer)).zpl, 'utf8')
    case 'orderSlip':
      return printer.language === 'pdf' ? orderSlipPdf(doc.model) : orderSlipEscPos(doc.model)
    case 'receipt':
      return printer.language === 'pdf' ? receiptPdf(doc.model) : receiptEscPos(doc.model)
    case 'pickupManifest':
      return pickupManifestPdf(doc.model)
    case 'refusalNote':
      return printer.language === 'pdf' ? refusalNotePdf(doc.model) : refusalNoteEscPos(doc.model)
  }
}
