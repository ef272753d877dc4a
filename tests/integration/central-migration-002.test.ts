// Central migration 002 on a database that already holds pushed events: each kiosk's push
// order and projection cursor start where its stored events end (so its next push neither
// waits nor projects twice), and new events may leave body_hash empty.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { migrate, migrationFiles, openDb } from '../../central/db'
import { startPostgres, type PgCluster } from '../support/postgres'

let cluster: PgCluster
beforeAll(async () => {
  cluster = await startPostgres()
})
afterAll(() => cluster.stop())

describe('central migration 002', () => {
  it('starts push_seq and the projection cursor at each kiosk’s last stored event', async () => {
    const db = openDb(await cluster.createDatabase(), 2)
    try {
      const files = migrationFiles()
      expect(await migrate(db, files.slice(0, 1))).toEqual([1])
      await db.query(`INSERT INTO kiosks (kiosk_id, counter_id, token_hash) VALUES ('KA', 'C1', 'ha'), ('KB', 'C1', 'hb')`)
      await db.query(
        `INSERT INTO events (id, kiosk_id, counter_id, kiosk_seq, case_id, case_seq, type, payload, actor, at, body_hash)
         VALUES ('e1', 'KA', 'C1', 4, 'c1', 1, 'case.started', '{}', 'a', 'now', 'h1'), ('e2', 'KA', 'C1', 9, 'c1', 2, 'order.verified', '{}', 'a', 'now', 'h2')`,
      )
      expect(await migrate(db, files.slice(0, 2))).toEqual([2])
      const kiosks = await db.query<{ kiosk_id: string; push_seq: string }>('SELECT kiosk_id, push_seq FROM kiosks ORDER BY kiosk_id')
      expect(kiosks.rows.map((k) => [k.kiosk_id, Number(k.push_seq)])).toEqual([
        ['KA', 9],
        ['KB', 0],
      ])
      const cursors = await db.query<{ kiosk_id: string; projected_seq: string }>('SELECT kiosk_id, projected_seq FROM case_projection')
      expect(cursors.rows.map((c) => [c.kiosk_id, Number(c.projected_seq)])).toEqual([['KA', 9]])
      await db.query(
        `INSERT INTO events (id, kiosk_id, counter_id, kiosk_seq, case_id, case_seq, type, payload, actor, at) VALUES ('e3', 'KA', 'C1', 10, 'c1', 3, 'x', '{}', 'a', 'now')`,
      )
      const hashes = await db.query<{ id: string; body_hash: string | null }>('SELECT id, body_hash FROM events ORDER BY id')
      expect(hashes.rows).toEqual([
        { id: 'e1', body_hash: 'h1' },
        { id: 'e2', body_hash: 'h2' },
        { id: 'e3', body_hash: null },
      ])
    } finally {
      await db.end()
    }
  })
})
