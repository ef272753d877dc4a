// "Start a case for this order", one transaction for every way a case starts (a scan or a
// search at the counter, the customer's QR code at the self-check): a second start of the same
// order resumes its open case instead of starting another, and the case number is taken in the
// same transaction as the case.started and order.verified events that use it.
import { randomUUID } from 'node:crypto'
import type { CaseState } from '@shared/domain/case-machine'
import type { RestartReason } from '@shared/domain/case-restart'
import type { ManifestRecord } from '@shared/manifest/record'
import type { ServiceContext } from '../context'

export interface CaseStart {
  record: ManifestRecord
  via: 'scan' | 'search'
  code?: string
  /**
   * Runs inside the transaction when the order has no open case: why a new case starts on an
   * order whose earlier cases are finished, or null. It may refuse (throw) the start.
   */
  restart?: () => { reason: RestartReason; note?: string; earlierCases: string[] } | null
}

/** The order's open case, or its new one; `started` says which. */
export function startCase(ctx: Pick<ServiceContext, 'store' | 'kioskId' | 'timeZone' | 'now' | 'recorder' | 'caseQueries'>, start: CaseStart, actor: string): { state: CaseState; started: boolean } {
  const { record } = start
  return ctx.store.db.transaction(() => {
    const open = ctx.caseQueries.openCaseFor(record.orderNumber)
    if (open) return { state: open, started: false }
    const restarted = start.restart?.() ?? null
    const caseNumber = ctx.caseQueries.nextCaseNumber(ctx.kioskId, ctx.now(), ctx.timeZone)
    const caseType = record.returnRequest?.type ?? 'warranty_repair'
    const payload = { caseNumber, orderNumber: record.orderNumber, caseType, via: start.via, ...(start.code ? { code: start.code } : {}), category: record.item.category, ...(restarted ? { restart: restarted } : {}) }
    const state = ctx.recorder.record(randomUUID(), [{ type: 'case.started', payload }, { type: 'order.verified', payload: { orderNumber: record.orderNumber } }], actor)
    return { state, started: true }
  })()
}
