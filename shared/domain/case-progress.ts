// The intake as steps for the screens: which steps this case has, which are done, which one
// comes next and which events it records. One step = one step component in the renderer
// (renderer/src/steps/), named by these ids.
import type { CaseEventType } from './case-events'
import { evidenceProgress, refusalOf, refusalStep, type EvidencePart, type RefusalReason } from './case-derived'
import type { HoldReason } from './case-events-control'
import { nextEventTypes } from './case-machine'
import type { CaseState, ProgressStatus } from './case-state'
import { lineStatus, rank } from './case-transition'
import { packingProgress } from './packing'

export const stepIds = [
  'order',
  'identity',
  'eligibility',
  'photos',
  'backup',
  'account',
  'pin',
  'accessories',
  'age',
  'evidence_review',
  'packing',
  'package_photos',
  'label',
  'handover',
] as const
export type StepId = (typeof stepIds)[number]

/** The events each step records; the last one of a phase also carries the phase's commit. */
export const stepEvents: Record<StepId, readonly CaseEventType[]> = {
  order: ['order.verified'],
  identity: ['device.identified'],
  eligibility: ['exclusion.observed', 'exclusion.withdrawn', 'case.retyped', 'eligibility.decided'],
  photos: ['photo.captured', 'photo.skipped'],
  backup: ['backup.confirmed'],
  account: ['account.disconnected', 'account.still_locked'],
  pin: ['pin.provided', 'pin.skipped'],
  accessories: ['accessories.recorded'],
  age: ['age.checked'],
  evidence_review: ['evidence.completed'],
  packing: ['packing.item_checked', 'packing.item_unchecked', 'slip.recorded'],
  package_photos: ['package.photographed', 'packed'],
  label: ['label.recorded', 'tracking.bound'],
  handover: ['handed_over'],
}

/** The status each step's phase is committed at: once reached, the step is done. */
const committedAt: Record<StepId, ProgressStatus> = {
  order: 'verified',
  identity: 'eligibility_decided',
  eligibility: 'eligibility_decided',
  photos: 'evidence_captured',
  backup: 'evidence_captured',
  account: 'evidence_captured',
  pin: 'evidence_captured',
  accessories: 'evidence_captured',
  age: 'evidence_captured',
  evidence_review: 'evidence_captured',
  packing: 'packed',
  package_photos: 'packed',
  label: 'labelled',
  handover: 'handed_over',
}

export interface StepProgress {
  id: StepId
  done: boolean
}

export type Blocked =
  | { kind: 'on_hold'; reason: HoldReason; needsSupervisor: boolean }
  | { kind: 'refused'; reason: RefusalReason }
  | { kind: 'cancelled' }
  | null

export interface CaseProgress {
  /** The steps of this case, in order (steps that do not apply to it are left out). */
  steps: StepProgress[]
  /** The step to show now; null once handed over or cancelled. */
  next: StepId | null
  done: number
  total: number
  /** Why the case cannot go on as it stands. */
  blocked: Blocked
}

const evidenceSteps: Partial<Record<StepId, EvidencePart>> = { photos: 'photos', backup: 'backup', account: 'account', pin: 'pin', accessories: 'accessories', age: 'age' }

/** The step a supervisor hold is about: not done until the supervisor decides. */
const heldStep: Partial<Record<HoldReason, StepId>> = { identity_mismatch: 'identity', eligibility_review: 'eligibility' }

function stepDone(s: CaseState, id: StepId, line: ProgressStatus): boolean {
  if (s.status === 'on_hold' && s.hold && heldStep[s.hold.reason] === id) return false
  if (rank(line) >= rank(committedAt[id])) return true
  const part = evidenceSteps[id]
  if (part) return !evidenceProgress(s).missing.includes(part)
  if (id === 'identity') return s.identity !== undefined
  if (id === 'packing') {
    const p = packingProgress(s.caseType, Object.keys(s.packing.checked), [], s.packing.slip !== undefined)
    return p.missingItems.length === 0 && p.slip
  }
  return false
}

export function caseProgress(s: CaseState): CaseProgress {
  const line = lineStatus(s)
  const parts = evidenceProgress(s).required
  const ids = stepIds.filter((id) => {
    const part = evidenceSteps[id]
    return part === undefined || parts.includes(part)
  })
  const steps = ids.map((id) => ({ id, done: stepDone(s, id, line) }))
  const closed = s.status === 'handed_over' || s.status === 'cancelled'
  let blocked: Blocked = null
  if (s.status === 'cancelled') blocked = { kind: 'cancelled' }
  else if (s.status === 'on_hold' && s.hold) blocked = { kind: 'on_hold', reason: s.hold.reason, needsSupervisor: s.hold.needsSupervisor }
  else {
    const refusal = refusalOf(s)
    if (refusal && rank(line) < rank('evidence_captured')) blocked = { kind: 'refused', reason: refusal }
  }
  // A refusal ends the intake where it happens: the screen stays at the step that refused.
  const stop = blocked?.kind === 'refused' ? refusalStep[blocked.reason] : null
  return {
    steps,
    next: closed ? null : (stop ?? steps.find((st) => !st.done)?.id ?? null),
    done: steps.filter((st) => st.done).length,
    total: steps.length,
    blocked,
  }
}

/** The step the screen should show now (null when the case is closed). */
export function nextStep(s: CaseState): StepId | null {
  return caseProgress(s).next
}

/** The events the next step may record now: its own events that the machine allows. */
export function nextStepEvents(s: CaseState): CaseEventType[] {
  const step = nextStep(s)
  if (!step) return []
  const allowed = new Set(nextEventTypes(s))
  return stepEvents[step].filter((t) => allowed.has(t))
}
