// What staff read when the case's rules refuse a step: the rule's own hint when it has one,
// else what to do next for the refusal, with the reason key the screen translates.
import { reason, type Reason } from '@shared/contract/result'
import type { IllegalTransition, TransitionRefusal } from '@shared/domain/case-machine'

/** What to do next, for the refusals that carry no hint of their own. */
const nextMove: Partial<Record<TransitionRefusal, string>> = {
  step_committed: 'this step is already done. To change it, reopen the step with a reason.',
  on_hold: 'the case is on hold. Resume it (or ask a supervisor) first.',
  closed: 'the case is closed (handed over or cancelled). Nothing more can be recorded on it.',
  wrong_status: 'this is not the step the case is at. Go to the step shown as next.',
  identity_missing: 'identify the device (IMEI or serial) first.',
  evidence_incomplete: 'some evidence is still missing: see the steps not yet ticked.',
  packing_incomplete: 'tick every packing item, record the slip and take both package photos first.',
  needs_supervisor: 'only a supervisor can resolve this hold, with their PIN.',
  refused: 'the case is refused, so nothing more is recorded on it. Change the case type, ask a supervisor, hold it for the customer\'s return, or close it as refused.',
}

export function transitionReason(err: IllegalTransition): Reason {
  const what = err.hint?.message ?? nextMove[err.reason] ?? 'not possible now.'
  const message = `Not recorded: ${what.charAt(0).toUpperCase()}${what.slice(1)}`
  return err.hint ? reason(err.hint.key, message, err.hint.params) : reason(`transition.${err.reason}`, message)
}
