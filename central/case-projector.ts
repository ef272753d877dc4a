// Keeps the cases projection up to date per kiosk, off the push path: a push only stores
// events (events-ingest.ts), so draining a kiosk's backlog costs no projection work. The
// projection catches up from its per-kiosk cursor (case_projection.projected_seq):
// - when the kiosk's pushes go quiet (no push for `quietMs`, 1 s by default),
// - ALWAYS before an operator read answers (routes/operator.ts), so an operator never sees a
//   stale case,
// - at start-up (server.ts), for what a stopped or crashed process left behind.
// Each step is one transaction holding the cursor row's lock, the projected rows and the new
// cursor together: a crash loses nothing, the next catch-up starts where the last commit was.
import type { PoolClient } from 'pg'
import { projectCases, type ProjectedEvent } from './cases-projection'
import type { Db } from './db'

/** Events projected per transaction: bounds memory and lock time on a long backlog. */
const CHUNK = 5000

interface StoredEvent extends ProjectedEvent {
  kioskSeq: string
  counterId: string
}

export class CaseProjector {
  private readonly chains = new Map<string, Promise<void>>()
  private readonly timers = new Map<string, NodeJS.Timeout>()
  private closed = false

  constructor(
    private readonly db: Db,
    private readonly quietMs = 1000,
    private readonly onError: (e: unknown) => void = () => {},
  ) {}

  /** A push of the kiosk was stored: catch up once its pushes have been quiet a while. */
  pushed(kioskId: string): void {
    if (this.closed) return
    clearTimeout(this.timers.get(kioskId))
    const timer = setTimeout(() => {
      this.timers.delete(kioskId)
      this.catchUp(kioskId).catch(this.onError)
    }, this.quietMs)
    timer.unref() // a pending catch-up never keeps the process alive: start-up does it then
    this.timers.set(kioskId, timer)
  }

  /** Applies every stored event of the kiosk not applied yet. One run at a time per kiosk here
   * (the cursor row's lock makes that true across processes too); a call made while a run is
   * under way gets a run of its own after it, so it sees every event committed before the call. */
  catchUp(kioskId: string): Promise<void> {
    const previous = this.chains.get(kioskId) ?? Promise.resolve()
    const next = previous.catch(() => {}).then(() => this.run(kioskId))
    this.chains.set(kioskId, next)
    void next.finally(() => this.chains.get(kioskId) === next && this.chains.delete(kioskId)).catch(() => {})
    return next
  }

  /** Every kiosk whose stored events got ahead of the projection; returns how many there were. */
  async catchUpAll(): Promise<number> {
    const r = await this.db.query<{ kiosk_id: string }>(
      `SELECT k.kiosk_id FROM kiosks k LEFT JOIN case_projection p USING (kiosk_id) WHERE k.push_seq > COALESCE(p.projected_seq, 0)
       UNION SELECT DISTINCT kiosk_id FROM projection_redo`,
    )
    await Promise.all(r.rows.map((k) => this.catchUp(k.kiosk_id)))
    return r.rows.length
  }

  /** Stops the quiet timers and waits for the runs under way (start-up catches up the rest). */
  async close(): Promise<void> {
    this.closed = true
    for (const t of this.timers.values()) clearTimeout(t)
    this.timers.clear()
    await Promise.allSettled([...this.chains.values()])
  }

  private async run(kioskId: string): Promise<void> {
    while (!(await this.step(kioskId)));
  }

  /** Projects up to CHUNK events in one transaction; true when the kiosk is caught up. */
  private async step(kioskId: string): Promise<boolean> {
    const c = await this.db.connect()
    try {
      await c.query('BEGIN')
      const lock = await c.query<{ projected_seq: string }>(
        `INSERT INTO case_projection (kiosk_id) VALUES ($1)
         ON CONFLICT (kiosk_id) DO UPDATE SET kiosk_id = excluded.kiosk_id RETURNING projected_seq`,
        [kioskId],
      )
      const done = Number(lock.rows[0]!.projected_seq)
      // Every event up to push_seq is committed (the push that raised it stored them).
      const k = await c.query<{ push_seq: string }>('SELECT push_seq FROM kiosks WHERE kiosk_id = $1', [kioskId])
      const target = Number(k.rows[0]?.push_seq ?? 0)
      let through = target
      if (done < target) {
        const events = await storedEvents(c, kioskId, done, target)
        if (events.length === CHUNK) through = Number(events.at(-1)!.kioskSeq)
        await projectRuns(c, kioskId, events)
        await c.query('UPDATE case_projection SET projected_seq = $2 WHERE kiosk_id = $1 AND projected_seq < $2', [kioskId, through])
      }
      await rebuildLateCases(c, kioskId, Math.max(done, through))
      await c.query('COMMIT')
      return through >= target
    } catch (e) {
      await c.query('ROLLBACK').catch(() => {})
      throw e
    } finally {
      c.release()
    }
  }
}

/** Events in kiosk order, each run of one counter projected as that counter's (a kiosk
 * enrolled again for another counter keeps its earlier cases where they were). */
async function projectRuns(c: PoolClient, kioskId: string, events: StoredEvent[]): Promise<void> {
  let from = 0
  for (let i = 1; i <= events.length; i++) {
    if (i === events.length || events[i]!.counterId !== events[from]!.counterId) {
      await projectCases(c, { kioskId, counterId: events[from]!.counterId }, events.slice(from, i))
      from = i
    }
  }
}

async function storedEvents(c: PoolClient, kioskId: string, after: number, through: number): Promise<StoredEvent[]> {
  const r = await c.query<StoredEvent>(
    `SELECT kiosk_seq AS "kioskSeq", counter_id AS "counterId", id, case_id AS "caseId", case_seq AS "caseSeq", type, payload, actor,
       kiosk_id AS "kioskId", at
     FROM events WHERE kiosk_id = $1 AND kiosk_seq > $2 AND kiosk_seq <= $3 ORDER BY kiosk_seq LIMIT ${CHUNK}`,
    [kioskId, after, through],
  )
  return r.rows
}

/**
 * Cases that got a late event (stored below the cursor, migration 003): rebuilt from all their
 * events up to the cursor; later ones are the cursor's to apply. Rebuilding is idempotent, so a
 * redo row seen twice costs time, never a wrong count.
 */
async function rebuildLateCases(c: PoolClient, kioskId: string, cursor: number): Promise<void> {
  const redo = await c.query<{ case_id: string }>('DELETE FROM projection_redo WHERE kiosk_id = $1 RETURNING case_id', [kioskId])
  if (redo.rowCount === 0) return
  const caseIds = redo.rows.map((r) => r.case_id)
  await c.query('DELETE FROM cases WHERE id = ANY($1)', [caseIds])
  const r = await c.query<StoredEvent>(
    `SELECT kiosk_seq AS "kioskSeq", counter_id AS "counterId", id, case_id AS "caseId", case_seq AS "caseSeq", type, payload, actor,
       kiosk_id AS "kioskId", at
     FROM events WHERE kiosk_id = $1 AND case_id = ANY($2) AND kiosk_seq <= $3 ORDER BY kiosk_seq`,
    [kioskId, caseIds, cursor],
  )
  await projectRuns(c, kioskId, r.rows)
}
