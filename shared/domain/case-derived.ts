// What follows from a case's recorded facts: the effective verdict (after a supervisor's
// override), a refusal, the flags a screen shows, and which evidence is still missing. Pure
// functions of CaseState, shared by the reducer (to allow a commit) and the renderer.
import type { CaseState } from './case-state'
import { outcomeFor, returnShippingPaidBySeller, type Outcome, type Verdict } from './eligibility'
import { photoPlan, photoProgress, type PhotoProgress } from './photo-sets'
import { accountDisconnectionRequired, missingAccessories, pinStepRequired } from './prerequisites'

export interface EffectiveEligibility {
  verdict: Verdict
  outcome: Outcome
  returnShippingPaidBySeller: boolean
  /** A supervisor's override set the verdict (the decision's own verdict is in state.eligibility). */
  overridden: boolean
}

/** The verdict in force, or null while none is decided (or an assessment fact changed since). */
export function effectiveEligibility(s: CaseState): EffectiveEligibility | null {
  const e = s.eligibility
  if (!e || e.stale) return null
  const override = [...s.overrides].reverse().find((o) => o.subject === 'eligibility' && o.seq > e.seq)
  const verdict = override?.verdict ?? e.verdict
  return {
    verdict,
    outcome: override ? outcomeFor(s.caseType, verdict) : e.outcome,
    returnShippingPaidBySeller: returnShippingPaidBySeller(s.caseType, verdict),
    overridden: override !== undefined,
  }
}

export const refusalReasons = ['not_eligible', 'device_locked', 'under_18', 'accessories_missing'] as const
export type RefusalReason = (typeof refusalReasons)[number]

/**
 * The step whose answer refuses the case: the screen stops there, and only that answer may be
 * recorded again (the customer unlocks the device, fetches the charger). Not eligible stops at
 * the verdict, which changes with the case type or a supervisor's decision.
 */
export const refusalStep = { not_eligible: 'eligibility', device_locked: 'account', under_18: 'age', accessories_missing: 'accessories' } as const

/**
 * Why the case cannot be accepted as it stands, or null. A refusal ends the intake where it
 * happens: no further evidence is recorded (case-rules-intake.ts) and evidence.completed is
 * refused. It ends with case.cancelled (reason "refused": the device goes back to the
 * customer), or goes away when the blocking fact is recorded again, the case type changes, or
 * a supervisor overrides it (subject "eligibility" for a verdict, "refusal" for a trade-in's).
 */
export function refusalOf(s: CaseState): RefusalReason | null {
  if (effectiveEligibility(s)?.outcome === 'refuse') return 'not_eligible'
  if (s.caseType !== 'trade_in') return null
  // A supervisor's "refusal" override lifts the refusals recorded before it, not a later one.
  const lifted = (seq: number): boolean => s.overrides.some((o) => o.subject === 'refusal' && o.seq > seq)
  if (s.account?.outcome === 'still_locked' && !lifted(s.account.seq)) return 'device_locked'
  if (s.age && !s.age.adult && !lifted(s.age.seq)) return 'under_18'
  if (s.accessories && missingAccessories(s.accessories.mandatory, s.accessories.included).length > 0 && !lifted(s.accessories.seq)) return 'accessories_missing'
  return null
}

/** The label the parcel ships with: a new one recorded at the counter, else the order's return label. */
export function labelOf(s: CaseState): { validUntil: string; source: 'order' | 'new' } | null {
  if (s.newLabel) return { validUntil: s.newLabel.validUntil, source: 'new' }
  const l = s.eligibility?.label
  return l ? { validUntil: l.validUntil, source: 'order' } : null
}

export interface CaseFlags {
  /** The label is no longer valid on `today`: hand-over blocked until label.recorded. */
  labelExpired: boolean
  /** Return shipping not paid by the seller (out-of-warranty repair). */
  customerPaysShipping: boolean
  /** Still locked to an account (not a trade-in): accepted, the refund will be delayed. */
  refundDelayed: boolean
  /** Trade-in differs from its assessment: the refurbisher will make a counteroffer. */
  counteroffer: boolean
  /** The customer declined to give the unlock PIN: repair may be delayed. */
  pinDeclined: boolean
  refusal: RefusalReason | null
}

/** The flags of a case on the counter's local date `today` (YYYY-MM-DD). */
export function caseFlags(s: CaseState, today: string): CaseFlags {
  const label = labelOf(s)
  const eff = effectiveEligibility(s)
  return {
    labelExpired: label !== null && today > label.validUntil,
    customerPaysShipping: eff !== null && !eff.returnShippingPaidBySeller,
    refundDelayed: s.caseType !== 'trade_in' && s.account?.outcome === 'still_locked',
    counteroffer: (s.caseType === 'trade_in' && s.identity?.assessmentMatches === false) || (s.eligibility?.counteroffer ?? false),
    pinDeclined: s.pin?.provided === false && s.pin.reason === 'customer_declined',
    refusal: refusalOf(s),
  }
}

export const evidenceParts = ['photos', 'backup', 'account', 'pin', 'accessories', 'age'] as const
export type EvidencePart = (typeof evidenceParts)[number]

export interface EvidenceProgress {
  /** Null until the device category is known. */
  photos: PhotoProgress | null
  /** The parts this case needs, in order. */
  required: EvidencePart[]
  missing: EvidencePart[]
  complete: boolean
}

/** Which evidence this case needs and which is still missing (DOMAIN.md "Before the device is accepted"). */
export function evidenceProgress(s: CaseState): EvidenceProgress {
  const c = s.category
  const photos = c ? photoProgress(photoPlan(c, s.caseType), Object.keys(s.photos), Object.keys(s.skippedShots)) : null
  const required: EvidencePart[] = ['photos', 'backup']
  if (!c || accountDisconnectionRequired(c)) required.push('account')
  if (!c || pinStepRequired(c)) required.push('pin')
  if (s.caseType === 'trade_in') required.push('accessories', 'age')
  const done: Record<EvidencePart, boolean> = {
    photos: photos?.complete ?? false,
    backup: s.backup !== undefined,
    account: s.account !== undefined,
    pin: s.pin !== undefined,
    accessories: s.accessories !== undefined,
    age: s.age !== undefined,
  }
  const missing = required.filter((p) => !done[p])
  return { photos, required, missing, complete: missing.length === 0 }
}
