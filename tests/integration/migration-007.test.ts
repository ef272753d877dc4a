// Migration 007 (staff events join the audit chain): migrate to 6, seed staff and case events
// interleaved as raw rows of schema 6, migrate to 7. The staff events written before are chained after their kiosk's
// last case event, in their own order; the whole chain verifies; the staff log stays
// append-only and refuses a row written around the chain; new events continue the chain.
import BetterSqlite3 from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { DB_FILE, openDatabase } from '../../electron/services/store/database'
import { schemaVersion } from '../../electron/services/store/migrate'
import { migrationsThrough } from '../support/audit-migrations'
import { INTERLEAVED, KIOSK, seededDir, verifyFile, writeSteps } from '../support/audit-chain-seed'
import path from 'node:path'

type StaffLink = { seq: number; after_event_seq: number; prev_hash: string | null; hash: string }

describe('migration 007: staff events in the audit chain', () => {
  it('chains the staff events already written, keeps every row, and the chain verifies', () => {
    const { dir, file } = seededDir(INTERLEAVED, 6)
    const before = new BetterSqlite3(file, { readonly: true })
    const staffBefore = before.prepare('SELECT * FROM staff_events ORDER BY seq').all()
    const eventsBefore = before.prepare('SELECT * FROM events ORDER BY seq').all() as Array<{ kiosk_id: string; hash: string }>
    before.close()
    expect(staffBefore).toHaveLength(4)
    // At schema 6, staff events are outside the chain: only the case events are checked.
    expect(verifyFile(file)).toMatchObject({ ok: true, checked: { events: 5 }, unchained: ['staff_events'] })

    const db = openDatabase(path.join(dir, DB_FILE), { migrations: migrationsThrough(7) })
    expect(schemaVersion(db)).toBe(7)
    const staff = db.prepare('SELECT * FROM staff_events ORDER BY seq').all() as Array<Record<string, unknown> & StaffLink>
    // Every column written before is unchanged; the case events are untouched.
    staff.forEach((row, i) => expect(row).toMatchObject(staffBefore[i] as object))
    expect(db.prepare('SELECT * FROM events ORDER BY seq').all()).toEqual(eventsBefore)
    // Placed after the last case event, linked one after the other from the kiosk's last case event.
    const lastOfKiosk = eventsBefore.filter((e) => e.kiosk_id === KIOSK).at(-1)!
    expect(staff.map((s) => s.after_event_seq)).toEqual([5, 5, 5, 5])
    staff.forEach((s, i) => expect(s.prev_hash).toBe(i === 0 ? lastOfKiosk.hash : staff[i - 1]!.hash))

    expect(() => db.prepare("UPDATE staff_events SET actor = 'X'").run()).toThrow(/append-only/)
    expect(() => db.prepare('DELETE FROM staff_events').run()).toThrow(/append-only/)
    expect(() =>
      db.prepare("INSERT INTO staff_events (id, staff_id, type, payload, actor, kiosk_id, at) VALUES ('e9', 'S1', 'staff.added', '{}', 'S1', ?, 't')").run(KIOSK),
    ).toThrow(/through the audit chain/)
    db.close()
    expect(verifyFile(file)).toEqual({ ok: true, checked: { events: 5, staff_events: 4 }, unchained: [], firstBreak: null })

    // The app goes on (migrated to the current schema): the next case event links to the last
    // staff event, and so on.
    const after = openDatabase(file)
    writeSteps(after, [{ case: 'case-3', caseSeq: 1 }, { staff: 'first_supervisor' }, { case: 'case-3', caseSeq: 2 }])
    const next = after.prepare('SELECT prev_hash FROM events WHERE seq = 6').get() as { prev_hash: string }
    after.close()
    expect(next.prev_hash).toBe(staff.at(-1)!.hash)
    expect(verifyFile(file)).toMatchObject({ ok: true, checked: { events: 7, staff_events: 5 } })
  })

  it('migrates a database without staff events, and one without any event', () => {
    const cases = seededDir([{ case: 'case-1', caseSeq: 1 }, { case: 'case-1', caseSeq: 2 }], 6)
    openDatabase(cases.file, { migrations: migrationsThrough(7) }).close()
    expect(verifyFile(cases.file)).toMatchObject({ ok: true, checked: { events: 2, staff_events: 0 } })

    const empty = seededDir([], 6)
    openDatabase(empty.file, { migrations: migrationsThrough(7) }).close()
    const db = openDatabase(empty.file)
    writeSteps(db, [{ staff: 'first_supervisor' }])
    const first = db.prepare('SELECT after_event_seq, prev_hash FROM staff_events').get()
    db.close()
    // The first event of a kiosk links to nothing.
    expect(first).toEqual({ after_event_seq: 0, prev_hash: null })
    expect(verifyFile(empty.file)).toMatchObject({ ok: true, checked: { events: 0, staff_events: 1 } })
  })
})
