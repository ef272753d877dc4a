// The building blocks of the case state machine: the typed refusal (IllegalTransition, with a
// machine-readable reason), the shape of a rule, and small helpers the rule files share.
import type { Reason } from '../contract/result'
import type { CaseEvent, CaseEventPayload, CaseEventType } from './case-events'
import { progressStatuses, type CaseState, type CaseStatus, type ProgressStatus, type Stamp } from './case-state'

/** Why an event cannot be applied now: a code the services and the renderer can branch on. */
export const transitionRefusals = [
  'wrong_status', // not at this point of the intake
  'not_started',
  'closed', // handed over or cancelled
  'on_hold', // resolve the hold first (case.resumed or supervisor.override)
  'step_committed', // a step already committed: reopen it first (step.reopened)
  'step_not_committed', // nothing to reopen
  'duplicate', // exactly this is already recorded: nothing to do
  'not_recorded', // withdrawing / unchecking / picking up something never recorded
  'not_applicable', // not part of this case (age check outside a trade-in, an item not on its checklist)
  'identity_missing', // identify the device before deciding eligibility
  'inconsistent_decision', // the verdict's outcome does not follow from it (eligibility.ts outcomeFor)
  'exclusion_evidence_missing',
  'shot_not_in_plan',
  'shot_not_skippable',
  'evidence_incomplete',
  'refused', // the case cannot be accepted as it stands (case-derived.ts refusalOf)
  'packing_incomplete',
  'tracking_mismatch', // not the number of the label recorded for this case
  'label_expired', // hand-over needs a valid label: record a new one
  'carrier_mismatch', // the pickup batch is another carrier's
  'needs_supervisor', // this hold is resolved by supervisor.override only
  'override_subject', // the override does not match what is waiting for a decision
] as const
export type TransitionRefusal = (typeof transitionRefusals)[number]

/** What to do next, per refusal, when the rule gives no more precise hint (English, for staff and logs). */
const defaultHints: Record<TransitionRefusal, string> = {
  wrong_status: 'this step is not due yet: finish the current step first',
  not_started: 'start the case first by scanning or finding the order',
  closed: 'the case is closed: nothing more can be recorded on it',
  on_hold: 'the case is on hold: resume it, or ask a supervisor',
  step_committed: 'this step is already confirmed: reopen it to change it',
  step_not_committed: 'this step is not confirmed yet: just record it',
  duplicate: 'this is already recorded',
  not_recorded: 'there is nothing of this recorded on the case',
  not_applicable: 'this does not apply to this case',
  identity_missing: 'identify the device (IMEI or serial number) first',
  inconsistent_decision: 'decide the eligibility again',
  exclusion_evidence_missing: 'take the evidence photos of the exclusion first',
  shot_not_in_plan: 'this shot is not one of this device\'s photos',
  shot_not_skippable: 'only "screen on" may be skipped, for a device that cannot show its screen',
  evidence_incomplete: 'some evidence is still missing: finish the steps not done',
  refused: 'the case is refused: change the case type, ask a supervisor, hold it for the customer\'s return, or close it as refused',
  packing_incomplete: 'tick every packing item, record the slip and take both package photos',
  tracking_mismatch: 'scan the label recorded for this case',
  label_expired: 'the label has expired: record a new label and bind it',
  carrier_mismatch: 'this parcel goes with another carrier\'s pickup',
  needs_supervisor: 'a supervisor must resolve this hold',
  override_subject: 'nothing of this kind is waiting for a supervisor\'s decision',
}

export class IllegalTransition extends Error {
  constructor(
    readonly eventType: string,
    readonly from: CaseStatus | 'none',
    readonly reason: TransitionRefusal = 'wrong_status',
    /** The rule's own hint, when it has a more precise one than the reason's default (in the message either way). */
    readonly hint?: Reason,
  ) {
    super(`"${eventType}" cannot follow a case that is ${from === 'none' ? 'not started' : from.replace(/_/g, ' ')}: ${hint?.message ?? defaultHints[reason]}`)
    this.name = 'IllegalTransition'
  }
}

/**
 * One event type's rule. `when` says whether the event may come next from this state at all
 * (it drives nextEventTypes, so it looks at the state only); `apply` checks the payload and
 * returns the new state, or throws IllegalTransition.
 */
export interface Rule<T extends CaseEventType> {
  when: (s: CaseState | null) => TransitionRefusal | null
  apply: (s: CaseState, e: CaseEvent<T>) => CaseState
}
export type Rules = { [T in CaseEventType]?: Rule<T> }

export const rank = (status: ProgressStatus): number => progressStatuses.indexOf(status)

/** The main-line status a case is at, or would resume to when on hold / was at when cancelled. */
export function lineStatus(s: CaseState): ProgressStatus {
  if (s.status === 'on_hold') return s.hold?.resumeTo ?? 'verified'
  if (s.status === 'cancelled') return (s.cancelled?.from as ProgressStatus | undefined) ?? 'started'
  return s.status
}

/** Refusal for a case that is not open for work: not started, closed, or on hold. */
export function notOpen(s: CaseState | null): TransitionRefusal | null {
  if (!s) return 'not_started'
  if (s.status === 'handed_over' || s.status === 'cancelled') return 'closed'
  if (s.status === 'on_hold') return 'on_hold'
  return null
}

/** Allowed while the status is one of `statuses`; later statuses mean the step is committed. */
export function during(...statuses: ProgressStatus[]): (s: CaseState | null) => TransitionRefusal | null {
  const last = Math.max(...statuses.map(rank))
  return (s) => {
    const closed = notOpen(s)
    if (closed) return closed
    const status = s!.status as ProgressStatus
    if (statuses.includes(status)) return null
    return rank(status) > last ? 'step_committed' : 'wrong_status'
  }
}

export function stamp(e: CaseEvent): Stamp {
  return { seq: e.caseSeq, at: e.at, by: e.actor }
}

const STAMP_KEYS = new Set(['seq', 'at', 'by', 'stale'])

/** Whether a stored record holds exactly this payload (its stamp aside): a duplicate. */
export function sameData(record: object | undefined, payload: object): boolean {
  if (!record) return false
  const keys = new Set([...Object.keys(record), ...Object.keys(payload)].filter((k) => !STAMP_KEYS.has(k)))
  const r = record as Record<string, unknown>
  const p = payload as Record<string, unknown>
  for (const k of keys) if (JSON.stringify(r[k]) !== JSON.stringify(p[k])) return false
  return true
}

export function refuse(e: CaseEvent, s: CaseState, reason: TransitionRefusal, hint?: Reason): never {
  throw new IllegalTransition(e.type, s.status, reason, hint)
}

export type PayloadOf<T extends CaseEventType> = CaseEventPayload<T>
