// Staff sign-in against real services on a real SQLite file: the first-run supervisor, PINs
// stored only as scrypt hashes (never in logs or events), lock-out that survives a restart,
// idle sign-out on the service side.
import BetterSqlite3 from 'better-sqlite3'
import path from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import type { SessionView } from '@shared/contract/staff-views'
import { DB_FILE } from '../../electron/services/store/database'
import { startStaffServices, wrongPin } from '../support/staff-services'

// Attempts while locked wait 3 s in use; 20 ms here keeps the file quick (the wait is still there).
vi.stubEnv('DROPDESK_LOCKED_SIGNIN_DELAY_MS', '20')

describe('staff sign-in', () => {
  it('creates one first supervisor on a fresh data dir, and stores only a salted scrypt hash of the PIN', async () => {
    const f = await startStaffServices()
    expect(f.pin).toMatch(/^\d{6}$/)
    const session = f.services.openSession()
    const r = await f.call('session.signIn', { pin: f.pin }, session)
    expect(r).toMatchObject({ ok: true, value: { signedIn: true, mode: 'staff', staff: { role: 'supervisor' } } })
    const me = (r as { value: SessionView }).value.staff!
    expect(session.actor).toBe(me.id)

    const second = await f.restart()
    expect(second.firstRunSupervisorPin).toBeUndefined()
    second.close()

    const db = new BetterSqlite3(path.join(f.dataDir, DB_FILE), { readonly: true })
    const rows = db.prepare('SELECT * FROM staff').all() as Array<Record<string, unknown>>
    const events = db.prepare('SELECT * FROM staff_events').all() as Array<Record<string, unknown>>
    db.close()
    expect(rows).toHaveLength(1)
    const row = rows[0]!
    expect(row.pin_kdf).toBe('scrypt:N=32768,r=8,p=1')
    const hashHex = (row.pin_hash as Buffer).toString('hex')
    expect(hashHex).toHaveLength(64)
    for (const value of Object.values(row)) expect(String(value)).not.toBe(f.pin)
    expect(events).toHaveLength(1)
    expect(events[0]).toMatchObject({ type: 'staff.first_supervisor', staff_id: me.id, actor: me.id })
    expect(JSON.parse(events[0]!.payload as string)).toEqual({ name: 'Supervisor', role: 'supervisor' })

    const logged = f.logs.join('')
    expect(logged).toContain('first-run supervisor created')
    expect(logged).not.toContain(f.pin)
    expect(logged).not.toContain(hashHex)
    expect(JSON.stringify(events)).not.toContain(hashHex)
  })

  it('refuses a wrong PIN, locks sign-in after 5, and keeps the lock across a restart', async () => {
    const f = await startStaffServices()
    const bad = wrongPin(f.pin)
    const session = f.services.openSession()
    for (let left = 4; left >= 1; left--) {
      expect(await f.call('session.signIn', { pin: bad }, session)).toMatchObject({ ok: false, error: { code: 'unauthorized', details: { attemptsLeft: left } } })
    }
    const fifth = await f.call('session.signIn', { pin: bad }, session)
    expect(fifth).toMatchObject({ ok: false, error: { code: 'forbidden', details: { lockedUntil: '2026-11-23T09:01:00.000Z' } } })
    // 09:01 UTC is 10:01 in Paris, the counter's time.
    if (!fifth.ok) expect(fifth.error.message).toContain('(until 10:01)')
    // The lock is logged (when and until when, never the PINs tried).
    const lockLines = f.logs.join('').split('\n').filter((l) => l.includes('sign-in locked after repeated wrong PINs'))
    expect(lockLines).toHaveLength(1)
    expect(JSON.parse(lockLines[0]!)).toMatchObject({ level: 'warn', lockedUntil: '2026-11-23T09:01:00.000Z', lockNumber: 1, wrongPins: 5 })
    expect(lockLines[0]).not.toContain(bad)
    // Pulling the plug does not reset it.
    await f.restart()
    const again = f.services.openSession()
    expect(await f.call('session.signIn', { pin: bad }, again)).toMatchObject({ ok: false, error: { code: 'forbidden' } })

    // The next run of 5 wrong PINs locks for longer: 2 minutes.
    f.clock.advance(61_000)
    for (let i = 0; i < 4; i++) await f.call('session.signIn', { pin: bad }, again)
    const longer = await f.call('session.signIn', { pin: bad }, again)
    expect(longer).toMatchObject({ ok: false, error: { details: { lockedUntil: new Date(f.clock.now.getTime() + 120_000).toISOString() } } })
    expect(f.logs.join('')).toMatch(/"lockNumber":2,.*"message":"sign-in locked after repeated wrong PINs"/)

    f.clock.advance(121_000)
    expect(await f.call('session.signIn', { pin: f.pin }, again)).toMatchObject({ ok: true, value: { signedIn: true } })
    // A right PIN clears the count: four wrong ones do not lock.
    await f.call('session.signOut', {}, again)
    for (let i = 0; i < 4; i++) expect(await f.call('session.signIn', { pin: bad }, again)).toMatchObject({ error: { code: 'unauthorized' } })
    expect(f.logs.join('')).not.toContain(f.pin)
  })

  it('cannot be raced: parallel guesses are checked one at a time against the lock', async () => {
    const f = await startStaffServices()
    const pins = Array.from({ length: 9 }, (_, i) => String(100000 + i)).filter((p) => p !== f.pin).slice(0, 8)
    const guesses = pins.map((pin) => f.call('session.signIn', { pin }, f.services.openSession()))
    const codes = (await Promise.all(guesses)).map((r) => (r.ok ? 'ok' : r.error.code))
    expect(codes).toEqual(['unauthorized', 'unauthorized', 'unauthorized', 'unauthorized', 'forbidden', 'forbidden', 'forbidden', 'forbidden'])
  })

  it('signs an idle session out on the service side; activity keeps it open', async () => {
    const f = await startStaffServices()
    const session = f.services.openSession()
    await f.call('session.signIn', { pin: f.pin }, session)
    expect(await f.call('session.current', {}, session)).toMatchObject({ ok: true, value: { signedIn: true, idleLockSeconds: 300 } })

    // Activity (a call, or a touch for taps that make none) within the idle time keeps it.
    f.clock.advance(299_000)
    expect(await f.call('session.touch', {}, session)).toMatchObject({ ok: true })
    f.clock.advance(299_000)
    expect(await f.call('cases.today', {}, session)).toMatchObject({ ok: true })
    // Passive calls (the screen polling) do not count.
    f.clock.advance(200_000)
    await f.call('session.current', {}, session)
    f.clock.advance(100_000)
    const refused = await f.call('cases.today', {}, session)
    expect(refused).toMatchObject({ ok: false, error: { code: 'unauthorized' } })
    if (!refused.ok) expect(refused.error.message).toMatch(/without activity/)
    expect(session.actor).toBeNull()
    expect(await f.call('session.current', {}, session)).toMatchObject({ ok: true, value: { signedIn: false, staff: null } })

    // A supervisor sets the idle time in minutes.
    await f.call('session.signIn', { pin: f.pin }, session)
    expect(await f.call('staff.setIdleLock', { minutes: 2 }, session)).toMatchObject({ ok: true, value: { idleLockSeconds: 120 } })
    f.clock.advance(121_000)
    expect(await f.call('orders.search', { query: 'ab' }, session)).toMatchObject({ ok: false, error: { code: 'unauthorized' } })
  })
})
