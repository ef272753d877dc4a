// Numbered, immutable migrations. A landed migration is never edited: a change to the schema
// is a new file. `user_version` records how far a database has come.
import type { Database } from 'better-sqlite3'

export interface Migration {
  version: number
  name: string
  up(db: Database): void
}

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number
}

/** Applies every migration above the current version (up to `target`), each in its own transaction. */
export function migrate(db: Database, migrations: readonly Migration[], target = Infinity): number {
  const sorted = [...migrations].sort((a, b) => a.version - b.version)
  sorted.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migrations must be numbered 1, 2, 3…: found ${m.version} at position ${i + 1}`)
  })
  const current = schemaVersion(db)
  const newest = sorted.length
  if (current > newest) {
    throw new Error(
      `This data was written by a newer DropDesk (schema ${current}, this version knows ${newest}). Update DropDesk; the data was left untouched.`,
    )
  }
  for (const m of sorted) {
    if (m.version <= current || m.version > target) continue
    db.transaction(() => {
      m.up(db)
      db.pragma(`user_version = ${m.version}`)
    })()
  }
  return schemaVersion(db)
}
