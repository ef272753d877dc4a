// Drains the print queue one job at a time: claims a due job, sends it, records the
// acknowledgement. A printer that is not ready holds its jobs (checked again with backoff,
// capped low so a reloaded printer resumes within seconds); other errors retry with
// exponential backoff and fail after `maxAttempts`, leaving the job to reprint.
import type { PrinterStatus } from '@shared/contract/printing-views'
import { NoAcknowledgement, PrinterNotReady, type PrinterTransport } from '../devices/printers/transport'
import type { JobRow, PrintQueue } from './queue'

export interface WorkerOptions {
  baseDelayMs?: number
  maxDelayMs?: number
  /** The longest wait between two checks of a printer that is out of paper, open or offline. */
  maxHoldMs?: number
  maxAttempts?: number
}

export interface WorkerDeps {
  queue: PrintQueue
  transportFor(printerId: string): PrinterTransport | null
  onStatus(printerId: string, status: PrinterStatus): void
  onJobChanged?(jobId: string): void
  log: { warn(message: string, fields?: Record<string, unknown>): void }
}

export class PrintWorker {
  private running = false
  private stopped = false
  private timer: NodeJS.Timeout | null = null
  private idleWaiters: (() => void)[] = []
  private readonly base: number
  private readonly max: number
  private readonly maxHold: number
  private readonly maxAttempts: number

  constructor(
    private readonly deps: WorkerDeps,
    options: WorkerOptions = {},
  ) {
    this.base = options.baseDelayMs ?? 1000
    this.max = options.maxDelayMs ?? 60_000
    this.maxHold = options.maxHoldMs ?? 5000
    this.maxAttempts = options.maxAttempts ?? 8
  }

  /** Puts interrupted jobs back in the queue, then starts draining it. */
  start(): void {
    const recovered = this.deps.queue.recoverInterrupted()
    if (recovered) this.deps.log.warn('print jobs interrupted before acknowledgement were queued again', { count: recovered })
    this.kick()
  }

  stop(): void {
    this.stopped = true
    if (this.timer) clearTimeout(this.timer)
  }

  /** Resolves once nothing is due right now (tests and shutdown). */
  idle(): Promise<void> {
    if (!this.running) return Promise.resolve()
    return new Promise((resolve) => this.idleWaiters.push(resolve))
  }

  kick(): void {
    if (this.running || this.stopped || !this.deps.queue.isOpen()) return
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    this.running = true
    void this.drain()
  }

  private async drain(): Promise<void> {
    try {
      const open = () => !this.stopped && this.deps.queue.isOpen()
      for (let job = open() ? this.deps.queue.nextDue() : null; job; job = open() ? this.deps.queue.nextDue() : null) await this.process(job)
    } catch (e) {
      // The store closed under a job (shutdown): the job's state says where it stopped.
      if (this.deps.queue.isOpen()) this.deps.log.warn('print worker stopped on an error', { error: describe(e) })
    } finally {
      this.running = false
      for (const w of this.idleWaiters.splice(0)) w()
      const wait = !this.stopped && this.deps.queue.isOpen() ? this.deps.queue.msUntilNext() : null
      // unref: a pending retry never keeps the process alive on its own.
      if (wait !== null) this.timer = setTimeout(() => this.kick(), wait + 5).unref()
    }
  }

  private backoff(attempts: number, cap: number): number {
    return Math.min(cap, this.base * 2 ** Math.max(0, attempts - 1))
  }

  private async process(job: JobRow): Promise<void> {
    const { queue } = this.deps
    if (!queue.markSending(job.id)) return
    const attempts = job.attempts + 1
    const transport = this.deps.transportFor(job.printer_id)
    try {
      if (!transport) throw new PrinterNotReady('unknown')
      if (!job.payload) throw new Error('the job has no document left to send')
      const ack = await transport.print({ bytes: job.payload, mimeType: job.mime_type, name: `${job.document} ${job.id.slice(0, 8)}` }, () => queue.markSent(job.id))
      queue.markAcknowledged(job.id, ack.reference)
      this.deps.onStatus(job.printer_id, 'ready')
    } catch (e) {
      if (e instanceof PrinterNotReady) {
        queue.holdForPrinter(job.id, job.printer_id, this.backoff(attempts, this.maxHold), e.status)
        this.deps.onStatus(job.printer_id, e.status)
      } else if (attempts >= this.maxAttempts) {
        queue.markFailed(job.id, describe(e))
      } else {
        if (e instanceof NoAcknowledgement) this.deps.onStatus(job.printer_id, 'offline')
        queue.retryLater(job.id, this.backoff(attempts, this.max), describe(e))
      }
    }
    this.deps.onJobChanged?.(job.id)
  }
}

function describe(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).slice(0, 300)
}
