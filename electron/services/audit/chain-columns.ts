// Which chain columns a table has: the verifier adapts to databases of older schemas (a copy of
// an old kiosk's file handed to audit:verify). The writers know only the current schema.
import type { Database } from 'better-sqlite3'

/** False for a missing table (table_info returns no columns). */
export function hasColumns(db: Database, table: string, columns: readonly string[]): boolean {
  const have = new Set((db.pragma(`table_info(${table})`) as Array<{ name: string }>).map((c) => c.name))
  return columns.every((c) => have.has(c))
}
