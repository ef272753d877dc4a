// Stores a batch of events from one kiosk, exactly once and in the kiosk's order: an id
// already stored with the same body is acknowledged again (the kiosk lost our reply), with
// another body it is a conflict. The kiosk's row is locked first: it re-checks the token (a
// revocation made by another process counts at once), serialises the kiosk's pushes, and
// holds push_seq, which keeps a pipelined batch from being stored before the batch it follows
// (migration 002). The cases projection is not part of a push: it catches up later, from the
// stored rows (case-projector.ts).
//
// Bodies are compared only when an id is sent again: the stored columns are the body, so the
// replay's canonical hash is set against the stored row's (or the body_hash older rows kept),
// and the usual push hashes nothing.
import type { KioskIdentity } from './auth'
import type { Db } from './db'
import type { EventResult } from '../shared/sync-protocol'
import { bodyHash, eventProblem, type PushedEvent } from './event-validation'

/** Per event: 201 stored now, 200 already stored with this body, 409 id taken by another body, 422 invalid. */
export type { EventResult }

export interface PushOrder {
  /** sha256 of the kiosk's bearer token, checked again under the kiosk row's lock. */
  tokenHash: string
  /** The last kioskSeq of the batch this one follows in a pipelined push (undefined: it follows acknowledged events only). */
  after?: number
}

export type IngestOutcome =
  | { kind: 'stored'; results: EventResult[]; pushSeq: number }
  /** The batch it follows is not committed yet: nothing stored, try again once it is. */
  | { kind: 'early'; pushSeq: number }
  /** The token was revoked or replaced meanwhile: nothing stored. */
  | { kind: 'unauthorized' }

export interface PreparedBatch {
  results: EventResult[]
  valid: { i: number; e: PushedEvent }[]
  /** The valid events as one JSON parameter: no per-element array escaping in node. */
  rows: string
  /** The lowest and highest kioskSeq the batch carries (invalid events count: they were sent in this place). */
  first: number
  last: number
}

/** Validates a batch; done before a connection is taken, so it overlaps the previous
 * (pipelined) batch being written by PostgreSQL, and is not redone on a retry. */
export function prepareBatch(raws: unknown[]): PreparedBatch {
  const results: EventResult[] = new Array(raws.length)
  const valid: PreparedBatch['valid'] = []
  let first = Number.MAX_SAFE_INTEGER
  let last = 0
  raws.forEach((raw, i) => {
    const s = (raw as { kioskSeq?: unknown })?.kioskSeq
    if (typeof s === 'number' && Number.isSafeInteger(s) && s > 0) {
      if (s > last) last = s
      if (s < first) first = s
    }
    const problem = eventProblem(raw)
    if (problem) results[i] = { id: problem.id, status: 422, reason: problem.reason }
    else valid.push({ i, e: raw as PushedEvent })
  })
  const rows = JSON.stringify(valid.map(({ e }) => ({ id: e.id, s: e.kioskSeq, c: e.caseId, cs: e.caseSeq, t: e.type, p: e.payload ?? null, a: e.actor, at: e.at })))
  return { results, valid, rows, first: Math.min(first, last), last }
}

interface StoredRow {
  id: string
  body_hash: string | null
  case_id: string
  case_seq: number
  type: string
  payload: unknown
  actor: string
  kiosk_id: string
  at: string
}

/** The stored body's hash for each of `ids`. */
async function storedHashes(c: Db, ids: string[]): Promise<Map<string, string>> {
  const r = await c.query<StoredRow>('SELECT id, body_hash, case_id, case_seq, type, payload, actor, kiosk_id, at FROM events WHERE id = ANY($1)', [ids])
  return new Map(
    r.rows.map((row) => [
      row.id,
      row.body_hash ??
        bodyHash({ id: row.id, caseId: row.case_id, caseSeq: row.case_seq, type: row.type, payload: row.payload, actor: row.actor, kioskId: row.kiosk_id, at: row.at }),
    ]),
  )
}

const UNIQUE_VIOLATION = '23505'

interface PushRow {
  push_seq: string | null
  n: number
  ids: string[] | null
}

/** The push statement; `onConflict` empty for the first try, DO NOTHING for a replay. */
function pushSql(onConflict: string): string {
  // prev: the kiosk row locked and read as committed once the lock is held (FOR UPDATE), so
  // `old` is the push_seq before this push even when it waited for the kiosk's previous push. k
  // names prev so that prev runs first: read after k's update, the row would be skipped. A
  // stored event at or below `old` is late (projection_redo, migration 003).
  return `WITH prev AS (
       SELECT push_seq AS old FROM kiosks WHERE kiosk_id = $2 FOR UPDATE),
     k AS (
       UPDATE kiosks SET push_seq = GREATEST(push_seq, $5)
       WHERE kiosk_id = $2 AND token_hash = $6 AND revoked_at IS NULL AND push_seq >= $7 AND EXISTS (SELECT 1 FROM prev)
       RETURNING push_seq),
     ins AS (
       INSERT INTO events (id, kiosk_id, counter_id, kiosk_seq, case_id, case_seq, type, payload, actor, at)
       SELECT id, $2, $3, s, c, cs, t, COALESCE(p, 'null'::jsonb), a, at
       FROM json_to_recordset($1::json) AS r(id text, s bigint, c text, cs integer, t text, p jsonb, a text, at text)
       WHERE EXISTS (SELECT 1 FROM k)
       ${onConflict} RETURNING id, kiosk_seq, case_id),
     late AS (
       INSERT INTO projection_redo (kiosk_id, case_id)
       SELECT DISTINCT $2, case_id FROM ins WHERE $8 <= (SELECT old FROM prev) AND kiosk_seq <= (SELECT old FROM prev)
       ON CONFLICT DO NOTHING)
     SELECT (SELECT push_seq FROM k) AS push_seq, n, CASE WHEN n < $4 THEN (SELECT COALESCE(array_agg(id), '{}') FROM ins) END AS ids
     FROM (SELECT count(*)::int AS n FROM ins) AS counted`
}
const PUSH_FIRST = pushSql('')
const PUSH_REPLAY = pushSql('ON CONFLICT (id) DO NOTHING')

export async function ingestEvents(db: Db, who: KioskIdentity, batch: PreparedBatch, order: PushOrder): Promise<IngestOutcome> {
  const results = [...batch.results]
  const { valid } = batch
  // One statement, so one round trip and its own transaction: lock the kiosk row (waiting for
  // the kiosk's previous push to commit), check the token and the order, insert. The ids stored
  // come back only when some were not (a replay); usually just a count. Tried first as a plain
  // INSERT: ON CONFLICT costs PostgreSQL about a fifth more per row (sync benchmark), and an id
  // is stored again only on a replay. A replay then fails the whole statement on the primary
  // key, nothing of it kept, and runs again with ON CONFLICT DO NOTHING.
  // $8, the batch's first kioskSeq: a batch wholly above the old push_seq (every push but a
  // late one) skips the late-event scan at once.
  const params = [batch.rows, who.kioskId, who.counterId, valid.length, batch.last, order.tokenHash, order.after ?? 0, batch.first]
  let r: { rows: PushRow[] }
  try {
    r = await db.query<PushRow>(PUSH_FIRST, params)
  } catch (e) {
    if ((e as { code?: string }).code !== UNIQUE_VIOLATION) throw e
    r = await db.query<PushRow>(PUSH_REPLAY, params)
  }
  const row = r.rows[0]!
  if (row.push_seq === null) {
    const k = await db.query<{ push_seq: string }>('SELECT push_seq FROM kiosks WHERE kiosk_id = $1 AND token_hash = $2 AND revoked_at IS NULL', [
      who.kioskId,
      order.tokenHash,
    ])
    return k.rows[0] ? { kind: 'early', pushSeq: Number(k.rows[0].push_seq) } : { kind: 'unauthorized' }
  }
  const storedNow = row.ids ? new Set(row.ids) : null // null: all of them
  const seen = new Set<string>()
  const again: { i: number; e: PushedEvent }[] = []
  for (const v of valid) {
    // A batch may repeat an id: the first occurrence is the stored one.
    if ((!storedNow || storedNow.has(v.e.id)) && !seen.has(v.e.id)) results[v.i] = { id: v.e.id, status: 201 }
    else again.push(v)
    seen.add(v.e.id)
  }
  if (again.length) {
    // Stored rows never change: comparing after the commit is as good as before it.
    const stored = await storedHashes(db, [...new Set(again.map((v) => v.e.id))])
    for (const v of again) {
      const same = stored.get(v.e.id) === bodyHash(v.e)
      results[v.i] = same ? { id: v.e.id, status: 200 } : { id: v.e.id, status: 409, reason: 'this event id is already stored with a different body' }
    }
  }
  return { kind: 'stored', results, pushSeq: Number(row.push_seq) }
}
