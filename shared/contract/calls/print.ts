// Printing documents: previews and print calls (each builds its document from what the services
// hold about the case, never from text the renderer sends), reprints and the queue.
import { z } from 'zod'
import { call, id } from '../define'
import { documentKinds, type PreviewView, type PrintJobView } from '../printing-views'

const docInput = z.strictObject({ caseId: id })

export const printCalls = {
  'print.preview': call<PreviewView>('staff')(z.strictObject({ document: z.enum(documentKinds), caseId: id.optional(), caseIds: z.array(id).max(500).optional(), pixelRatio: z.number().min(1).max(4).optional() })),
  'print.caseLabel': call<PrintJobView>('staff')(docInput),
  'print.orderSlip': call<PrintJobView>('staff')(docInput),
  'print.receipt': call<PrintJobView>('staff')(docInput),
  /** The note a refused customer leaves with (refused cases only). */
  'print.refusalNote': call<PrintJobView>('staff')(docInput),
  /** A closed pickup batch's manifest (`batchId`: the driver's time, the count, the batch's barcode), or the cases given. */
  'print.pickupManifest': call<PrintJobView>('staff')(
    z.union([z.strictObject({ caseIds: z.array(id).min(1).max(500) }), z.strictObject({ batchId: id })]),
  ),
  'print.reprint': call<PrintJobView>('staff')(z.strictObject({ jobId: id })),
  'print.jobs': call<PrintJobView[]>('staff')(z.strictObject({ caseId: id.optional() })),
}
