// Printing as one service: settings, printer status, previews, and print calls that build the
// document from the case, queue it, and let the worker deliver it.
import { randomUUID } from 'node:crypto'
import { DomainError, reason } from '@shared/contract/result'
import { printerStatuses, type DocumentKind, type JobDocument, type PreviewView, type PrinterConfig, type PrinterStatus, type PrinterView, type PrintingSettings, type PrintJobView } from '@shared/contract/printing-views'
import { statusHelp } from '../devices/printers/printer-status'
import { probeMethodFor, transportFor } from '../devices/printers/printer-transports'
import type { PrintDocument, PrinterTransport } from '../devices/printers/transport'
import type { EventBus } from '../event-bus'
import type { Log } from '../log'
import { batchManifestModel, caseLabelModel, localDateTime, orderSlipModel, pickupManifestModel, receiptModel, refusalNoteModel, ticketModel, type ModelDeps } from './case-documents'
import { ticketEscPos } from './escpos/self-check-ticket'
import type { PrintLocale } from './models'
import { testPageEscPos } from './escpos/test-page'
import { testPagePdf } from './pdf/test-page'
import { previewEscPos, previewPdf, previewZpl } from './preview'
import { documentNames, loadPrintingSettings, normalizePrintingSettings, SETTINGS_KEY, validatePrintingSettings } from './printing-settings'
import { PrintQueue, toJobView } from './queue'
import { PrintWorker, type WorkerOptions } from './queue-worker'
import { labelFormat, mimeTypes, renderDocument, type AnyModel } from './render-document'
import { printTexts } from './texts'
import { caseLabelZpl } from './zpl/case-label'
import { testLabelZpl } from './zpl/test-label'

/** What a preview shows instead of an unlock PIN. */
export const MASKED_PIN = '******'

export interface PrintingDeps extends ModelDeps {
  bus: EventBus
  log: Log
  worker?: WorkerOptions
  /** Status query timeout per printer, ms. */
  statusTimeoutMs?: number
}

/** What rebuilds a document for a reprint (kept in the job row, no personal data in it). */
export type JobParams = { caseId: string; locale?: PrintLocale } | { caseIds: string[] } | { batchId: string } | { printerId: string }

export class PrintingService {
  readonly queue: PrintQueue
  readonly worker: PrintWorker
  private readonly statuses = new Map<string, { status: PrinterStatus; at: string }>()

  constructor(private readonly deps: PrintingDeps) {
    this.queue = new PrintQueue(deps.store.db, deps.now)
    this.worker = new PrintWorker(
      {
        queue: this.queue,
        transportFor: (id) => this.transport(id),
        onStatus: (id, status) => this.noteStatus(id, status),
        log: deps.log,
      },
      deps.worker,
    )
  }

  start(): void {
    this.worker.start()
  }

  settings(): PrintingSettings {
    return loadPrintingSettings(this.deps.store.settings)
  }

  configure(input: PrintingSettings): PrinterView[] {
    const next = normalizePrintingSettings(input)
    validatePrintingSettings(next)
    this.deps.store.settings.set(SETTINGS_KEY, next)
    this.deps.log.info('printer settings changed', { printers: next.printers.length })
    this.worker.kick()
    return this.printers()
  }

  private printer(id: string): PrinterConfig | undefined {
    return this.settings().printers.find((p) => p.id === id)
  }

  private transport(id: string): PrinterTransport | null {
    const p = this.printer(id)
    return p ? transportFor(p, this.deps.statusTimeoutMs) : null
  }

  private noteStatus(printerId: string, status: PrinterStatus): void {
    const at = this.deps.now().toISOString()
    const previous = this.statuses.get(printerId)?.status
    this.statuses.set(printerId, { status, at })
    if (previous !== status) this.deps.bus.emit('printer.status', { printerId, status, at })
  }

  private view(p: PrinterConfig, s: PrintingSettings): PrinterView {
    const known = this.statuses.get(p.id)
    const status = known?.status ?? 'unknown'
    return {
      ...p,
      status,
      ...(known ? { checkedAt: known.at } : {}),
      ...(status === 'ready' ? {} : { help: statusHelp[status] }),
      documents: (Object.entries(s.assignments) as [DocumentKind, string][]).filter(([, id]) => id === p.id).map(([k]) => k),
      probedWith: probeMethodFor(p),
    }
  }

  probeMethod(p: PrinterConfig): string {
    return probeMethodFor(p)
  }

  printers(): PrinterView[] {
    const s = this.settings()
    return s.printers.map((p) => this.view(p, s))
  }

  async checkStatus(printerId: string): Promise<PrinterView> {
    const p = this.printer(printerId)
    if (!p) throw new DomainError('not_found', reason('printer.notFound', `No printer "${printerId}": add it in the printer settings.`, { printer: printerId }))
    this.noteStatus(printerId, await transportFor(p, this.deps.statusTimeoutMs).status())
    if (this.statuses.get(printerId)?.status === 'ready') this.worker.kick()
    return this.view(p, this.settings())
  }

  private assigned(kind: DocumentKind): PrinterConfig {
    const s = this.settings()
    const id = s.assignments[kind]
    const p = id ? s.printers.find((x) => x.id === id) : undefined
    if (!p) throw new DomainError('unavailable', reason('print.noPrinter', `No printer is set up for the ${documentNames[kind]}: a supervisor can choose one in Printers.`, { document: kind }), { reason: 'no_printer', document: kind })
    return p
  }

  private model(kind: DocumentKind, params: JobParams): AnyModel {
    const locale = this.settings().locale
    if (kind === 'pickupManifest') {
      if ('batchId' in params) return { kind, model: batchManifestModel(this.deps, params.batchId, locale) }
      if (!('caseIds' in params)) throw new DomainError('invalid_input', reason('print.manifestNeedsCases', 'A pickup manifest needs the cases of the batch.'))
      return { kind, model: pickupManifestModel(this.deps, params.caseIds, locale) }
    }
    if (!('caseId' in params)) throw new DomainError('invalid_input', reason('print.needsCase', `The ${kind} needs a case.`, { document: kind }))
    switch (kind) {
      case 'caseLabel':
        return { kind, model: caseLabelModel(this.deps, params.caseId) }
      case 'orderSlip':
        return { kind, model: orderSlipModel(this.deps, params.caseId, locale) }
      case 'receipt':
        return { kind, model: receiptModel(this.deps, params.caseId, locale, this.settings().counter) }
      case 'refusalNote':
        return { kind, model: refusalNoteModel(this.deps, params.caseId, locale, this.settings().counter) }
    }
  }

  private enqueue(document: JobDocument, params: JobParams, printer: PrinterConfig, doc: PrintDocument, actor: string, reprintOf?: string): PrintJobView {
    const row = this.queue.add({
      id: randomUUID(),
      ...('caseId' in params ? { caseId: params.caseId } : {}),
      document,
      params,
      printerId: printer.id,
      mimeType: doc.mimeType,
      payload: doc.bytes,
      actor,
      ...(reprintOf ? { reprintOf } : {}),
    })
    this.deps.log.info(reprintOf ? 'reprint queued' : 'print job queued', { jobId: row.id, document, printerId: printer.id, ...(reprintOf ? { reprintOf } : {}) })
    this.worker.kick()
    return this.described(toJobView(row))
  }

  async print(kind: DocumentKind, params: JobParams, actor: string, reprintOf?: string): Promise<PrintJobView> {
    const printer = this.assigned(kind)
    const doc = await renderDocument(this.model(kind, params), printer)
    return this.enqueue(kind, params, printer, doc, actor, reprintOf)
  }

  /** A reprint rebuilds the document from the case (the old bytes are gone once printed) and records who asked. */
  async reprint(jobId: string, actor: string): Promise<PrintJobView> {
    const row = this.queue.get(jobId)
    if (!row) throw new DomainError('not_found', reason('print.noJob', `No print job ${jobId}.`))
    const params = JSON.parse(row.params) as JobParams
    if (row.document === 'test') return this.testPrint((params as { printerId: string }).printerId, actor)
    if (row.document === 'ticket') {
      const { caseId, locale } = params as { caseId: string; locale?: PrintLocale }
      return this.printTicket(caseId, locale ?? this.settings().locale, actor, row.id)
    }
    return this.print(row.document, params, actor, row.id)
  }

  /**
   * A customer's self-check ticket, on the printer that prints the drop-off receipt: it must be
   * an 80 mm receipt printer (ESC/POS). Refused with `reason` no_printer / not_receipt_printer
   * when there is none, so the screen can tell the customer to note the number instead.
   */
  async printTicket(caseId: string, locale: PrintLocale, actor: string, reprintOf?: string): Promise<PrintJobView> {
    const printer = this.assigned('receipt')
    if (printer.language !== 'escpos') {
      const why = `The receipt printer "${printer.name}" is not an 80 mm receipt printer (ESC/POS), so it cannot print self-check tickets: a supervisor can assign one in Printers.`
      throw new DomainError('unavailable', reason('print.ticketPrinter', why, { printer: printer.name }), { reason: 'not_receipt_printer', document: 'receipt' })
    }
    const bytes = ticketEscPos(ticketModel(this.deps, caseId, locale))
    return this.enqueue('ticket', { caseId, locale }, printer, { bytes, mimeType: mimeTypes.escpos, name: 'ticket' }, actor, reprintOf)
  }

  /** One job as staff read it, or null. */
  job(jobId: string): PrintJobView | null {
    const row = this.queue.get(jobId)
    return row ? this.described(toJobView(row)) : null
  }

  async testPrint(printerId: string, actor: string): Promise<PrintJobView> {
    const p = this.printer(printerId)
    if (!p) throw new DomainError('not_found', reason('printer.notFound', `No printer "${printerId}": add it in the printer settings.`, { printer: printerId }))
    const t = printTexts(this.settings().locale)
    const at = localDateTime(this.deps)
    const bytes =
      p.language === 'zpl' ? Buffer.from(testLabelZpl(t.testTitle, p.name, at, labelFormat(p)).zpl) : p.language === 'escpos' ? testPageEscPos(t.testTitle, p.name, at) : await testPagePdf(t.testTitle, p.name, at)
    return this.enqueue('test', { printerId }, p, { bytes, mimeType: mimeTypes[p.language], name: 'test' }, actor)
  }

  /**
   * The document drawn from the very bytes its printer gets, with one exception: the unlock
   * PIN is masked (a preview is on a screen; the PIN is printed on the slip only).
   */
  async preview(kind: DocumentKind, params: JobParams, pixelRatio = 1): Promise<PreviewView> {
    const built = this.model(kind, params)
    const masked = built.kind === 'orderSlip' && built.model.unlockPin !== undefined
    const model: AnyModel = built.kind === 'orderSlip' && built.model.unlockPin ? { kind: 'orderSlip', model: { ...built.model, unlockPin: MASKED_PIN } } : built
    const s = this.settings()
    const id = s.assignments[kind]
    const printer = s.printers.find((p) => p.id === id)
    const mark = (v: PreviewView): PreviewView => (masked ? { ...v, pinMasked: true } : v)
    if (model.kind === 'caseLabel') return previewZpl(kind, caseLabelZpl(model.model, labelFormat(printer ?? {})))
    if (printer?.language === 'escpos') {
      const doc = await renderDocument(model, printer)
      return mark(await previewEscPos(kind, doc.bytes, pixelRatio))
    }
    const doc = await renderDocument(model, { language: 'pdf', name: 'preview' })
    return mark(await previewPdf(kind, doc.bytes, kind === 'pickupManifest' ? [210, 297] : [105, 148], pixelRatio))
  }

  jobs(caseId?: string): PrintJobView[] {
    return (caseId ? this.queue.forCase(caseId) : this.queue.list()).map((row) => this.described(toJobView(row)))
  }

  /** A job as staff read it: the printer by name, and what holds it when it waits. */
  private described(job: PrintJobView): PrintJobView {
    const name = this.printer(job.printerId)?.name
    const held = job.state === 'held' && (printerStatuses as readonly string[]).includes(job.lastError ?? '') ? (job.lastError as PrinterStatus) : undefined
    return { ...job, ...(name ? { printerName: name } : {}), ...(held ? { heldFor: held } : {}) }
  }
}

