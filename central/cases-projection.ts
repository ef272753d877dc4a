// The cases projection at the centre: each new event is applied to its case's state with the
// shared reducer, inside the transaction that stores the event. The kiosk already enforced the
// state machine; an event the reducer cannot place (a gap left by a quarantined event) still
// counts, and the case keeps its last known state.
import type { PoolClient } from 'pg'
import type { CaseEvent } from '../shared/domain/case-events'
import { reduceCase, sideEventTypes, whyNot, type CaseState } from '../shared/domain/case-machine'
import type { KioskIdentity } from './auth'

/** The fields of a stored event the projection reads. */
export interface ProjectedEvent {
  caseId: string
  caseSeq: number
  type: string
}

interface CaseRow {
  id: string
  state: CaseState | null
  last_seq: number
  event_count: number
  status: string | null
}

/** Whether the reducer can place the event (checked first: the usual misfit, a gap, costs no exception). */
function fits(state: CaseState | null, e: ProjectedEvent): boolean {
  if (sideEventTypes.includes(e.type as CaseEvent['type'])) return false
  if (state && state.lastSeq + 1 !== e.caseSeq) return false
  return whyNot(state, e.type as CaseEvent['type']) === null
}

/** Each event applied to its case's row, in order. */
function applyAll(rows: Map<string, CaseRow>, events: ProjectedEvent[]): void {
  for (const e of events) {
    const row = rows.get(e.caseId) ?? { id: e.caseId, state: null, last_seq: 0, event_count: 0, status: null }
    let state = row.state
    if (fits(state, e)) {
      try {
        state = reduceCase(state, e as unknown as CaseEvent)
      } catch {
        /* kept as is: see above */
      }
    }
    rows.set(e.caseId, { id: e.caseId, state, last_seq: Math.max(row.last_seq, e.caseSeq), event_count: row.event_count + 1, status: state?.status ?? row.status })
  }
}

export async function projectCases(c: PoolClient, who: KioskIdentity, events: ProjectedEvent[]): Promise<void> {
  const ids = [...new Set(events.map((e) => e.caseId))]
  const r = await c.query<CaseRow>('SELECT id, state, last_seq, event_count, status FROM cases WHERE id = ANY($1) FOR UPDATE', [ids])
  const rows = new Map<string, CaseRow>(r.rows.map((row) => [row.id, row]))
  // whyNot answers with an IllegalTransition (an Error) for each event that does not fit: only
  // its yes/no matters here, so no stack trace is captured for each of them.
  const stackTraceLimit = Error.stackTraceLimit
  Error.stackTraceLimit = 0
  try {
    applyAll(rows, events)
  } finally {
    Error.stackTraceLimit = stackTraceLimit
  }
  const touched = ids.map((id) => rows.get(id)!)
  await c.query(
    `INSERT INTO cases (id, kiosk_id, counter_id, case_number, order_number, case_type, status, started_at, updated_at, last_seq, event_count, state)
     SELECT id, $2, $3, case_number, order_number, case_type, status, started_at, updated_at, last_seq, event_count, state
     FROM unnest($1::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::int[], $11::int[], $12::jsonb[])
       AS t(id, case_number, order_number, case_type, status, started_at, updated_at, last_seq, event_count, state)
     ON CONFLICT (id) DO UPDATE SET case_number = excluded.case_number, order_number = excluded.order_number,
       case_type = excluded.case_type, status = excluded.status, started_at = excluded.started_at, updated_at = excluded.updated_at,
       last_seq = excluded.last_seq, event_count = excluded.event_count, state = excluded.state`,
    [
      touched.map((t) => t.id),
      who.kioskId,
      who.counterId,
      touched.map((t) => t.state?.caseNumber ?? null),
      touched.map((t) => t.state?.orderNumber ?? null),
      touched.map((t) => t.state?.caseType ?? null),
      touched.map((t) => t.status),
      touched.map((t) => t.state?.startedAt ?? null),
      touched.map((t) => t.state?.updatedAt ?? null),
      touched.map((t) => t.last_seq),
      touched.map((t) => t.event_count),
      touched.map((t) => (t.state ? JSON.stringify(t.state) : null)),
    ],
  )
}
