// Walks every audit chain of a kiosk database and reports the first broken link: a row whose
// content no longer matches its hash (edited), a row that does not point at the row before it
// (one removed, inserted or re-ordered), a gap in the AUTOINCREMENT sequence (removed in the
// middle) or a sequence counter beyond the last row (removed at the end).
import type { Database } from 'better-sqlite3'
import { chainSources as defaultSources, type ChainSource } from './chain-sources'

export interface ChainBreak {
  table: string
  seq: number
  /** The row's id; absent when the break is rows missing at the end. */
  id?: string
  reason: string
}

export interface ChainReport {
  ok: boolean
  /** Rows checked per table. */
  checked: Record<string, number>
  /** Tables without a chain in this database (older schema). */
  unchained: string[]
  firstBreak: ChainBreak | null
}

export function verifyChains(db: Database, sources: readonly ChainSource[] = defaultSources): ChainReport {
  const report: ChainReport = { ok: true, checked: {}, unchained: [], firstBreak: null }
  for (const source of sources) {
    if (!source.present(db)) {
      report.unchained.push(source.table)
      continue
    }
    const { checked, broken } = verifyOne(db, source)
    report.checked[source.table] = checked
    // The earliest break across tables is the one to look at first.
    if (broken && (!report.firstBreak || broken.seq < report.firstBreak.seq)) report.firstBreak = broken
  }
  report.ok = report.firstBreak === null
  return report
}

function verifyOne(db: Database, source: ChainSource): { checked: number; broken: ChainBreak | null } {
  const heads = new Map<string, string>()
  let lastSeq = 0
  let checked = 0
  const at = (row: { seq: number; id: string }, reason: string): { checked: number; broken: ChainBreak } => ({
    checked,
    broken: { table: source.table, seq: row.seq, id: row.id, reason },
  })
  for (const row of source.rows(db)) {
    checked++
    if (row.seq !== lastSeq + 1) {
      const missing = row.seq - lastSeq - 1
      return at(row, `${missing} row(s) before this one are missing (seq ${lastSeq + 1}${missing > 1 ? `–${row.seq - 1}` : ''}): removed from the log`)
    }
    if (row.hash === null) return at(row, 'this row has no hash: it was written around the chain')
    if (row.hash !== row.expectedHash) return at(row, 'its content does not match its hash: this row was edited')
    const expectedPrev = heads.get(row.chainKey) ?? null
    if (row.prevHash !== expectedPrev) {
      return at(row, `it does not follow the previous row of chain ${row.chainKey}: a row before it was removed, edited or re-ordered`)
    }
    heads.set(row.chainKey, row.hash)
    lastSeq = row.seq
  }
  // AUTOINCREMENT remembers the highest seq ever used: rows removed from the end show up here.
  const counter = db.prepare('SELECT seq FROM sqlite_sequence WHERE name = ?').get(source.table) as { seq: number } | undefined
  if (counter && counter.seq > lastSeq) {
    return {
      checked,
      broken: { table: source.table, seq: lastSeq + 1, reason: `the last ${counter.seq - lastSeq} row(s) (seq ${lastSeq + 1}–${counter.seq}) were removed` },
    }
  }
  return { checked, broken: null }
}
