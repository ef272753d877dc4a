// Printing calls: printers and their status, previews, print jobs. Every document is built from
// the case the services hold; configuring printers needs a supervisor.
import { DomainError, reason } from '@shared/contract/result'
import { reprintableDocuments } from '@shared/domain/case-events-control'
import type { Handlers } from '../dispatch'
import type { ServiceContext } from '../context'
import { requireSupervisor } from '../auth'
import { noPin, type PinSource } from '../printing/models'
import { PrintingService } from '../printing/printing-service'
import type { WorkerOptions } from '../printing/queue-worker'
import { actorOf } from './cases'

export interface PrintingOptions {
  /** Where the unlock PIN of a case comes from (the intake's encrypted store); none by default. */
  pinSource?: PinSource
  worker?: WorkerOptions
}

type PrintingCall =
  | 'printers.list'
  | 'printers.settings'
  | 'printers.status'
  | 'printers.configure'
  | 'printers.testPrint'
  | 'print.preview'
  | 'print.caseLabel'
  | 'print.orderSlip'
  | 'print.receipt'
  | 'print.refusalNote'
  | 'print.pickupManifest'
  | 'print.reprint'
  | 'print.jobs'

export function createPrinting(ctx: ServiceContext, options: PrintingOptions = {}): PrintingService {
  const printing = new PrintingService({
    store: ctx.store,
    kioskId: ctx.kioskId,
    timeZone: ctx.timeZone,
    now: ctx.now,
    bus: ctx.bus,
    log: ctx.log,
    pinSource: options.pinSource ?? noPin,
    ...(options.worker ? { worker: options.worker } : {}),
  })
  printing.start()
  return printing
}

/** `printing`: the service, when the composition root also hands it to diagnostics. */
export function printingHandlers(ctx: ServiceContext, options: PrintingOptions = {}, printing: PrintingService = createPrinting(ctx, options)): Pick<Handlers, PrintingCall> {
  return {
    'printers.list': () => printing.printers(),
    'printers.settings': (_input, session) => {
      requireSupervisor(session)
      return printing.settings()
    },
    'printers.status': ({ printerId }) => printing.checkStatus(printerId),
    'printers.configure': (settings, session) => {
      requireSupervisor(session)
      return printing.configure(settings)
    },
    'printers.testPrint': ({ printerId }, session) => printing.testPrint(printerId, actorOf(session, ctx)),
    'print.preview': ({ document, caseId, caseIds, pixelRatio }) => {
      if (caseIds) return printing.preview(document, { caseIds }, pixelRatio)
      if (!caseId) throw new DomainError('invalid_input', reason('print.previewNeedsCase', 'Choose a case to preview its documents.'))
      return printing.preview(document, { caseId }, pixelRatio)
    },
    'print.caseLabel': ({ caseId }, session) => printing.print('caseLabel', { caseId }, actorOf(session, ctx)),
    'print.orderSlip': ({ caseId }, session) => printing.print('orderSlip', { caseId }, actorOf(session, ctx)),
    'print.receipt': ({ caseId }, session) => printing.print('receipt', { caseId }, actorOf(session, ctx)),
    'print.refusalNote': ({ caseId }, session) => printing.print('refusalNote', { caseId }, actorOf(session, ctx)),
    'print.pickupManifest': (input, session) => printing.print('pickupManifest', 'batchId' in input ? { batchId: input.batchId } : { caseIds: input.caseIds }, actorOf(session, ctx)),
    'print.reprint': async ({ jobId }, session) => {
      const actor = actorOf(session, ctx)
      const job = await printing.reprint(jobId, actor)
      // A case's document printed again is part of the case's history: an event in its log.
      if (job.caseId && isReprintable(job.document)) {
        const state = ctx.recorder.record(job.caseId, [{ type: 'document.reprinted', payload: { document: job.document, jobId: job.id, reprintOf: jobId } }], actor)
        ctx.bus.emit('case.changed', ctx.caseQueries.summary(state))
      }
      return job
    },
    'print.jobs': ({ caseId }) => printing.jobs(caseId),
  }
}

function isReprintable(document: string): document is (typeof reprintableDocuments)[number] {
  return (reprintableDocuments as readonly string[]).includes(document)
}
