// The case state machine as a reducer over events. The services apply it before appending
// an event (an illegal transition is refused, nothing is written) and to rebuild the cases
// projection; the renderer uses the same code to show what comes next.
//
//   started -> verified -> eligibility_decided -> evidence_captured -> packed -> labelled -> handed_over
//   (+ on_hold with its reason and the status to resume to, + cancelled with its reason)
//
// Each step's data events may be recorded, and recorded again, until the step's commit event
// (order.verified, eligibility.decided, evidence.completed, packed, tracking.bound,
// handed_over). A re-recorded datum supersedes the previous one by its key; exactly the same
// datum again is refused as a duplicate. After the commit, the step's data events are refused
// (step_committed) unless step.reopened reopens it explicitly. The rules: case-rules-*.ts.
import { caseEventTypes, type CaseEvent, type CaseEventType } from './case-events'
import type { CaseState } from './case-state'
import { closingRules } from './case-rules-closing'
import { controlRules } from './case-rules-control'
import { intakeRules } from './case-rules-intake'
import { IllegalTransition, type Rule, type Rules } from './case-transition'

export { caseStatuses, progressStatuses, type CaseState, type CaseStatus, type ProgressStatus } from './case-state'
export { IllegalTransition, transitionRefusals, type TransitionRefusal } from './case-transition'

const rules: Rules = { ...intakeRules, ...closingRules, ...controlRules }

function ruleFor(type: CaseEventType): Rule<CaseEventType> {
  const rule = rules[type] as Rule<CaseEventType> | undefined
  if (!rule) throw new Error(`no rule for case event ${type}`)
  return rule
}

/**
 * A state as stored by an older version lacks the per-step fields: fill them in, so the
 * projection of a case started before this version keeps working.
 */
function withDefaults(s: CaseState): CaseState {
  return {
    ...s,
    exclusions: s.exclusions ?? {},
    overrides: s.overrides ?? [],
    photos: s.photos ?? {},
    skippedShots: s.skippedShots ?? {},
    packing: s.packing ?? { checked: {}, photos: {} },
  }
}

/**
 * Events that record something beside the intake without steering it (a document printed
 * again): allowed whenever their rule says so, never offered as what comes next.
 */
export const sideEventTypes: readonly CaseEventType[] = ['document.reprinted']

/** The event types that may be recorded next (their payload may still be refused). */
export function nextEventTypes(state: CaseState | null): CaseEventType[] {
  const s = state ? withDefaults(state) : null
  return caseEventTypes.filter((t) => !sideEventTypes.includes(t) && ruleFor(t).when(s) === null)
}

/** Why an event type cannot be recorded now, or null when it may be. */
export function whyNot(state: CaseState | null, type: CaseEventType): IllegalTransition | null {
  const s = state ? withDefaults(state) : null
  const reason = ruleFor(type).when(s)
  return reason ? new IllegalTransition(type, s ? s.status : 'none', reason) : null
}

export function reduceCase(state: CaseState | null, event: CaseEvent): CaseState {
  const s = state ? withDefaults(state) : null
  const rule = ruleFor(event.type)
  const reason = rule.when(s)
  if (reason) throw new IllegalTransition(event.type, s ? s.status : 'none', reason)
  if (s && event.caseSeq !== s.lastSeq + 1) {
    throw new Error(`case ${event.caseId}: event ${event.caseSeq} out of order after ${s.lastSeq}`)
  }
  const next = rule.apply(s as CaseState, event)
  return { ...next, updatedAt: event.at, lastSeq: event.caseSeq }
}

export function replayCase(events: readonly CaseEvent[]): CaseState | null {
  return events.reduce<CaseState | null>((s, e) => reduceCase(s, e), null)
}
