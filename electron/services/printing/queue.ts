// The persistent print queue (table print_jobs, migration 002). Each state change is one
// committed statement, so after a crash the table says exactly how far each job got:
// queued → sending → sent → acknowledged, or held (printer not ready) / failed / cancelled.
import { printFailureReason } from './print-failure'
import type { Database, Statement } from 'better-sqlite3'
import type { JobDocument, JobState, PrintJobView } from '@shared/contract/printing-views'

export interface NewJob {
  id: string
  caseId?: string
  document: JobDocument
  params: unknown
  printerId: string
  mimeType: string
  payload: Buffer
  reprintOf?: string
  actor: string
}

export interface JobRow {
  id: string
  case_id: string | null
  document: JobDocument
  params: string
  printer_id: string
  mime_type: string
  payload: Buffer | null
  state: JobState
  attempts: number
  next_attempt_at: string
  last_error: string | null
  reference: string | null
  reprint_of: string | null
  actor: string
  created_at: string
  sent_at: string | null
  acknowledged_at: string | null
}

const PENDING = "('queued','held')"

export class PrintQueue {
  private readonly stmts: Record<string, Statement>

  constructor(
    private readonly db: Database,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.stmts = {
      insert: db.prepare(
        `INSERT INTO print_jobs (id, case_id, document, params, printer_id, mime_type, payload, state, next_attempt_at, reprint_of, actor, created_at)
         VALUES (@id, @caseId, @document, @params, @printerId, @mimeType, @payload, 'queued', @at, @reprintOf, @actor, @at)`,
      ),
      get: db.prepare('SELECT * FROM print_jobs WHERE id = ?'),
      nextDue: db.prepare(`SELECT * FROM print_jobs WHERE state IN ${PENDING} AND next_attempt_at <= ? ORDER BY created_at, rowid LIMIT 1`),
      nextWake: db.prepare(`SELECT min(next_attempt_at) AS at FROM print_jobs WHERE state IN ${PENDING}`),
      sending: db.prepare("UPDATE print_jobs SET state = 'sending', attempts = attempts + 1 WHERE id = ? AND state IN ('queued','held')"),
      sent: db.prepare("UPDATE print_jobs SET state = 'sent', sent_at = ? WHERE id = ? AND state = 'sending'"),
      acknowledged: db.prepare(
        "UPDATE print_jobs SET state = 'acknowledged', acknowledged_at = ?, reference = ?, last_error = NULL, payload = NULL WHERE id = ? AND state IN ('sending','sent')",
      ),
      retry: db.prepare("UPDATE print_jobs SET state = ?, next_attempt_at = ?, last_error = ? WHERE id = ? AND state IN ('sending','sent')"),
      holdPrinter: db.prepare(`UPDATE print_jobs SET state = 'held', next_attempt_at = ?, last_error = ? WHERE printer_id = ? AND state IN ${PENDING}`),
      fail: db.prepare("UPDATE print_jobs SET state = 'failed', last_error = ?, payload = NULL WHERE id = ? AND state IN ('sending','sent')"),
      recover: db.prepare(
        "UPDATE print_jobs SET state = 'queued', next_attempt_at = ?, last_error = 'interrupted before the printer acknowledged it; sent again' WHERE state IN ('sending','sent')",
      ),
      list: db.prepare('SELECT * FROM print_jobs ORDER BY created_at DESC, rowid DESC LIMIT ?'),
      forCase: db.prepare('SELECT * FROM print_jobs WHERE case_id = ? ORDER BY created_at DESC, rowid DESC'),
    }
  }

  /** False once the store was closed (services shut down): the worker stops then. */
  isOpen(): boolean {
    return this.db.open
  }

  private at(offsetMs = 0): string {
    return new Date(this.now().getTime() + offsetMs).toISOString()
  }

  add(job: NewJob): JobRow {
    this.stmts.insert!.run({
      id: job.id,
      caseId: job.caseId ?? null,
      document: job.document,
      params: JSON.stringify(job.params),
      printerId: job.printerId,
      mimeType: job.mimeType,
      payload: job.payload,
      reprintOf: job.reprintOf ?? null,
      actor: job.actor,
      at: this.at(),
    })
    return this.get(job.id)!
  }

  get(id: string): JobRow | null {
    return (this.stmts.get!.get(id) as JobRow | undefined) ?? null
  }

  nextDue(): JobRow | null {
    return (this.stmts.nextDue!.get(this.at()) as JobRow | undefined) ?? null
  }

  /** Milliseconds until the earliest pending job is due, or null when nothing is pending. */
  msUntilNext(): number | null {
    const { at } = this.stmts.nextWake!.get() as { at: string | null }
    return at === null ? null : Math.max(0, Date.parse(at) - this.now().getTime())
  }

  /** Claims a due job; false if another worker or a cancel got there first. */
  markSending(id: string): boolean {
    return this.stmts.sending!.run(id).changes === 1
  }

  markSent(id: string): void {
    this.stmts.sent!.run(this.at(), id)
  }

  markAcknowledged(id: string, reference?: string): void {
    this.stmts.acknowledged!.run(this.at(), reference ?? null, id)
  }

  retryLater(id: string, delayMs: number, error: string): void {
    this.stmts.retry!.run('queued', this.at(delayMs), error, id)
  }

  /** The printer is not ready: this job and every other waiting for the same printer wait together. */
  holdForPrinter(id: string, printerId: string, delayMs: number, reason: string): void {
    this.db.transaction(() => {
      this.stmts.retry!.run('held', this.at(delayMs), reason, id)
      this.stmts.holdPrinter!.run(this.at(delayMs), reason, printerId)
    })()
  }

  markFailed(id: string, error: string): void {
    this.stmts.fail!.run(error, id)
  }

  /** At start-up: a job caught between "sending" and "acknowledged" goes back to the queue. */
  recoverInterrupted(): number {
    return this.stmts.recover!.run(this.at()).changes
  }

  list(limit = 100): JobRow[] {
    return this.stmts.list!.all(limit) as JobRow[]
  }

  forCase(caseId: string): JobRow[] {
    return this.stmts.forCase!.all(caseId) as JobRow[]
  }
}

export function toJobView(row: JobRow): PrintJobView {
  return {
    id: row.id,
    ...(row.case_id ? { caseId: row.case_id } : {}),
    document: row.document,
    printerId: row.printer_id,
    state: row.state,
    attempts: row.attempts,
    ...(row.last_error ? { lastError: row.last_error } : {}),
    ...(row.last_error && row.state === 'failed' ? { failure: printFailureReason(row.last_error) } : {}),
    ...(row.reprint_of ? { reprintOf: row.reprint_of } : {}),
    createdAt: row.created_at,
    ...(row.acknowledged_at ? { acknowledgedAt: row.acknowledged_at } : {}),
  }
}
