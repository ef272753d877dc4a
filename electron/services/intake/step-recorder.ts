// Records one intake step through the case recorder, with what the step screens need on top:
// a dry run through the reducer first, so a second identical scan or tap is answered "already
// recorded" (nothing added) rather than as an error, and a refusal carries its reason code
// and a message that says what to do next. `alongside` runs in the same transaction as the
// events (a photo row, the sealed PIN): both are committed, or neither.
import { DomainError, reason } from '@shared/contract/result'
import type { StepResult } from '@shared/contract/intake-views'
import { caseEventPayloads, type CaseEvent } from '@shared/domain/case-events'
import { IllegalTransition, reduceCase, type CaseState } from '@shared/domain/case-machine'
import { describeIssues } from '@shared/manifest/record'
import type { NewCaseEvent } from '../cases/case-recorder'
import type { ServiceContext } from '../context'
import type { IntakeDeps } from './intake-deps'
import { buildCaseDetail } from './case-detail'
import { refusedError } from './refusal-messages'
import { transitionReason } from '../cases/transition-reason'
import { refusalOf } from '@shared/domain/case-derived'

export function loadCase(ctx: ServiceContext, caseId: string): CaseState {
  const state = ctx.store.cases.get(caseId)
  if (!state) throw new DomainError('not_found', reason('case.notFound', `No case ${caseId} on this kiosk. Scan the order again to start it.`))
  return state
}

export function refusal(err: IllegalTransition): DomainError {
  return new DomainError('illegal_transition', transitionReason(err), { reason: err.reason, event: err.eventType })
}

/** Runs the events through the reducer without writing: the state they would lead to. */
function dryRun(state: CaseState, events: readonly NewCaseEvent[], actor: string, at: string): CaseState {
  let s = state
  for (const e of events) {
    const parsed = caseEventPayloads[e.type].safeParse(e.payload)
    if (!parsed.success) throw new DomainError('invalid_input', reason('call.invalidInput', `${e.type}: ${describeIssues(parsed.error)}`, { call: e.type, issues: describeIssues(parsed.error) }))
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
