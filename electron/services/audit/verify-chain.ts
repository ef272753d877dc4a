// Walks the audit chain of a kiosk database (case and staff events merged, one chain per kiosk)
// and reports the first broken link: a row whose content no longer matches its hash (edited), a
// row that does not point at the kiosk's event before it (one removed, inserted or re-ordered),
// a gap in a table's AUTOINCREMENT sequence (removed in the middle) or a sequence counter beyond
// a table's last row (removed at the end).
import type { Database } from 'better-sqlite3'
import { chainSources as defaultSources, type ChainSource } from './chain-sources'
import { walkChain } from './chain-walk'

export interface ChainBreak {
  table: string
  seq: number
  /** The row's id; absent when the break is rows missing at the end. */
  id?: string
  /** The kiosk whose chain breaks, and the link's 1-based position in it (absent as for id). */
  chainKey?: string
  position?: number
  reason: string
}

export interface ChainReport {
  ok: boolean
  /** Rows checked per chained table. */
  checked: Record<string, number>
  /** Tables without a chain in this database (older schema). */
  unchained: string[]
  firstBreak: ChainBreak | null
}

export function verifyChains(db: Database, sources: readonly ChainSource[] = defaultSources): ChainReport {
  const present = sources.filter((s) => s.present(db))
  const checked: Record<string, number> = Object.fromEntries(present.map((s) => [s.table, 0]))
  const unchained = sources.filter((s) => !present.includes(s)).map((s) => s.table)
  const firstBreak = findBreak(db, present, checked)
  return { ok: firstBreak === null, checked, unchained, firstBreak }
}

function findBreak(db: Database, sources: readonly ChainSource[], checked: Record<string, number>): ChainBreak | null {
  const heads = new Map<string, { hash: string; position: number }>()
  const lastSeq = new Map<string, number>()
  for (const { table, row } of walkChain(db, sources)) {
    checked[table] = (checked[table] ?? 0) + 1
    const head = heads.get(row.chainKey)
    const position = (head?.position ?? 0) + 1
    const at = (reason: string): ChainBreak => ({ table, seq: row.seq, id: row.id, chainKey: row.chainKey, position, reason })
    const last = lastSeq.get(table) ?? 0
    if (row.seq !== last + 1) {
      const missing = row.seq - last - 1
      return at(`${missing} row(s) of ${table} before this one are missing (seq ${last + 1}${missing > 1 ? `–${row.seq - 1}` : ''}): removed from the log`)
    }
    if (row.hash === null) return at('this row has no hash: it was written around the chain')
    if (row.hash !== row.expectedHash) return at('its content does not match its hash: this row was edited')
    if (row.prevHash !== (head?.hash ?? null)) {
      return at(`it does not follow the previous event of kiosk ${row.chainKey}: an event before it was removed, edited or re-ordered`)
    }
    heads.set(row.chainKey, { hash: row.hash, position })
    lastSeq.set(table, row.seq)
  }
  // AUTOINCREMENT remembers the highest seq ever used: rows removed from the end show up here.
  const counter = db.prepare('SELECT seq FROM sqlite_sequence WHERE name = ?')
  for (const { table } of sources) {
    const used = (counter.get(table) as { seq: number } | undefined)?.seq ?? 0
    const last = lastSeq.get(table) ?? 0
    if (used > last) return { table, seq: last + 1, reason: `the last ${used - last} row(s) of ${table} (seq ${last + 1}–${used}) were removed` }
  }
  return null
}
