// Records one intake step through the case recorder, with what the step screens need on top:
// a dry run through the reducer first, so a second identical scan or tap is answered "already
// recorded" (nothing added) rather than as an error, and a refusal carries its reason code
// and a message that says what to do next. `alongside` runs in the same transaction as the
// events (a photo row, the sealed PIN): both are committed, or neither.
import { DomainError } from '@shared/contract/result'
import type { StepResult } from '@shared/contract/intake-views'
import { caseEventPayloads, type CaseEvent } from '@shared/domain/case-events'
import { IllegalTransition, reduceCase, type CaseState, type TransitionRefusal } from '@shared/domain/case-machine'
import { describeIssues } from '@shared/manifest/record'
import type { NewCaseEvent } from '../cases/case-recorder'
import type { ServiceContext } from '../context'
import type { IntakeDeps } from './intake-deps'
import { buildCaseDetail } from './case-detail'
import { refusedError } from './refusal-messages'
import { refusalOf } from '@shared/domain/case-derived'

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

export function loadCase(ctx: ServiceContext, caseId: string): CaseState {
  const state = ctx.store.cases.get(caseId)
  if (!state) throw new DomainError('not_found', `No case ${caseId} on this kiosk. Scan the order again to start it.`)
  return state
}

export function refusal(err: IllegalTransition): DomainError {
  const what = err.hint ?? nextMove[err.reason] ?? 'not possible now.'
  return new DomainError('illegal_transition', `Not recorded: ${what.charAt(0).toUpperCase()}${what.slice(1)}`, { reason: err.reason, event: err.eventType })
}

/** Runs the events through the reducer without writing: the state they would lead to. */
function dryRun(state: CaseState, events: readonly NewCaseEvent[], actor: string, at: string): CaseState {
  let s = state
  for (const e of events) {
    const parsed = caseEventPayloads[e.type].safeParse(e.payload)
    if (!parsed.success) throw new DomainError('invalid_input', `${e.type}: ${describeIssues(parsed.error)}`)
    const event = { id: 'dry-run', caseId: state.id, caseSeq: s.lastSeq + 1, type: e.type, payload: parsed.data, actor, kioskId: 'dry-run', at } as CaseEvent
    s = reduceCase(s, event)
  }
  return s
}

export interface StepOptions {
  /** Work that must commit with the events (same transaction). */
  alongside?: (state: CaseState) => void
}

export function recordStep(ctx: ServiceContext, deps: IntakeDeps, caseId: string, events: readonly NewCaseEvent[], actor: string, options: StepOptions = {}): StepResult {
  const before = loadCase(ctx, caseId)
  try {
    dryRun(before, events, actor, ctx.now().toISOString())
  } catch (err) {
    if (!(err instanceof IllegalTransition)) throw err
    const refused = err.reason === 'refused' ? refusalOf(before) : null
    if (refused) throw refusedError(refused, err.eventType)
    if (err.reason === 'duplicate') {
      return { detail: buildCaseDetail(ctx, deps, before), recorded: false, notice: 'Already recorded: nothing was added.' }
    }
    throw refusal(err)
  }
  const state = ctx.store.db.transaction(() => {
    const s = ctx.recorder.record(caseId, events, actor)
    options.alongside?.(s)
    return s
  })()
  const detail = buildCaseDetail(ctx, deps, state)
  ctx.bus.emit('case.changed', detail.summary)
  return { detail, recorded: true }
}
