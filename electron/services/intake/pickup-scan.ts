// Confirming a carrier pickup the way the carriers' own counter apps do: each parcel the driver
// takes is scanned. A scan is placed in this carrier's waiting list, or named for what it is (a
// parcel of another carrier, one already handed over, an expired label, a code of no parcel
// here) with what to do, so a wrong parcel never leaves with the driver.
import { DomainError, reason } from '@shared/contract/result'
import type { ParcelView } from '@shared/contract/intake-views'
import type { CaseState } from '@shared/domain/case-machine'
import { carrierKey } from '@shared/domain/handover'
import { normalizeTrackingNumber } from '@shared/domain/tracking-number'
import type { ServiceContext } from '../context'

const statusWords = (s: CaseState): string => s.status.replace(/_/g, ' ')

/** The case a tracking number is bound (or recorded as a new label) on, newest first. */
function caseWithTracking(ctx: ServiceContext, number: string): CaseState | null {
  const row = ctx.store.db
    .prepare(
      `SELECT state FROM cases WHERE json_extract(state, '$.tracking.trackingNumber') = ? OR json_extract(state, '$.newLabel.trackingNumber') = ?
       ORDER BY updated_at DESC LIMIT 1`,
    )
    .get(number, number) as { state: string } | undefined
  return row ? (JSON.parse(row.state) as CaseState) : null
}

/**
 * The waiting parcel of `carrier` a scanned code is, or a refusal that names what the parcel is
 * and says what to do. `waiting` is every labelled parcel (every carrier).
 */
export function placePickupScan(ctx: ServiceContext, carrier: string, code: string, waiting: readonly ParcelView[]): ParcelView {
  const key = carrierKey(carrier)
  const number = normalizeTrackingNumber(code)
  const back = 'take it back from the driver'
  const parcel = waiting.find((p) => normalizeTrackingNumber(p.trackingNumber) === number)
  if (parcel) {
    if (parcel.carrier !== key) throw new DomainError('conflict', reason('pickup.otherCarrier', `${number} is case ${parcel.caseNumber}, a ${parcel.carrier} parcel, not ${key}: ${back}; it goes with the ${parcel.carrier} pickup.`, { code: number, caseNumber: parcel.caseNumber, carrier: parcel.carrier, pickup: key }), { problem: 'other_carrier', caseNumber: parcel.caseNumber })
    if (parcel.labelExpired) {
      throw new DomainError('conflict', reason('pickup.labelExpired', `${number} is case ${parcel.caseNumber}, and its label expired: ${back}, stick a new label on it and scan the new label in its case.`, { code: number, caseNumber: parcel.caseNumber }), { problem: 'label_expired', caseNumber: parcel.caseNumber })
    }
    return parcel
  }
  const known = caseWithTracking(ctx, number)
  if (known) {
    throw new DomainError('conflict', reason('pickup.caseNotWaiting', `${number} is case ${known.caseNumber} (order ${known.orderNumber}), which is ${statusWords(known)}, not waiting for this pickup: ${back}.`, { code: number, caseNumber: known.caseNumber, orderNumber: known.orderNumber }), { problem: 'not_waiting', caseNumber: known.caseNumber })
  }
  const order = ctx.store.orders.findByCode(number)
  if (order) {
    throw new DomainError('conflict', reason('pickup.orderNotWaiting', `${number} is the label of order ${order.record.orderNumber}, which has no parcel waiting here: ${back}.`, { code: number, orderNumber: order.record.orderNumber }), { problem: 'not_waiting' })
  }
  throw new DomainError('not_found', reason('pickup.unknown', `${number} is not a parcel of this counter: ${back} and set it aside.`, { code: number }), { problem: 'unknown' })
}
