// Which chain columns a table has: the code that writes or checks the chain adapts to databases
// of older schemas (migration tests, a copy of an old kiosk's file handed to audit:verify).
import type { Database } from 'better-sqlite3'

/** False for a missing table (table_info returns no columns). */
export function hasColumns(db: Database, table: string, columns: readonly string[]): boolean {
  const have = new Set((db.pragma(`table_info(${table})`) as Array<{ name: string }>).map((c) => c.name))
  return columns.every((c) => have.has(c))
}
