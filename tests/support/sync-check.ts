// Exactly-once checks of a kiosk's outbox against the central database: every event of the
// kiosk's log is there once, with the same body, in the kiosk's log order.
import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { expect } from 'vitest'
import type { Db } from '../../central/db'
import { DB_FILE } from '../../electron/services/store/database'
import type { EventRow } from '../../electron/services/store/event-log'

export function localEvents(dataDir: string): EventRow[] {
  const db = new BetterSqlite3(path.join(dataDir, DB_FILE), { readonly: true })
  try {
    return db.prepare('SELECT * FROM events ORDER BY seq').all() as EventRow[]
  } finally {
    db.close()
  }
}

export async function expectExactlyOnce(central: Db, dataDir: string, options: { except?: string[] } = {}): Promise<number> {
  const local = localEvents(dataDir).filter((e) => !options.except?.includes(e.id))
  const kioskId = local[0]!.kiosk_id
  const r = await central.query<{ id: string; kiosk_seq: string; case_id: string; case_seq: number; type: string; payload: unknown; actor: string; at: string }>(
    'SELECT id, kiosk_seq, case_id, case_seq, type, payload, actor, at FROM events WHERE kiosk_id = $1 ORDER BY received_seq',
    [kioskId],
  )
  // None lost, none duplicated, in the kiosk's order.
  expect(r.rows.map((e) => e.id)).toEqual(local.map((e) => e.id))
  const seqs = r.rows.map((e) => Number(e.kiosk_seq))
  expect(seqs).toEqual([...seqs].sort((a, b) => a - b))
  // The same bodies.
  expect(r.rows.map((e) => [e.case_id, e.case_seq, e.type, e.payload, e.actor, e.at])).toEqual(
    local.map((e) => [e.case_id, e.case_seq, e.type, JSON.parse(e.payload), e.actor, e.at]),
  )
  return r.rows.length
}
