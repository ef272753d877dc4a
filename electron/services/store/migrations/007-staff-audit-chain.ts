import type { Database } from 'better-sqlite3'
import { staffEventHash, type HashedStaffEventColumns } from '../../audit/staff-event-hash'
import type { Migration } from '../migrate'

// Staff changes join the audit chain: each staff event carries the hash of the kiosk's previous
// event, case or staff, and the kiosk's next case event links to it (audit/chain-head.ts).
// `after_event_seq` places a staff event in the chain: after the events row with that seq (the
// highest one when it was written) and before the next.
//
// Backfill: staff events written before this migration carry no record of where they fell
// among the case events (their `at` is a wall clock, not an order), and re-linking the case
// events around them would rewrite the hashes of the whole case log. So they are chained here
// at the end of their kiosk's chain, in their own order: the chain's order is exact from this
// migration on, and the older rows are sealed as they are. Inside this migration's transaction
// the append-only triggers are lifted for that backfill only and put back as 004 made them,
// plus one refusing a staff event written around the chain.
export const m007StaffAuditChain: Migration = {
  version: 7,
  name: 'staff-audit-chain',
  up(db) {
    db.exec(`
      ALTER TABLE staff_events ADD COLUMN after_event_seq INTEGER;
      ALTER TABLE staff_events ADD COLUMN prev_hash TEXT;
      ALTER TABLE staff_events ADD COLUMN hash TEXT;
      -- The kiosk's last staff event, read for the chain head on every append.
      CREATE INDEX staff_events_kiosk_seq ON staff_events (kiosk_id, seq);
    `)
    backfill(db)
    db.exec(`
      CREATE TRIGGER staff_events_chained BEFORE INSERT ON staff_events
        WHEN NEW.hash IS NULL OR NEW.after_event_seq IS NULL
        BEGIN SELECT RAISE(ABORT, 'a staff event must be written through the audit chain'); END;
    `)
  },
}

function backfill(db: Database): void {
  const rows = db.prepare('SELECT * FROM staff_events ORDER BY seq').all() as Array<Omit<HashedStaffEventColumns, 'after_event_seq' | 'prev_hash'> & { seq: number }>
  if (rows.length === 0) return
  const after = (db.prepare('SELECT coalesce(max(seq), 0) AS seq FROM events').get() as { seq: number }).seq
  const lastEvent = db.prepare('SELECT hash FROM events WHERE kiosk_id = ? ORDER BY seq DESC LIMIT 1')
  db.exec('DROP TRIGGER staff_events_no_update; DROP TRIGGER staff_events_no_delete;')
  const set = db.prepare('UPDATE staff_events SET after_event_seq = ?, prev_hash = ?, hash = ? WHERE seq = ?')
  const heads = new Map<string, string | null>()
  for (const row of rows) {
    const prev = heads.has(row.kiosk_id) ? heads.get(row.kiosk_id)! : ((lastEvent.get(row.kiosk_id) as { hash: string | null } | undefined)?.hash ?? null)
    const hash = staffEventHash({ ...row, after_event_seq: after, prev_hash: prev })
    set.run(after, prev, hash, row.seq)
    heads.set(row.kiosk_id, hash)
  }
  db.exec(`
    CREATE TRIGGER staff_events_no_update BEFORE UPDATE ON staff_events
      BEGIN SELECT RAISE(ABORT, 'the staff event log is append-only'); END;
    CREATE TRIGGER staff_events_no_delete BEFORE DELETE ON staff_events
      BEGIN SELECT RAISE(ABORT, 'the staff event log is append-only'); END;
  `)
}
