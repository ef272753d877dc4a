// What the kill storm's client saw confirmed (an ok reply reached it): every fact here must be
// found after any later restart. A call that got no reply is not in the ledger; whatever it
// did or did not record is judged by the consistency checks alone (kill-storm-checks.ts).
import type { HandoverBatchView } from '@shared/contract/intake-views'
import type { CaseDetail, CaseSummary } from '@shared/contract/views'
import type { CaseState } from '@shared/domain/case-state'

export interface ConfirmedCase {
  orderNumber: string
  /** The highest case_seq a reply showed (2 for a start: case.started + order.verified). */
  seq: number
  /** The reducer state at `seq` as the reply showed it (null when only the start was confirmed). */
  state: CaseState | null
  /** Each event the reply listed, by id: its case_seq. */
  events: Map<string, number>
}

export class StormLedger {
  readonly cases = new Map<string, ConfirmedCase>()
  /** caseId -> SHA-256 of each photo whose capture was confirmed. */
  readonly photos = new Map<string, Set<string>>()
  /** batch id -> the case ids it handed over. */
  readonly batches = new Map<string, string[]>()
  /** Cases whose latest confirmed detail said an unlock PIN is held. */
  readonly pins = new Set<string>()
  /** Ok replies of recording calls. */
  confirmed = 0

  started(summary: CaseSummary): void {
    this.confirmed++
    if (!this.cases.has(summary.id)) this.cases.set(summary.id, { orderNumber: summary.orderNumber, seq: 2, state: null, events: new Map() })
  }

  /** A recording call's reply. */
  step(detail: CaseDetail): void {
    this.confirmed++
    this.seen(detail)
  }

  /** A case as any reply showed it (cases.get too): what it showed is recorded. */
  seen(detail: CaseDetail): void {
    const { state } = detail
    const known = this.cases.get(state.id)
    // Replies can arrive out of order across cases, never for one case: keep the furthest.
    if (known && known.state && known.seq > state.lastSeq) return
    this.cases.set(state.id, { orderNumber: state.orderNumber, seq: state.lastSeq, state, events: new Map(detail.events.map((e) => [e.id, e.caseSeq])) })
    if (detail.intake.pinStored) this.pins.add(state.id)
    else this.pins.delete(state.id)
  }

  photo(caseId: string, sha256: string): void {
    const set = this.photos.get(caseId) ?? new Set<string>()
    set.add(sha256)
    this.photos.set(caseId, set)
  }

  batch(view: HandoverBatchView): void {
    this.confirmed++
    this.batches.set(view.id, view.caseIds)
  }
}
