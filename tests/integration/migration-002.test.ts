// Migration 2 adds the print queue: migrate to 1, seed a case, migrate to 2, and check the
// table, its checks and its indexes, with what was there before left untouched.
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../electron/services/store/database'
import { migrate, schemaVersion } from '../../electron/services/store/migrate'
import { migrations } from '../../electron/services/store/migrations'
import { tempDir } from '../support/temp-dir'

describe('migration 002 (print queue)', () => {
  it('creates print_jobs next to the existing data, with its state check and pending index', () => {
    const db = openDatabase(path.join(tempDir(), 'k.sqlite'), { targetVersion: 1 })
    expect(schemaVersion(db)).toBe(1)
    db.prepare("INSERT INTO settings (key, value) VALUES ('kiosk.id', '\"K1\"')").run()
    migrate(db, migrations, 2)
    expect(schemaVersion(db)).toBe(2)
    expect(db.prepare("SELECT value FROM settings WHERE key = 'kiosk.id'").get()).toEqual({ value: '"K1"' })
    const insert = db.prepare(
      `INSERT INTO print_jobs (id, document, params, printer_id, mime_type, payload, state, next_attempt_at, actor, created_at)
       VALUES (?, 'caseLabel', '{}', 'zebra', 'application/vnd.zebra-zpl', x'00', ?, '2026-11-22T00:00:00Z', 'staff-1', '2026-11-22T00:00:00Z')`,
    )
    insert.run('j1', 'queued')
    expect(() => insert.run('j2', 'printed-maybe')).toThrow(/CHECK/)
    expect(() => db.prepare("INSERT INTO print_jobs (id, document, params, printer_id, mime_type, state, next_attempt_at, actor, created_at) VALUES ('j3', 'test', 'not json', 'p', 'x', 'queued', 'a', 'b', 'c')").run()).toThrow(/CHECK/)
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT * FROM print_jobs WHERE state IN ('queued','held') AND next_attempt_at <= ?").all('z') as { detail: string }[]
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/print_jobs_pending/)
    db.close()
  })
})
