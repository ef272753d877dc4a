// Records case events: validates each payload, applies the case reducer (an illegal transition
// is refused and nothing is written), appends to the log and updates the projection, all in
// one transaction. A step the UI has confirmed is therefore either fully recorded or not at all.
import { randomUUID } from 'node:crypto'
import { DomainError, reason } from '@shared/contract/result'
import { caseEventPayloads, type CaseEvent, type CaseEventPayload, type CaseEventType } from '@shared/domain/case-events'
import { IllegalTransition, reduceCase, type CaseState } from '@shared/domain/case-machine'
import { describeIssues } from '@shared/manifest/record'
import type { Store } from '../store'
import { transitionReason } from './transition-reason'

export type NewCaseEvent = { [T in CaseEventType]: { type: T; payload: CaseEventPayload<T> } }[CaseEventType]

export class CaseRecorder {
  constructor(
    private readonly store: Store,
    private readonly kioskId: string,
    private readonly now: () => Date,
  ) {}

  /** Appends events to a case (a new one when it has none yet); returns the case's new state. */
  record(caseId: string, events: readonly NewCaseEvent[], actor: string): CaseState {
    return this.store.db.transaction(() => {
      let state = this.store.cases.get(caseId)
      const at = this.now().toISOString()
      for (const e of events) {
        const parsed = caseEventPayloads[e.type].safeParse(e.payload)
        if (!parsed.success) throw new DomainError('invalid_input', reason('call.invalidInput', `${e.type}: ${describeIssues(parsed.error)}`, { call: e.type, issues: describeIssues(parsed.error) }))
        const event = {
          id: randomUUID(),
          caseId,
          caseSeq: (state?.lastSeq ?? 0) + 1,
          type: e.type,
          payload: parsed.data,
          actor,
          kioskId: this.kioskId,
          at,
        } as CaseEvent
        try {
          state = reduceCase(state, event)
        } catch (err) {
          if (err instanceof IllegalTransition) throw new DomainError('illegal_transition', { ...transitionReason(err), message: err.message })
          throw err
        }
        this.store.events.append(event)
      }
      if (!state) throw new DomainError('invalid_input', reason('case.noEvents', 'No events to record.'))
      this.store.cases.put(state)
      return state
    })()
  }
}
