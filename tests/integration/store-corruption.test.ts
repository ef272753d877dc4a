// Power-cut safety at start-up: `PRAGMA quick_check` runs on every open; a damaged database is
// moved aside with its -wal/-shm and start-up stops with a message saying what to do. It never
// starts empty in its place, not even on the next start.
import { closeSync, existsSync, openSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync, writeSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { CorruptDatabaseError } from '../../electron/services/store/corruption'
import { DB_FILE, openDatabase } from '../../electron/services/store/database'
import { openStore } from '../../electron/services/store'
import { tempDir } from '../support/temp-dir'

/** A real database with enough rows to span many pages, checkpointed into the main file. */
function populated(dir: string): string {
  const file = path.join(dir, DB_FILE)
  const db = openDatabase(file)
  const put = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)')
  db.transaction(() => {
    for (let i = 0; i < 3000; i++) put.run(`k${i}`, JSON.stringify({ filler: 'x'.repeat(200), i }))
  })()
  db.pragma('wal_checkpoint(TRUNCATE)')
  db.close()
  return file
}

function expectRefusal(dir: string): CorruptDatabaseError {
  let caught: unknown
  try {
    openStore(dir).close()
  } catch (e) {
    caught = e
  }
  expect(caught).toBeInstanceOf(CorruptDatabaseError)
  return caught as CorruptDatabaseError
}

describe('a damaged database at start-up', () => {
  it('sets aside a file that is not a database at all, and says what to do', () => {
    const dir = tempDir()
    const file = path.join(dir, DB_FILE)
    writeFileSync(file, Buffer.alloc(8192, 0x5a))
    const error = expectRefusal(dir)
    expect(error.message).toMatch(/damaged/)
    expect(error.message).toMatch(/What to do/)
    expect(error.message).toContain(error.movedTo!)
    expect(existsSync(file)).toBe(false)
    expect(path.basename(error.movedTo!)).toMatch(/^dropdesk\.sqlite\.corrupt-\d{4}-\d\d-\d\dT/)
    expect(readFileSync(error.movedTo!)).toEqual(Buffer.alloc(8192, 0x5a))
    expect(readdirSync(dir).filter((n) => n.startsWith(DB_FILE) && !n.includes('.corrupt-'))).toEqual([])
  })

  it('finds damage inside a real database with quick_check and keeps it aside on the next start too', () => {
    const dir = tempDir()
    const file = populated(dir)
    const size = statSync(file).size
    // Scribble over pages in the middle of the file: the header stays valid, the b-trees do not.
    const fd = openSync(file, 'r+')
    for (let page = 4; page * 4096 < size - 4096; page += 5) writeSync(fd, Buffer.alloc(600, 0xff), 0, 600, page * 4096 + 100)
    closeSync(fd)

    const first = expectRefusal(dir)
    expect(first.movedTo).not.toBeNull()
    expect(statSync(first.movedTo!).size).toBe(size)
    // Never silently starts empty: the next start refuses too, and names the set-aside file.
    const second = expectRefusal(dir)
    expect(second.movedTo).toBeNull()
    expect(second.message).toContain(first.movedTo!)
    expect(existsSync(path.join(dir, DB_FILE))).toBe(false)
    expect(readdirSync(dir).filter((n) => n.includes('.corrupt-') && !/-(wal|shm)$/.test(n))).toHaveLength(1)
  })

  it('opens a sound database, and starts fresh once the damaged file has been moved out on purpose', () => {
    const dir = tempDir()
    const file = populated(dir)
    const db = openDatabase(file)
    expect(db.pragma('quick_check', { simple: true })).toBe('ok')
    expect((db.prepare('SELECT count(*) AS n FROM settings').get() as { n: number }).n).toBe(3000)
    db.close()

    writeFileSync(file, 'not sqlite at all, but long enough to have a header '.repeat(200))
    const error = expectRefusal(dir)
    // The operator moves the damaged file out of the data folder: an explicit decision.
    const elsewhere = tempDir()
    for (const n of readdirSync(dir)) if (n.includes('.corrupt-')) renameSync(path.join(dir, n), path.join(elsewhere, n))
    expect(existsSync(path.join(elsewhere, path.basename(error.movedTo!)))).toBe(true)
    const store = openStore(dir)
    expect(store.events.count()).toBe(0)
    store.close()
  })
})
