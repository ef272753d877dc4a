// Migration 008 (erasable personal fields): rows written before it keep their v1 hash and link;
// rows after it are v2 with a salt; the events trigger allows exactly one update (personal
// fields to erased markers, the salt dropped) and the chain still verifies after it.
import { randomUUID } from 'node:crypto'
import path from 'node:path'
import type { Database } from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import type { CaseEvent } from '@shared/domain/case-events'
import { erasePayload, newPiiSalt } from '../../electron/services/audit/event-hash-v2'
import { verifyChains } from '../../electron/services/audit/verify-chain'
import { openDatabase } from '../../electron/services/store/database'
import { EventLog } from '../../electron/services/store/event-log'
import { schemaVersion } from '../../electron/services/store/migrate'
import { migrationsThrough } from '../support/audit-migrations'
import { appendEventAt } from '../support/old-schema-rows'
import { tempDir } from '../support/temp-dir'

const IMEI_OLD = '356938035643809'
const IMEI_NEW = '490154203237518'

function ev(caseId: string, caseSeq: number, type: string, payload: object): CaseEvent {
  return { id: randomUUID(), caseId, caseSeq, type, payload, actor: 'staff-1', kioskId: 'KTEST1', at: `2026-11-2${caseSeq}T09:00:00.000Z` } as CaseEvent
}

const identified = (imei: string) => ({ category: 'smartphone', imei, imeiMatch: 'match', serialMatch: 'not_entered' })

interface Row { seq: number; id: string; type: string; payload: string; hash: string; prev_hash: string | null; hash_v: number; pii_salt: string | null }
const rows = (db: Database): Row[] => db.prepare('SELECT * FROM events ORDER BY seq').all() as Row[]

function migrated(): Database {
  const file = path.join(tempDir(), 'db.sqlite')
  const before = openDatabase(file, { migrations: migrationsThrough(7) })
  before.transaction(() => {
    appendEventAt(before, 7, ev('c-old', 1, 'case.started', { caseNumber: 'KTEST1-1', orderNumber: 'BM-1', caseType: 'withdrawal', via: 'scan' }))
    appendEventAt(before, 7, ev('c-old', 2, 'device.identified', identified(IMEI_OLD)))
  })()
  before.close()
  const db = openDatabase(file)
  const newLog = new EventLog(db)
  db.transaction(() => {
    newLog.append(ev('c-new', 1, 'case.started', { caseNumber: 'KTEST1-2', orderNumber: 'BM-2', caseType: 'withdrawal', via: 'scan' }))
    newLog.append(ev('c-new', 2, 'device.identified', identified(IMEI_NEW)))
  })()
  return db
}

const erase = (db: Database, r: Row) => db.prepare('UPDATE events SET payload = ?, pii_salt = NULL WHERE seq = ?').run(erasePayload(r.type, r.id, r.payload, r.pii_salt ?? newPiiSalt()), r.seq)

describe('migration 008: erasable personal fields', () => {
  it('keeps v1 rows as they were and writes v2 rows with a salt after it', () => {
    const file = path.join(tempDir(), 'db.sqlite')
    const before = openDatabase(file, { migrations: migrationsThrough(7) })
    appendEventAt(before, 7, ev('c-old', 1, 'device.identified', identified(IMEI_OLD)))
    const v1 = before.prepare('SELECT hash, prev_hash FROM events').get()
    before.close()
    const db = openDatabase(file)
    expect(schemaVersion(db)).toBeGreaterThanOrEqual(8)
    expect(db.prepare('SELECT hash, prev_hash, hash_v, pii_salt FROM events').get()).toEqual({ ...(v1 as object), hash_v: 1, pii_salt: null })
    db.close()

    const both = migrated()
    const [, , started, identifiedRow] = rows(both)
    expect(started).toMatchObject({ hash_v: 2, pii_salt: null })
    expect(identifiedRow).toMatchObject({ hash_v: 2, pii_salt: expect.stringMatching(/^[0-9a-f]{64}$/) })
    expect(verifyChains(both)).toMatchObject({ ok: true, checked: { events: 4 } })
  })

  it('lets personal fields become erased markers, and the chain still verifies', () => {
    const db = migrated()
    for (const r of rows(db).filter((r) => r.type === 'device.identified')) erase(db, r)
    const after = rows(db)
    expect(after.map((r) => r.payload).join()).not.toMatch(new RegExp(`${IMEI_OLD}|${IMEI_NEW}`))
    expect(after.every((r) => r.pii_salt === null)).toBe(true)
    expect(verifyChains(db)).toMatchObject({ ok: true, checked: { events: 4 } })
    // Erasing again changes nothing and is allowed; the log still verifies.
    for (const r of after.filter((r) => r.type === 'device.identified')) db.prepare('UPDATE events SET payload = payload WHERE seq = ?').run(r.seq)
    expect(verifyChains(db).ok).toBe(true)
  })

  it('refuses every other update and every delete', () => {
    const db = migrated()
    const all = rows(db)
    const v2 = all[3]!
    const marker = JSON.stringify({ erased: true, digest: 'f'.repeat(64) })
    const refused = [
      ['UPDATE events SET actor = ? WHERE seq = ?', 'x', v2.seq],
      ["UPDATE events SET payload = json_set(payload, '$.imeiMatch', 'mismatch'), pii_salt = NULL WHERE seq = ?", v2.seq],
      // A marker with the salt kept, a marker of the wrong shape, a new value instead of a marker.
      ["UPDATE events SET payload = json_set(payload, '$.imei', json(?)) WHERE seq = ?", marker, v2.seq],
      ["UPDATE events SET payload = json_set(payload, '$.imei', json('{\"erased\":true}')), pii_salt = NULL WHERE seq = ?", v2.seq],
      ["UPDATE events SET payload = json_set(payload, '$.imei', json('{\"erased\":true,\"digest\":\"' || ? || '\",\"imei\":1}')), pii_salt = NULL WHERE seq = ?", 'f'.repeat(64), v2.seq],
      ["UPDATE events SET payload = json_set(payload, '$.imei', '490154203237518'), pii_salt = NULL WHERE seq = ?", v2.seq],
      // Adding a serial that was not there, and a marker on an event type without personal fields.
      ["UPDATE events SET payload = json_set(payload, '$.serial', json(?), '$.imei', json(?)), pii_salt = NULL WHERE seq = ?", marker, marker, v2.seq],
      ["UPDATE events SET payload = json_set(payload, '$.orderNumber', json(?)) WHERE seq = ?", marker, all[2]!.seq],
      ['UPDATE events SET hash = ?, pii_salt = NULL WHERE seq = ?', 'a'.repeat(64), v2.seq],
      ['DELETE FROM events WHERE seq = ?', v2.seq],
    ] as const
    for (const [sql, ...params] of refused) expect(() => db.prepare(sql).run(...params), sql).toThrow(/append-only/)
    expect(rows(db)).toEqual(all)
  })

  it('detects a forged marker through the chain (SQL cannot check the digest)', () => {
    const db = migrated()
    const v2 = rows(db)[3]!
    db.prepare("UPDATE events SET payload = json_set(payload, '$.imei', json(?)), pii_salt = NULL WHERE seq = ?").run(JSON.stringify({ erased: true, digest: 'f'.repeat(64) }), v2.seq)
    expect(verifyChains(db)).toMatchObject({ ok: false, firstBreak: { table: 'events', seq: v2.seq, reason: expect.stringMatching(/edited/) } })
  })

  it('adds an append-only privacy log and the erased-cases bookkeeping', () => {
    const db = migrated()
    db.prepare("INSERT INTO privacy_log (id, action, actor, kiosk_id, at, detail) VALUES ('p1', 'erased', 'boss', 'KTEST1', 't', '{}')").run()
    expect(() => db.prepare("INSERT INTO privacy_log (id, action, actor, kiosk_id, at, detail) VALUES ('p2', 'peeked', 'boss', 'KTEST1', 't', '{}')").run()).toThrow(/CHECK/)
    expect(() => db.prepare("UPDATE privacy_log SET actor = 'x'").run()).toThrow(/append-only/)
    expect(() => db.prepare('DELETE FROM privacy_log').run()).toThrow(/append-only/)
    db.prepare("INSERT INTO erased_cases (case_id, reason, at) VALUES ('c-new', 'retention', 't')").run()
    expect(() => db.prepare("INSERT INTO erased_cases (case_id, reason, at) VALUES ('c-old', 'whim', 't')").run()).toThrow(/CHECK/)
  })
})
