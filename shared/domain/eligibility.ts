// The eligibility verdict: the case type's window + the exclusions observed -> covered, not
// covered, or needs a supervisor, with machine-readable reasons (codes and parameters; the
// renderer's i18n turns them into words) and the dates behind them. Also says what the counter
// does next (`outcome`) and the flags that follow (who pays return shipping, label expired).
import type { CaseType } from '../manifest/record'
import { exclusionApplies, type ExclusionId } from './exclusions'
import { labelValidity } from './label-validity'
import { windowForCase, type CounterClock, type OrderDates, type WindowVerdict } from './windows'

export const verdicts = ['covered', 'not_covered', 'needs_supervisor'] as const
export type Verdict = (typeof verdicts)[number]

/**
 * What the counter does with the verdict:
 * - proceed: go on with the intake;
 * - proceed_at_customer_cost: out-of-warranty repair, the customer may still send it, return
 *   shipping is not paid by the seller;
 * - hold_for_supervisor: the case goes on hold until a supervisor decides;
 * - refuse: this case type cannot go on (change the case type, e.g. to a repair, or cancel).
 */
export const outcomes = ['proceed', 'proceed_at_customer_cost', 'hold_for_supervisor', 'refuse'] as const
export type Outcome = (typeof outcomes)[number]

export const eligibilityReasonCodes = [
  'within_window', // params: window, deadline, days, limit
  'window_passed', // params: window, deadline, days, limit
  'delivery_date_unknown', // counted from the order date; params: orderDate
  'offer_date_unknown', // a trade-in without its offer: the 21 days cannot be counted
  'exclusion_observed', // params: exclusion
  'condition_differs_from_assessment', // trade-in: params: exclusion; counteroffer
  'out_of_warranty_customer_pays_shipping',
  'label_expired', // params: validUntil; hand-over blocked until a new label
  'supervisor_override', // params: verdict (set by the state machine, not by decideEligibility)
] as const
export type EligibilityReasonCode = (typeof eligibilityReasonCodes)[number]

export interface EligibilityReason {
  code: EligibilityReasonCode
  params?: Record<string, string | number>
}

export interface EligibilityDecision {
  verdict: Verdict
  outcome: Outcome
  reasons: EligibilityReason[]
  /** The window of the case type, or null when its start is unknown. */
  window: WindowVerdict | null
  /** The return label's validity when the order has a return request. */
  label: { validUntil: string; expired: boolean } | null
  /** False for an out-of-warranty repair: return shipping is then not paid by the seller. */
  returnShippingPaidBySeller: boolean
  /** Trade-in: the device differs from the assessment; the refurbisher will make a counteroffer. */
  counteroffer: boolean
  /** The case type that may fit instead when this one is refused. */
  suggestedCaseType?: CaseType
}

export interface EligibilityInput extends CounterClock {
  caseType: CaseType
  order: OrderDates
  /** The exclusions staff observed (with evidence) on this device. */
  exclusions: readonly ExclusionId[]
}

/** What follows from a verdict for a case type (also used after a supervisor's override). */
export function outcomeFor(caseType: CaseType, verdict: Verdict): Outcome {
  if (verdict === 'covered') return 'proceed'
  if (verdict === 'needs_supervisor') return 'hold_for_supervisor'
  return caseType === 'warranty_repair' ? 'proceed_at_customer_cost' : 'refuse'
}

export function returnShippingPaidBySeller(caseType: CaseType, verdict: Verdict): boolean {
  return !(caseType === 'warranty_repair' && verdict === 'not_covered')
}

function windowParams(w: WindowVerdict): Record<string, string | number> {
  return { window: w.window, deadline: w.deadline, days: w.days, limit: w.limit }
}

export function decideEligibility(input: EligibilityInput): EligibilityDecision {
  const { caseType, order } = input
  const reasons: EligibilityReason[] = []
  const found = windowForCase(caseType, order, input)
  const window = found?.verdict ?? null
  const unique = [...new Set(input.exclusions)]

  let verdict: Verdict
  let counteroffer = false
  if (!found || !window) {
    reasons.push({ code: 'offer_date_unknown' })
    verdict = 'needs_supervisor'
  } else {
    reasons.push({ code: window.within ? 'within_window' : 'window_passed', params: windowParams(window) })
    if (found.startAssumed) reasons.push({ code: 'delivery_date_unknown', params: { orderDate: order.orderDate } })
    const excluded = unique.filter((e) => exclusionApplies(caseType, e))
    for (const e of excluded) reasons.push({ code: 'exclusion_observed', params: { exclusion: e } })
    if (caseType === 'trade_in') {
      counteroffer = unique.length > 0
      for (const e of unique) reasons.push({ code: 'condition_differs_from_assessment', params: { exclusion: e } })
    }
    if (excluded.length > 0) verdict = 'not_covered'
    else if (window.within) verdict = 'covered'
    // Counted from the order date, a passed window may still be open from the real delivery.
    else if (found.startAssumed) verdict = 'needs_supervisor'
    // A late damage report may still be accepted (the carrier claim); a supervisor decides.
    else if (caseType === 'damaged_on_arrival') verdict = 'needs_supervisor'
    else verdict = 'not_covered'
  }

  const paid = returnShippingPaidBySeller(caseType, verdict)
  if (!paid) reasons.push({ code: 'out_of_warranty_customer_pays_shipping' })
  let label: EligibilityDecision['label'] = null
  if (order.returnRequest) {
    label = labelValidity(order.returnRequest.requestedAt, new Date(input.now), input.timeZone)
    if (label.expired) reasons.push({ code: 'label_expired', params: { validUntil: label.validUntil } })
  }
  const outcome = outcomeFor(caseType, verdict)
  const decision: EligibilityDecision = { verdict, outcome, reasons, window, label, returnShippingPaidBySeller: paid, counteroffer }
  if (outcome === 'refuse' && caseType !== 'trade_in') decision.suggestedCaseType = 'warranty_repair'
  return decision
}
