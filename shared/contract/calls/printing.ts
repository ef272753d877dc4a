// Printing: printers and their status, previews, print calls (each builds its document from
// what the services hold about the case, never from text the renderer sends), the queue.
import { z } from 'zod'
import { call, id, none } from '../define'
import { documentKinds, dpis, labelSizes, printerLanguages, type PreviewView, type PrintJobView, type PrinterView, type PrintingSettings } from '../printing-views'

const printerId = z.string().regex(/^[a-z0-9-]{1,32}$/, 'use 1-32 lowercase letters, digits or dashes')
const transport = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('raw9100'), host: z.string().min(1).max(253), port: z.number().int().min(1).max(65535) }),
  z.strictObject({ kind: z.literal('cups'), queue: z.string().regex(/^[\w.-]{1,127}$/, 'is not a CUPS queue name') }),
  z.strictObject({ kind: z.literal('ipp'), uri: z.string().regex(/^ipps?:\/\/[^\s]{1,500}$/, 'must be an ipp:// address') }),
])
export const printerConfigSchema = z.strictObject({
  id: printerId,
  name: z.string().trim().min(1).max(80),
  language: z.enum(printerLanguages),
  transport,
  labelSize: z.enum(labelSizes).optional(),
  dpi: z.union([z.literal(dpis[0]), z.literal(dpis[1])]).optional(),
})
export const printingSettingsSchema = z.strictObject({
  printers: z.array(printerConfigSchema).max(16),
  assignments: z.partialRecord(z.enum(documentKinds), printerId),
  locale: z.enum(['en', 'fr']),
  counter: z.strictObject({ name: z.string().trim().max(80), address: z.string().trim().max(200).optional() }).optional(),
})

const docInput = z.strictObject({ caseId: id })

export const printingCalls = {
  'printers.list': call<PrinterView[]>()(none),
  'printers.settings': call<PrintingSettings>()(none),
  'printers.status': call<PrinterView>()(z.strictObject({ printerId })),
  'printers.configure': call<PrinterView[]>()(printingSettingsSchema),
  'printers.testPrint': call<PrintJobView>()(z.strictObject({ printerId })),
  'print.preview': call<PreviewView>()(z.strictObject({ document: z.enum(documentKinds), caseId: id.optional(), caseIds: z.array(id).max(500).optional(), pixelRatio: z.number().min(1).max(4).optional() })),
  'print.caseLabel': call<PrintJobView>()(docInput),
  'print.orderSlip': call<PrintJobView>()(docInput),
  'print.receipt': call<PrintJobView>()(docInput),
  /** The note a refused customer leaves with (refused cases only). */
  'print.refusalNote': call<PrintJobView>()(docInput),
  /** A closed pickup batch's manifest (`batchId`: the driver's time, the count, the batch's barcode), or the cases given. */
  'print.pickupManifest': call<PrintJobView>()(
    z.union([z.strictObject({ caseIds: z.array(id).min(1).max(500) }), z.strictObject({ batchId: id })]),
  ),
  'print.reprint': call<PrintJobView>()(z.strictObject({ jobId: id })),
  'print.jobs': call<PrintJobView[]>()(z.strictObject({ caseId: id.optional() })),
}
