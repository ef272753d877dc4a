// The tables that carry links of the audit chain, described so one verifier walks them all. A
// chained table stores, per row, `prev_hash` (the hash of the kiosk's previous event, in
// whichever table) and `hash` (its own), and has an AUTOINCREMENT `seq`. Case events and staff
// events form ONE chain per kiosk; `order` says where each row sits in it (chain-walk.ts).
//
// A migration that re-hashes rows of one table must re-link the rows of the other tables that
// follow them too: walk the merged chain (walkChain) rather than one table.
import type { Database } from 'better-sqlite3'
import { hasColumns } from './chain-columns'
import { expectedEventHash, type StoredEventHashColumns } from './event-hash-versions'
import { staffEventHash, type HashedStaffEventColumns } from './staff-event-hash'

export interface ChainRow {
  seq: number
  id: string
  /** Rows with the same key form one chain (the kiosk id: each kiosk chains its own events). */
  chainKey: string
  prevHash: string | null
  hash: string | null
  /** The hash the row's stored content and link should have. */
  expectedHash: string
  /** The row's place in the merged chain, compared as [major, minor]; unique across sources. */
  order: readonly [number, number]
}

export interface ChainSource {
  /** The table's name, as reports name it. */
  table: string
  /** False when this database has no chain on the table yet (older schema). */
  present(db: Database): boolean
  /** Every row in seq order (which is also its chain order), streamed. */
  rows(db: Database): Iterable<ChainRow>
}

export const eventsChain: ChainSource = {
  table: 'events',
  present: (db) => hasColumns(db, 'events', ['prev_hash', 'hash']),
  *rows(db) {
    // Every column: hash_v and pii_salt exist from migration 008 on (event-hash-versions.ts).
    const stmt = db.prepare('SELECT * FROM events ORDER BY seq')
    for (const row of stmt.iterate() as Iterable<StoredEventHashColumns & { seq: number }>) {
      yield {
        seq: row.seq,
        id: row.id,
        chainKey: row.kiosk_id,
        prevHash: row.prev_hash,
        hash: row.hash,
        expectedHash: expectedEventHash(row),
        // Minor 0: an events row comes before the staff events written after it.
        order: [row.seq, 0],
      }
    }
  },
}

export const staffEventsChain: ChainSource = {
  table: 'staff_events',
  present: (db) => hasColumns(db, 'staff_events', ['after_event_seq', 'prev_hash', 'hash']),
  *rows(db) {
    const stmt = db.prepare('SELECT seq, id, staff_id, type, payload, actor, kiosk_id, at, after_event_seq, prev_hash, hash FROM staff_events ORDER BY seq')
    for (const row of stmt.iterate() as Iterable<HashedStaffEventColumns & { seq: number; hash: string | null }>) {
      yield {
        seq: row.seq,
        id: row.id,
        chainKey: row.kiosk_id,
        prevHash: row.prev_hash,
        hash: row.hash,
        expectedHash: staffEventHash(row),
        // After events row `after_event_seq`, before the next one; among themselves by seq (>= 1).
        order: [row.after_event_seq, row.seq],
      }
    }
  },
}

/** Every chained table. */
export const chainSources: readonly ChainSource[] = [eventsChain, staffEventsChain]
