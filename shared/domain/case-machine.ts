// The case state machine as a reducer over events. The services apply it before appending
// an event (an illegal transition is refused, nothing is written) and to rebuild the cases
// projection; the renderer uses the same code to show what comes next.
import type { CaseType } from '../manifest/record'
import type { CaseEvent } from './case-events'

export const caseStatuses = [
  'started',
  'verified',
  'eligibility_decided',
  'evidence_captured',
  'packed',
  'labelled',
  'handed_over',
  'on_hold',
  'cancelled',
] as const
export type CaseStatus = (typeof caseStatuses)[number]

export interface CaseState {
  id: string
  caseNumber: string
  orderNumber: string
  caseType: CaseType
  status: CaseStatus
  startedAt: string
  startedBy: string
  updatedAt: string
  /** The last applied event's per-case sequence number. */
  lastSeq: number
  verifiedAt?: string
  verifiedBy?: string
}

export class IllegalTransition extends Error {
  constructor(
    readonly eventType: string,
    readonly from: CaseStatus | 'none',
  ) {
    super(`"${eventType}" cannot follow a case that is ${from === 'none' ? 'not started' : from.replace('_', ' ')}`)
    this.name = 'IllegalTransition'
  }
}

/** Which event types may come next from a status: the single source of "what is next". */
const allowed: Record<CaseStatus | 'none', readonly string[]> = {
  none: ['case.started'],
  started: ['order.verified'],
  verified: [],
  eligibility_decided: [],
  evidence_captured: [],
  packed: [],
  labelled: [],
  handed_over: [],
  on_hold: [],
  cancelled: [],
}

export function nextEventTypes(state: CaseState | null): readonly string[] {
  return allowed[state ? state.status : 'none']
}

export function reduceCase(state: CaseState | null, event: CaseEvent): CaseState {
  const from = state ? state.status : 'none'
  if (!allowed[from].includes(event.type)) throw new IllegalTransition(event.type, from)
  if (state && event.caseSeq !== state.lastSeq + 1) {
    throw new Error(`case ${event.caseId}: event ${event.caseSeq} out of order after ${state.lastSeq}`)
  }
  switch (event.type) {
    case 'case.started': {
      const p = (event as CaseEvent<'case.started'>).payload
      return {
        id: event.caseId,
        caseNumber: p.caseNumber,
        orderNumber: p.orderNumber,
        caseType: p.caseType,
        status: 'started',
        startedAt: event.at,
        startedBy: event.actor,
        updatedAt: event.at,
        lastSeq: event.caseSeq,
      }
    }
    case 'order.verified':
      return { ...state!, status: 'verified', verifiedAt: event.at, verifiedBy: event.actor, updatedAt: event.at, lastSeq: event.caseSeq }
  }
  throw new IllegalTransition(event.type, from)
}

export function replayCase(events: readonly CaseEvent[]): CaseState | null {
  return events.reduce<CaseState | null>((s, e) => reduceCase(s, e), null)
}
