// Binding the return label's tracking number to a case and batching parcels per carrier
// (DOMAIN.md "Hand-over to the carrier"). The scanned number must be the order's (or the new
// label's) and well formed for its carrier (tracking-number.ts).
import { identifyCarrier, knownCarrier, normalizeTrackingNumber, validateTrackingNumber } from './tracking-number'

export const bindingProblems = [
  'no_tracking_number', // nothing was read
  'other_label', // a valid number, but not this order's label: another customer's parcel?
  'carrier_unknown', // neither the order nor the number says which carrier
  'invalid_format', // not a number of this carrier
  'check_digit', // the right shape, a misread or mistyped character
] as const
export type BindingProblem = (typeof bindingProblems)[number]

export type TrackingBinding =
  | { ok: true; trackingNumber: string; carrier: string }
  /** `detail` is the English explanation from tracking-number.ts, for staff logs and tests. */
  | { ok: false; problem: BindingProblem; detail?: string }

export interface BindingInput {
  scanned: string
  /** The label the case ships with: the order's return label, or the new one recorded since. */
  label: { trackingNumber?: string; carrier?: string }
}

export function checkTrackingBinding({ scanned, label }: BindingInput): TrackingBinding {
  const code = normalizeTrackingNumber(scanned)
  if (code === '') return { ok: false, problem: 'no_tracking_number' }
  if (label.trackingNumber !== undefined && normalizeTrackingNumber(label.trackingNumber) !== code) {
    return { ok: false, problem: 'other_label' }
  }
  const carrier = label.carrier ?? identifyCarrier(code)
  if (!carrier) return { ok: false, problem: 'carrier_unknown' }
  const check = validateTrackingNumber(carrier, code)
  if (!check.ok) {
    const problem = check.reason.startsWith('The check digit') ? 'check_digit' : 'invalid_format'
    return { ok: false, problem, detail: check.reason }
  }
  return { ok: true, trackingNumber: code, carrier: carrierKey(carrier) }
}

/** One spelling per carrier, so "ups", "UPS" and "U.P.S." land in the same pickup batch. */
export function carrierKey(carrier: string): string {
  return knownCarrier(carrier) ?? carrier.trim().replace(/\s+/g, ' ')
}

/** Parcels grouped per carrier pickup, carriers and parcels in their first-seen order. */
export function batchesByCarrier<T extends { carrier: string }>(parcels: readonly T[]): Map<string, T[]> {
  const batches = new Map<string, T[]>()
  for (const p of parcels) {
    const key = carrierKey(p.carrier)
    const list = batches.get(key)
    if (list) list.push(p)
    else batches.set(key, [p])
  }
  return batches
}
