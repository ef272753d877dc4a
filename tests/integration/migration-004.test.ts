// Migration 004 (staff): migrate to 3, seed, migrate to 4; the staff tables appear, nothing
// earlier changes, and the staff event log refuses updates and deletes.
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../electron/services/store/database'
import { schemaVersion } from '../../electron/services/store/migrate'
import { tempDir } from '../support/temp-dir'

describe('migration 004: staff', () => {
  it('adds staff and an append-only staff_events table, keeping earlier data', () => {
    const file = path.join(tempDir(), 'db.sqlite')
    const before = openDatabase(file, { targetVersion: 3 })
    expect(schemaVersion(before)).toBe(3)
    before.prepare("INSERT INTO settings (key, value) VALUES ('kiosk.id', '\"KTEST\"')").run()
    before.close()

    const db = openDatabase(file, { targetVersion: 4 })
    expect(schemaVersion(db)).toBe(4)
    expect(db.prepare("SELECT value FROM settings WHERE key = 'kiosk.id'").get()).toEqual({ value: '"KTEST"' })
    db.prepare(
      `INSERT INTO staff (id, name, role, pin_kdf, pin_salt, pin_hash, created_at)
       VALUES ('S1', 'Ana', 'supervisor', 'scrypt:N=32768,r=8,p=1', X'00', X'00', '2026-11-22T08:00:00.000Z')`,
    ).run()
    expect(() =>
      db.prepare("INSERT INTO staff (id, name, role, pin_kdf, pin_salt, pin_hash, created_at) VALUES ('S2', 'B', 'boss', 'k', X'00', X'00', 't')").run(),
    ).toThrow(/CHECK constraint/)
    db.prepare(
      `INSERT INTO staff_events (id, staff_id, type, payload, actor, kiosk_id, at)
       VALUES ('e1', 'S1', 'staff.first_supervisor', '{"name":"Ana","role":"supervisor"}', 'S1', 'KTEST', '2026-11-22T08:00:00.000Z')`,
    ).run()
    expect(() => db.prepare("UPDATE staff_events SET actor = 'X'").run()).toThrow(/append-only/)
    expect(() => db.prepare('DELETE FROM staff_events').run()).toThrow(/append-only/)
    expect(() => db.prepare("INSERT INTO staff_events (id, staff_id, type, payload, actor, kiosk_id, at) VALUES ('e2', 'S1', 't', 'not json', 'S1', 'K', 't')").run()).toThrow()
    expect(db.prepare('SELECT count(*) AS n FROM staff_events').get()).toEqual({ n: 1 })
    db.close()
  })
})
