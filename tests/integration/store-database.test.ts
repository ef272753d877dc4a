import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { openDatabase, verifyDurability } from '../../electron/services/store/database'
import { migrate, schemaVersion, type Migration } from '../../electron/services/store/migrate'
import { migrations } from '../../electron/services/store/migrations'
import { tempDir } from '../support/temp-dir'

describe('the SQLite store', () => {
  it('opens in WAL mode with synchronous=FULL and migrates to the newest schema', () => {
    const db = openDatabase(path.join(tempDir(), 'k.sqlite'))
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.pragma('synchronous', { simple: true })).toBe(2)
    expect(schemaVersion(db)).toBe(migrations.length)
    db.close()
  })

  it('refuses to run on a journal mode that could lose a confirmed drop-off', () => {
    const db = new BetterSqlite3(path.join(tempDir(), 'k.sqlite'))
    db.pragma('journal_mode = DELETE')
    db.pragma('synchronous = FULL')
    expect(() => verifyDurability(db)).toThrow(/not WAL/)
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = NORMAL')
    expect(() => verifyDurability(db)).toThrow(/not FULL/)
    db.close()
  })

  it('refuses a database written by a newer version and leaves it untouched', () => {
    const file = path.join(tempDir(), 'k.sqlite')
    openDatabase(file).close()
    const raw = new BetterSqlite3(file)
    raw.pragma(`user_version = ${migrations.length + 5}`)
    raw.close()
    expect(() => openDatabase(file)).toThrow(/newer DropDesk/)
    const after = new BetterSqlite3(file)
    expect(after.pragma('user_version', { simple: true })).toBe(migrations.length + 5)
    after.close()
  })

  it('numbers migrations 1, 2, 3… and applies each once, in its own transaction', () => {
    const db = new BetterSqlite3(':memory:')
    const applied: number[] = []
    const ms: Migration[] = [1, 2].map((version) => ({ version, name: `m${version}`, up: () => applied.push(version) }))
    migrate(db, ms)
    migrate(db, ms)
    expect(applied).toEqual([1, 2])
    const broken: Migration[] = [{ version: 1, name: 'x', up: () => {} }, { version: 3, name: 'y', up: () => {} }]
    expect(() => migrate(new BetterSqlite3(':memory:'), broken)).toThrow(/numbered/)
    const failing: Migration[] = [{ version: 1, name: 'bad', up: (d) => { d.exec('CREATE TABLE t (x)'); throw new Error('boom') } }]
    const db2 = new BetterSqlite3(':memory:')
    expect(() => migrate(db2, failing)).toThrow('boom')
    expect(schemaVersion(db2)).toBe(0)
    expect(db2.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 't'").get()).toEqual({ n: 0 })
  })

  it('keeps the event log append-only', () => {
    const db = openDatabase(path.join(tempDir(), 'k.sqlite'))
    db.prepare(
      "INSERT INTO events (id, case_id, case_seq, type, payload, actor, kiosk_id, at) VALUES ('e1', 'c1', 1, 'case.started', '{}', 'a', 'K1', '2026-11-22T10:00:00Z')",
    ).run()
    expect(() => db.prepare("UPDATE events SET payload = '{\"x\":1}'").run()).toThrow(/append-only/)
    expect(() => db.prepare('DELETE FROM events').run()).toThrow(/append-only/)
    expect(() =>
      db.prepare("INSERT INTO events (id, case_id, case_seq, type, payload, actor, kiosk_id, at) VALUES ('e2', 'c1', 1, 't', '{}', 'a', 'K1', 'x')").run(),
    ).toThrow(/UNIQUE/)
    db.close()
  })
})
