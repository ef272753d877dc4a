// The tables that carry an audit chain, described so one verifier walks them all. A chained
// table stores, per row, `prev_hash` (the hash of the previous row of the same chain) and
// `hash` (its own), and has an AUTOINCREMENT `seq`. To chain another table (staff_events, once
// its append computes hashes), add a ChainSource here with its own hash function.
import type { Database } from 'better-sqlite3'
import { eventHash, type HashedEventColumns } from './event-hash'

export interface ChainRow {
  seq: number
  id: string
  /** Rows with the same key form one chain (the kiosk id: each kiosk chains its own events). */
  chainKey: string
  prevHash: string | null
  hash: string | null
  /** The hash the row's stored content and link should have. */
  expectedHash: string
}

export interface ChainSource {
  /** The table's name, as reports name it. */
  table: string
  /** False when this database has no chain on the table yet (older schema). */
  present(db: Database): boolean
  /** Every row in seq order, streamed. */
  rows(db: Database): Iterable<ChainRow>
}

export function hasColumns(db: Database, table: string, columns: readonly string[]): boolean {
  const have = new Set((db.pragma(`table_info(${table})`) as Array<{ name: string }>).map((c) => c.name))
  return columns.every((c) => have.has(c))
}

export const eventsChain: ChainSource = {
  table: 'events',
  present: (db) => hasColumns(db, 'events', ['prev_hash', 'hash']),
  *rows(db) {
    const stmt = db.prepare('SELECT seq, id, case_id, case_seq, type, payload, actor, kiosk_id, at, prev_hash, hash FROM events ORDER BY seq')
    for (const row of stmt.iterate() as Iterable<HashedEventColumns & { seq: number; hash: string | null }>) {
      yield {
        seq: row.seq,
        id: row.id,
        chainKey: row.kiosk_id,
        prevHash: row.prev_hash,
        hash: row.hash,
        expectedHash: eventHash(row),
      }
    }
  },
}

/** Every chained table, in the order they are checked. */
export const chainSources: readonly ChainSource[] = [eventsChain]
