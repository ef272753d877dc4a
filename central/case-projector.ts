// Keeps the cases projection up to date per kiosk, in a transaction of its own that runs
// right after a push's events are committed and before the push is answered. The kiosk's
// push lock is released by then, so its next (pipelined) batch is being stored while this one
// is projected. case_projection.projected_seq says how far each kiosk's events are applied:
// a projection cut by a crash is caught up by the kiosk's next push, or at start-up.
import type { PoolClient } from 'pg'
import type { KioskIdentity } from './auth'
import { projectCases, type ProjectedEvent } from './cases-projection'
import type { Db } from './db'

export interface PushedForProjection {
  /** The events stored now, in kioskSeq order. */
  fresh: (ProjectedEvent & { kioskSeq: number })[]
  /** The lowest and highest kioskSeq the batch carried. */
  first: number
  last: number
  /** Some events of the batch were stored before (a replay): they may not be projected yet. */
  replays: boolean
}

export class CaseProjector {
  private readonly chains = new Map<string, Promise<unknown>>()

  constructor(private readonly db: Db) {}

  /** Applies every stored event of the kiosk up to `batch.last` not applied yet. One at a
   * time per kiosk here (the database lock makes that true across processes too). */
  catchUp(who: KioskIdentity, batch: PushedForProjection): Promise<void> {
    const previous = this.chains.get(who.kioskId) ?? Promise.resolve()
    const next = previous.catch(() => {}).then(() => this.run(who, batch))
    this.chains.set(who.kioskId, next)
    void next.finally(() => this.chains.get(who.kioskId) === next && this.chains.delete(who.kioskId)).catch(() => {})
    return next
  }

  /** At start-up: kiosks whose pushes got ahead of the projection (a crash between the two). */
  async catchUpAll(): Promise<number> {
    const r = await this.db.query<{ kiosk_id: string; counter_id: string; push_seq: string }>(
      `SELECT k.kiosk_id, k.counter_id, k.push_seq FROM kiosks k LEFT JOIN case_projection p USING (kiosk_id)
       WHERE k.push_seq > COALESCE(p.projected_seq, 0)`,
    )
    for (const k of r.rows) {
      await this.catchUp({ kioskId: k.kiosk_id, counterId: k.counter_id }, { fresh: [], first: Number(k.push_seq) + 1, last: Number(k.push_seq), replays: true })
    }
    return r.rows.length
  }

  private async run(who: KioskIdentity, batch: PushedForProjection): Promise<void> {
    const c = await this.db.connect()
    try {
      await c.query('BEGIN')
      const lock = await c.query<{ projected_seq: string }>(
        `INSERT INTO case_projection (kiosk_id) VALUES ($1)
         ON CONFLICT (kiosk_id) DO UPDATE SET kiosk_id = excluded.kiosk_id RETURNING projected_seq`,
        [who.kioskId],
      )
      const done = Number(lock.rows[0]!.projected_seq)
      if (done < batch.last) {
        // Nothing before this batch is missing and all of it is new: the events are at hand.
        const events = done >= batch.first - 1 && !batch.replays ? batch.fresh.filter((e) => e.kioskSeq > done) : await storedEvents(c, who.kioskId, done, batch.last)
        if (events.length) await projectCases(c, who, events)
        await c.query('UPDATE case_projection SET projected_seq = $2 WHERE kiosk_id = $1 AND projected_seq < $2', [who.kioskId, batch.last])
      }
      await c.query('COMMIT')
    } catch (e) {
      await c.query('ROLLBACK').catch(() => {})
      throw e
    } finally {
      c.release()
    }
  }
}

async function storedEvents(c: PoolClient, kioskId: string, after: number, through: number): Promise<ProjectedEvent[]> {
  const r = await c.query<ProjectedEvent>(
    `SELECT id, case_id AS "caseId", case_seq AS "caseSeq", type, payload, actor, kiosk_id AS "kioskId", at
     FROM events WHERE kiosk_id = $1 AND kiosk_seq > $2 AND kiosk_seq <= $3 ORDER BY kiosk_seq`,
    [kioskId, after, through],
  )
  return r.rows
}
