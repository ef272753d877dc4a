// Migration 006 (intake): migrate to 5, seed, migrate to 6; the photos, handover_batches and
// case_secrets tables appear with their checks, and earlier data is kept.
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../electron/services/store/database'
import { schemaVersion } from '../../electron/services/store/migrate'
import { tempDir } from '../support/temp-dir'

const SHA = 'a'.repeat(64)

describe('migration 006: intake', () => {
  it('adds photos, handover_batches and case_secrets, keeping earlier data', () => {
    const file = path.join(tempDir(), 'db.sqlite')
    const before = openDatabase(file, { targetVersion: 5 })
    expect(schemaVersion(before)).toBe(5)
    before.prepare("INSERT INTO settings (key, value) VALUES ('kiosk.id', '\"KTEST\"')").run()
    expect(() => before.prepare('SELECT * FROM photos').all()).toThrow(/no such table/)
    before.close()

    const db = openDatabase(file, { targetVersion: 6 })
    expect(schemaVersion(db)).toBe(6)
    expect(db.prepare("SELECT value FROM settings WHERE key = 'kiosk.id'").get()).toEqual({ value: '"KTEST"' })

    const photo = db.prepare('INSERT INTO photos (sha256, case_id, purpose, shot, mime, size, captured_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
    photo.run(SHA, 'C1', 'condition', 'back', 'image/jpeg', 10, '2026-11-23T09:00:00.000Z')
    // The same photo for the same shot is one row; a wrong purpose, type or hash is refused.
    expect(() => photo.run(SHA, 'C1', 'condition', 'back', 'image/jpeg', 10, 't')).toThrow(/UNIQUE/)
    expect(() => photo.run(SHA, 'C1', 'selfie', 'back', 'image/jpeg', 10, 't')).toThrow(/CHECK/)
    expect(() => photo.run(SHA, 'C1', 'condition', 'top', 'image/gif', 10, 't')).toThrow(/CHECK/)
    expect(() => photo.run('abc', 'C1', 'condition', 'top', 'image/jpeg', 10, 't')).toThrow(/CHECK/)

    db.prepare(
      `INSERT INTO handover_batches (id, carrier, driver_at, local_date, closed_at, closed_by, kiosk_id, case_ids)
       VALUES ('B1', 'UPS', '2026-11-23T15:00:00.000Z', '2026-11-23', '2026-11-23T15:01:00.000Z', 'S1', 'KTEST', '["C1"]')`,
    ).run()
    expect(db.prepare('SELECT refused FROM handover_batches').get()).toEqual({ refused: '[]' })
    expect(() =>
      db.prepare("INSERT INTO handover_batches (id, carrier, driver_at, local_date, closed_at, closed_by, kiosk_id, case_ids) VALUES ('B2', 'UPS', 't', 'd', 't', 'S', 'K', 'not json')").run(),
    ).toThrow(/CHECK/)

    db.prepare("INSERT INTO case_secrets (case_id, kind, sealed, stored_at) VALUES ('C1', 'pin', 'v1.x.y.z', 't')").run()
    expect(() => db.prepare("INSERT INTO case_secrets (case_id, kind, sealed, stored_at) VALUES ('C2', 'face', 'v1', 't')").run()).toThrow(/CHECK/)
    expect(() => db.prepare("INSERT INTO case_secrets (case_id, kind, sealed, stored_at) VALUES ('C1', 'pin', 'v1', 't')").run()).toThrow(/UNIQUE|PRIMARY/)
    db.close()
  })
})
