// The merged audit chain: the rows of every chained table in the order they were appended,
// which is the order their links were made in. Each table is read in seq order and the tables
// are merged on ChainRow.order, streaming (a kiosk's log can hold millions of rows).
import type { Database } from 'better-sqlite3'
import type { ChainRow, ChainSource } from './chain-sources'

export interface WalkedRow {
  table: string
  row: ChainRow
}

const before = (a: ChainRow, b: ChainRow): boolean => a.order[0] < b.order[0] || (a.order[0] === b.order[0] && a.order[1] < b.order[1])

/** The rows of the given sources (all present in `db`), in chain order. */
export function* walkChain(db: Database, sources: readonly ChainSource[]): Generator<WalkedRow> {
  const cursors = sources.map((source) => ({ table: source.table, rows: source.rows(db)[Symbol.iterator]() }))
  try {
    const heads = cursors.map((c) => c.rows.next())
    for (;;) {
      let pick = -1
      heads.forEach((h, i) => {
        const current = pick >= 0 ? heads[pick] : undefined
        if (!h.done && (!current || current.done || before(h.value, current.value))) pick = i
      })
      const chosen = heads[pick]
      const cursor = cursors[pick]
      if (!chosen || chosen.done || !cursor) return
      yield { table: cursor.table, row: chosen.value }
      heads[pick] = cursor.rows.next()
    }
  } finally {
    // A walk stopped early (a break found) must end every open statement: the connection stays
    // busy, and cannot be closed, while one is still iterating.
    for (const c of cursors) c.rows.return?.()
  }
}
