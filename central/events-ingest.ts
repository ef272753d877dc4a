// Stores a batch of events from one kiosk, exactly once: an id already stored with the same
// body is acknowledged again (the kiosk lost our reply), with another body it is a conflict.
// New events update the cases projection in the same transaction.
import { z } from 'zod'
import { caseEventPayloads, isCaseEventType, type CaseEvent } from '../shared/domain/case-events'
import { nextEventTypes, reduceCase, type CaseState } from '../shared/domain/case-machine'
import { describeIssues } from '../shared/manifest/record'
import type { KioskIdentity } from './auth'
import { sha256Hex } from './auth'
import { canonicalJson } from './canonical-json'
import { inTransaction, type Db } from './db'

export const pushedEventSchema = z.object({
  id: z.string().min(1).max(64),
  kioskSeq: z.number().int().positive(),
  caseId: z.string().min(1).max(64),
  caseSeq: z.number().int().positive(),
  type: z.string().min(1).max(64),
  payload: z.unknown(),
  actor: z.string().min(1).max(200),
  kioskId: z.string().min(1).max(64),
  at: z.iso.datetime({ offset: true }),
})
export type PushedEvent = z.infer<typeof pushedEventSchema>

/** Per event: 201 stored now, 200 already stored with this body, 409 id taken by another body, 422 invalid. */
export interface EventResult {
  id: string
  status: 200 | 201 | 409 | 422
  reason?: string
}

/** Checks one event on its own; null when it may be stored. */
export function eventProblem(raw: unknown): { id: string; reason: string } | null {
  const id = typeof (raw as { id?: unknown })?.id === 'string' ? (raw as { id: string }).id : ''
  const parsed = pushedEventSchema.safeParse(raw)
  if (!parsed.success) return { id, reason: describeIssues(parsed.error) }
  const e = parsed.data
  if (!isCaseEventType(e.type)) return { id, reason: `unknown event type "${e.type.slice(0, 64)}"` }
  const payload = caseEventPayloads[e.type].safeParse(e.payload)
  if (!payload.success) return { id, reason: `${e.type}: ${describeIssues(payload.error)}` }
  return null
}

/** What identifies an event's content: everything the kiosk recorded, not where it sat in its log. */
export function bodyHash(e: PushedEvent): string {
  // The envelope in a fixed order, the payload canonical: the same as canonicalJson of the
  // whole body, without sorting the envelope's keys for every event.
  return sha256Hex(
    `{"actor":${JSON.stringify(e.actor)},"at":${JSON.stringify(e.at)},"caseId":${JSON.stringify(e.caseId)},"caseSeq":${e.caseSeq},` +
      `"id":${JSON.stringify(e.id)},"kioskId":${JSON.stringify(e.kioskId)},"payload":${canonicalJson(e.payload)},"type":${JSON.stringify(e.type)}}`,
  )
}

interface CaseRow {
  id: string
  state: CaseState | null
  last_seq: number
  event_count: number
  status: string | null
}

export async function ingestEvents(db: Db, who: KioskIdentity, raws: unknown[]): Promise<EventResult[]> {
  const results: EventResult[] = new Array(raws.length)
  const valid: { i: number; e: PushedEvent; hash: string }[] = []
  raws.forEach((raw, i) => {
    const problem = eventProblem(raw)
    if (problem) results[i] = { id: problem.id, status: 422, reason: problem.reason }
    else {
      const e = raw as PushedEvent
      valid.push({ i, e, hash: bodyHash(e) })
    }
  })
  if (!valid.length) return results

  await inTransaction(db, async (c) => {
    const col = <T>(f: (v: (typeof valid)[number]) => T): T[] => valid.map(f)
    const inserted = await c.query<{ id: string }>(
      `INSERT INTO events (id, kiosk_id, counter_id, kiosk_seq, case_id, case_seq, type, payload, actor, at, body_hash)
       SELECT id, $2, $3, kiosk_seq, case_id, case_seq, type, payload, actor, at, body_hash
       FROM unnest($1::text[], $4::bigint[], $5::text[], $6::int[], $7::text[], $8::jsonb[], $9::text[], $10::text[], $11::text[])
         AS t(id, kiosk_seq, case_id, case_seq, type, payload, actor, at, body_hash)
       ON CONFLICT (id) DO NOTHING RETURNING id`,
      [
        col((v) => v.e.id),
        who.kioskId,
        who.counterId,
        col((v) => v.e.kioskSeq),
        col((v) => v.e.caseId),
        col((v) => v.e.caseSeq),
        col((v) => v.e.type),
        col((v) => JSON.stringify(v.e.payload ?? null)),
        col((v) => v.e.actor),
        col((v) => v.e.at),
        col((v) => v.hash),
      ],
    )
    const fresh = new Set(inserted.rows.map((r) => r.id))
    const replayed = valid.filter((v) => !fresh.has(v.e.id))
    const known = new Map<string, string>()
    if (replayed.length) {
      const r = await c.query<{ id: string; body_hash: string }>('SELECT id, body_hash FROM events WHERE id = ANY($1)', [
        replayed.map((v) => v.e.id),
      ])
      for (const row of r.rows) known.set(row.id, row.body_hash)
    }
    // A batch may repeat an id: the first occurrence is the stored one.
    const seen = new Set<string>()
    for (const v of valid) {
      const first = fresh.has(v.e.id) && !seen.has(v.e.id)
      seen.add(v.e.id)
      if (first) results[v.i] = { id: v.e.id, status: 201 }
      else if ((known.get(v.e.id) ?? valid.find((o) => o.e.id === v.e.id)?.hash) === v.hash) results[v.i] = { id: v.e.id, status: 200 }
      else results[v.i] = { id: v.e.id, status: 409, reason: 'this event id is already stored with a different body' }
    }
    const stored = valid.filter((v) => results[v.i]?.status === 201).map((v) => v.e)
    if (stored.length) await projectCases(c, who, stored)
  })
  return results
}

/** Applies new events to the cases projection. The kiosk already enforced the state machine;
 * an event the reducer cannot place (a gap left by a quarantined event) still counts, and the
 * case keeps its last known state. */
async function projectCases(c: import('pg').PoolClient, who: KioskIdentity, events: PushedEvent[]): Promise<void> {
  const ids = [...new Set(events.map((e) => e.caseId))]
  const r = await c.query<CaseRow>('SELECT id, state, last_seq, event_count, status FROM cases WHERE id = ANY($1) FOR UPDATE', [ids])
  const rows = new Map<string, CaseRow>(r.rows.map((row) => [row.id, row]))
  for (const e of events) {
    const row = rows.get(e.caseId) ?? { id: e.caseId, state: null, last_seq: 0, event_count: 0, status: null }
    let state = row.state
    // Checked first so the usual misfit (a gap) costs no exception.
    if ((nextEventTypes(state) as readonly string[]).includes(e.type) && (!state || state.lastSeq + 1 === e.caseSeq)) {
      try {
        state = reduceCase(state, e as unknown as CaseEvent)
      } catch {
        /* kept as is: see above */
      }
    }
    rows.set(e.caseId, { id: e.caseId, state, last_seq: Math.max(row.last_seq, e.caseSeq), event_count: row.event_count + 1, status: state?.status ?? row.status })
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
