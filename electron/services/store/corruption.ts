// What happens when the kiosk's database is damaged (a power cut on a bad disk, a failing SD
// card): the damaged file and its -wal/-shm are moved aside together, and start-up stops with a
// message saying what to do. DropDesk never starts on an empty database by itself: while a
// set-aside file sits in the data folder, a missing database is refused too.
import { existsSync, readdirSync, renameSync } from 'node:fs'
import path from 'node:path'
import type { Database } from 'better-sqlite3'
import { fsyncDir } from './durable-fs'

export class CorruptDatabaseError extends Error {
  override name = 'CorruptDatabaseError'
  constructor(
    message: string,
    /** Where the damaged file now is; null when it was already set aside earlier. */
    readonly movedTo: string | null,
  ) {
    super(message)
  }
}

const CORRUPTION_CODES = new Set(['SQLITE_CORRUPT', 'SQLITE_NOTADB', 'SQLITE_CORRUPT_VTAB', 'SQLITE_CORRUPT_SEQUENCE', 'SQLITE_CORRUPT_INDEX'])

export function isCorruptionError(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code
  return typeof code === 'string' && CORRUPTION_CODES.has(code)
}

/** `PRAGMA quick_check`: null when the file is sound, else its first findings. */
export function quickCheck(db: Database): string | null {
  const rows = db.pragma('quick_check') as Array<{ quick_check: string }>
  const findings = rows.map((r) => r.quick_check).filter((r) => r !== 'ok')
  return findings.length === 0 ? null : findings.slice(0, 3).join('; ')
}

function stamp(now: Date): string {
  return now.toISOString().replace(/[:.]/g, '-')
}

/** Moves `file`, `file-wal` and `file-shm` to `file.corrupt-<timestamp>[-wal|-shm]`. */
export function setAside(file: string, now = new Date()): string {
  const target = `${file}.corrupt-${stamp(now)}`
  for (const suffix of ['-wal', '-shm', '']) {
    if (existsSync(file + suffix)) renameSync(file + suffix, target + suffix)
  }
  // The move must survive a power cut, or the damaged file is back under its name at next start.
  fsyncDir(path.dirname(file))
  return target
}

/** A main file set aside earlier (not its -wal/-shm), or null. */
export function findSetAside(file: string): string | null {
  const dir = path.dirname(file)
  const prefix = `${path.basename(file)}.corrupt-`
  let names: string[]
  try {
    names = readdirSync(dir)
  } catch {
    return null
  }
  const found = names.filter((n) => n.startsWith(prefix) && !/-(wal|shm)$/.test(n)).sort()
  return found.length > 0 ? path.join(dir, found[found.length - 1]!) : null
}

export function corruptMessage(file: string, movedTo: string, detail: string): string {
  return [
    `The kiosk database ${file} is damaged (${detail}).`,
    `It was moved aside to ${movedTo} (with its -wal and -shm files) so that nothing more is lost; DropDesk will not start on an empty database by itself.`,
    'What to do: keep that file and tell your supervisor or support. To recover it, a technician can run',
    `  sqlite3 "${movedTo}" ".recover" | sqlite3 "${file}"`,
    'and start DropDesk again. To start with an empty database on purpose (only once its cases were synced), move the .corrupt file out of the data folder.',
  ].join('\n')
}

export function stillSetAsideMessage(file: string, aside: string): string {
  return [
    `There is no database at ${file}, but a damaged one was set aside at ${aside}.`,
    'DropDesk will not start on an empty database by itself. Recover the damaged file (see the message of the earlier start), or, to start empty on purpose once its cases were synced, move the .corrupt file out of the data folder.',
  ].join('\n')
}
