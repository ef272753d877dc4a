// Opens the kiosk's SQLite file. A confirmed drop-off must survive a power cut, so the
// journal must be WAL with synchronous=FULL (better-sqlite3 leaves WAL at NORMAL, which can
// lose the last transactions on power loss). If either setting does not hold, refuse to start.
// Every start also runs `PRAGMA quick_check`: a damaged file is set aside, never used or
// silently replaced by an empty one (corruption.ts).
import { existsSync, mkdirSync } from 'node:fs'
import path from 'node:path'
import BetterSqlite3, { type Database } from 'better-sqlite3'
import { CorruptDatabaseError, corruptMessage, findSetAside, isCorruptionError, quickCheck, setAside, stillSetAsideMessage } from './corruption'
import { migrate, type Migration } from './migrate'
import { migrations as allMigrations } from './migrations'
import { sqliteNativeBinding } from './native-binding'

export class StoreError extends Error {
  override name = 'StoreError'
}

export const DB_FILE = 'dropdesk.sqlite'

export interface OpenOptions {
  migrations?: readonly Migration[]
  /** Migrate only up to this version (tests of a single migration). */
  targetVersion?: number
}

export function openDatabase(file: string, options: OpenOptions = {}): Database {
  mkdirSync(path.dirname(file), { recursive: true })
  if (!existsSync(file)) {
    const aside = findSetAside(file)
    if (aside) throw new CorruptDatabaseError(stillSetAsideMessage(file, aside), null)
  }
  let db: Database | null = null
  try {
    db = new BetterSqlite3(file, { nativeBinding: sqliteNativeBinding() })
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = FULL')
    db.pragma('foreign_keys = ON')
    // Deleted and overwritten content is zeroed in the file, not left in free space: a purged
    // name or IMEI (privacy/) must not survive in the file's unused pages.
    db.pragma('secure_delete = ON')
    db.pragma('busy_timeout = 5000')
    verifyDurability(db)
    const damage = quickCheck(db)
    if (damage) throw Object.assign(new Error(damage), { code: 'SQLITE_CORRUPT' })
    migrate(db, options.migrations ?? allMigrations, options.targetVersion)
    return db
  } catch (e) {
    try {
      db?.close()
    } catch {
      // closing a damaged file may fail too; the error that matters is the one above
    }
    if (!isCorruptionError(e)) throw e
    const detail = e instanceof Error ? e.message : String(e)
    const movedTo = setAside(file)
    throw new CorruptDatabaseError(corruptMessage(file, movedTo, detail), movedTo)
  }
}

export function verifyDurability(db: Database): void {
  const journal = String(db.pragma('journal_mode', { simple: true }))
  const sync = Number(db.pragma('synchronous', { simple: true }))
  if (journal.toLowerCase() !== 'wal') {
    throw new StoreError(
      `The database is in "${journal}" journal mode, not WAL; DropDesk will not start, as a drop-off could be lost. Check that the data directory is on a local disk that supports shared memory.`,
    )
  }
  if (sync !== 2) {
    throw new StoreError(`SQLite synchronous is ${sync}, not FULL (2); DropDesk will not start, as a drop-off could be lost on power loss.`)
  }
}
