// GDPR access and erasure of one customer, and the retention purge. Each erasure is one
// transaction (every personal field of the order's cases and the order, plus its privacy_log
// entry), then the photo files go and the write-ahead log is checkpointed and truncated, so
// the erased values survive neither in the -wal file nor (secure_delete, store/database.ts) in
// the main file's free pages.
import type { Database } from 'better-sqlite3'
import { DomainError, reason } from '@shared/contract/result'
import type { CustomerExport, ErasureReport, RetentionRun, RetentionView } from '@shared/contract/privacy-views'
import type { Log } from '../log'
import type { Settings } from '../store/settings'
import type { CaseEraser, CaseErasure, ErasureReason } from './case-eraser'
import type { CustomerData } from './customer-data'
import { RETENTION_ACTOR, type PrivacyLog } from './privacy-log'
import { RetentionQuery } from './retention-query'

export const RETENTION_SETTING = 'privacy.retentionDays'
export const DEFAULT_RETENTION_DAYS = 30
const DAY_MS = 86_400_000

/** Closed: nothing more will be recorded at the counter, so nothing needs the personal data. */
const closedStatuses = new Set(['handed_over', 'cancelled'])

export interface PrivacyDeps {
  db: Database
  settings: Settings
  kioskId: string
  now: () => Date
  log: Log
  eraser: CaseEraser
  customers: CustomerData
  audit: PrivacyLog
}

export class PrivacyService {
  private readonly due: RetentionQuery

  constructor(private readonly d: PrivacyDeps) {
    this.due = new RetentionQuery(d.db)
  }

  retentionDays(): number {
    return this.d.settings.get<number>(RETENTION_SETTING) ?? DEFAULT_RETENTION_DAYS
  }

  private cutoff(): string {
    return new Date(this.d.now().getTime() - this.retentionDays() * DAY_MS).toISOString()
  }

  retentionView(): RetentionView {
    return { days: this.retentionDays(), due: this.due.casesSyncedBefore(this.cutoff()).length, lastRunAt: this.d.audit.lastAt('retention_purged') }
  }

  setRetentionDays(days: number, actor: string): RetentionView {
    const from = this.retentionDays()
    this.d.db.transaction(() => {
      this.d.settings.set(RETENTION_SETTING, days)
      this.d.audit.append('retention_changed', actor, this.d.now().toISOString(), { from, to: days })
    })()
    return this.retentionView()
  }

  /** Purges every closed case fully synced more than the retention delay ago. */
  runRetention(): RetentionRun {
    const at = this.d.now().toISOString()
    const { caseIds, totals } = this.d.db.transaction(() => {
      const caseIds = this.due.casesSyncedBefore(this.cutoff())
      const sum = this.eraseCases(caseIds, 'retention', at)
      for (const orderNumber of this.due.ordersFullyErased(caseIds)) this.d.eraser.eraseOrder(orderNumber, at)
      // Every run is recorded, an empty one too: it shows the purge does run.
      this.d.audit.append('retention_purged', RETENTION_ACTOR, at, { days: this.retentionDays(), caseIds, ...sum })
      return { caseIds, totals: sum }
    })()
    const photosDeleted = this.d.eraser.deleteErasedPhotoFiles()
    const walTruncated = this.truncateWal()
    if (caseIds.length) this.d.log.info('retention purge', { cases: caseIds.length, events: totals.eventsErased, photos: photosDeleted, walTruncated })
    return { purgedCases: caseIds.length, walTruncated }
  }

  exportCustomer(orderNumber: string, actor: string): CustomerExport {
    if (!this.d.customers.knows(orderNumber)) throw this.unknown(orderNumber)
    const at = this.d.now().toISOString()
    const doc = this.d.customers.exportOf(orderNumber, this.d.kioskId, at)
    this.d.audit.append('exported', actor, at, { orderNumber, caseIds: doc.cases.map((c) => c.caseId), photos: doc.cases.reduce((n, c) => n + c.photos.length, 0) })
    return doc
  }

  /** Erases the order's customer and every case of the order now, synced or not. */
  erase(orderNumber: string, actor: string): ErasureReport {
    if (!this.d.customers.knows(orderNumber)) throw this.unknown(orderNumber)
    const cases = this.d.customers.casesOf(orderNumber)
    const open = cases.filter((c) => !closedStatuses.has(c.status))
    if (open.length) {
      throw new DomainError(
        'illegal_transition',
        reason('privacy.caseOpen', `Case ${open.map((c) => c.caseNumber).join(', ')} is still in progress: hand it over or cancel it first, then erase the customer's data.`, { cases: open.map((c) => c.caseNumber) }),
      )
    }
    const at = this.d.now().toISOString()
    const report = this.d.db.transaction(() => {
      const sum = this.eraseCases(cases.map((c) => c.caseId), 'request', at)
      this.d.eraser.eraseOrder(orderNumber, at)
      this.d.audit.append('erased', actor, at, { orderNumber, caseIds: cases.map((c) => c.caseId), ...sum })
      return sum
    })()
    const photosDeleted = this.d.eraser.deleteErasedPhotoFiles()
    const walTruncated = this.truncateWal()
    this.d.log.info('customer data erased', { cases: cases.length, events: report.eventsErased, photos: photosDeleted, walTruncated })
    return { orderNumber, caseIds: cases.map((c) => c.caseId), ...report, photosDeleted, walTruncated }
  }

  /** Erases each case (call inside a transaction); the totals. */
  private eraseCases(caseIds: readonly string[], reason: ErasureReason, at: string): CaseErasure {
    const sum: CaseErasure = { eventsErased: 0, pinsPurged: 0, printJobsCleared: 0 }
    for (const caseId of caseIds) {
      const one = this.d.eraser.eraseCase(caseId, reason, at)
      sum.eventsErased += one.eventsErased
      sum.pinsPurged += one.pinsPurged
      sum.printJobsCleared += one.printJobsCleared
    }
    return sum
  }

  /**
   * Copies the WAL into the main file and truncates it to zero bytes: the erased values were
   * in the WAL's older frames. Busy (another connection reading) leaves it for the next run.
   */
  private truncateWal(): boolean {
    const [r] = this.d.db.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number; log: number; checkpointed: number }>
    return r !== undefined && r.busy === 0
  }

  private unknown(orderNumber: string): DomainError {
    return new DomainError('not_found', reason('privacy.noOrder', `No order ${orderNumber} on this kiosk: search again by order number, label code or name.`, { orderNumber }))
  }
}
