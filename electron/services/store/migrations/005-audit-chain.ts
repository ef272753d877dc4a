import type { Database } from 'better-sqlite3'
import { eventHash, type HashedEventColumns } from '../../audit/event-hash'
import type { Migration } from '../migrate'

// The audit chain: every event carries the hash of the kiosk's previous event and its own hash
// (electron/services/audit/event-hash.ts). Additive: two nullable columns and an index.
// Events recorded before this migration are chained here, in log order, so the whole log is
// covered from the first event on; the append-only triggers are lifted only for that backfill,
// inside this migration's transaction, and put back exactly as migration 001 made them.
export const m005AuditChain: Migration = {
  version: 5,
  name: 'audit-chain',
  up(db) {
    db.exec(`
      ALTER TABLE events ADD COLUMN prev_hash TEXT;
      ALTER TABLE events ADD COLUMN hash TEXT;
      -- The chain head of a kiosk: its last event.
      CREATE INDEX events_kiosk_seq ON events (kiosk_id, seq);
    `)
    backfill(db)
  },
}

function backfill(db: Database): void {
  const rows = db.prepare('SELECT * FROM events ORDER BY seq').all() as Array<HashedEventColumns & { seq: number }>
  if (rows.length === 0) return
  db.exec('DROP TRIGGER events_no_update; DROP TRIGGER events_no_delete;')
  const set = db.prepare('UPDATE events SET prev_hash = ?, hash = ? WHERE seq = ?')
  const heads = new Map<string, string>()
  for (const row of rows) {
    const prev = heads.get(row.kiosk_id) ?? null
    const hash = eventHash({ ...row, prev_hash: prev })
    set.run(prev, hash, row.seq)
    heads.set(row.kiosk_id, hash)
  }
  db.exec(`
    CREATE TRIGGER events_no_update BEFORE UPDATE ON events
      BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
    CREATE TRIGGER events_no_delete BEFORE DELETE ON events
      BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
  `)
}
