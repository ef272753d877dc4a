// A lock-out after wrong PINs never locks a supervisor out: anyone at the kiosk (a customer at
// the "Staff" link of customer mode) can type five wrong PINs. While locked, every attempt is
// slowed; a supervisor's right PIN signs in, and the supervisor can lift the lock (audited).
import BetterSqlite3 from 'better-sqlite3'
import path from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import type { SessionView, StaffPinResult } from '@shared/contract/staff-views'
import { DB_FILE } from '../../electron/services/store/database'
import { startStaffServices, wrongPin } from '../support/staff-services'

const DELAY_MS = 150
vi.stubEnv('DROPDESK_LOCKED_SIGNIN_DELAY_MS', String(DELAY_MS))

describe('sign-in lock-out', () => {
  it('locks after five wrong PINs from customer mode, lets the supervisor in (slowed), who lifts the lock', async () => {
    const f = await startStaffServices()
    const boss = f.services.openSession()
    await f.call('session.signIn', { pin: f.pin }, boss)
    const added = await f.call('staff.add', { name: 'Léa', role: 'staff' }, boss)
    const staffPin = (added as { value: StaffPinResult }).value.generatedPin!
    await f.call('session.signOut', {}, boss)

    // A customer at the kiosk taps "Staff" and tries PINs.
    const kiosk = f.services.openSession()
    const staffSession = f.services.openSession()
    await f.call('session.signIn', { pin: staffPin }, staffSession)
    await f.call('session.signIn', { pin: staffPin }, kiosk)
    expect(await f.call('session.setMode', { mode: 'customer' }, kiosk)).toMatchObject({ ok: true, value: { mode: 'customer' } })
    const bad = wrongPin(f.pin) === staffPin ? wrongPin(staffPin) : wrongPin(f.pin)
    for (let i = 0; i < 5; i++) await f.call('session.setMode', { mode: 'staff', pin: bad }, kiosk)

    // A staff member's right PIN waits, told how long.
    const t0 = Date.now()
    const refused = await f.call('session.signIn', { pin: staffPin }, f.services.openSession())
    expect(Date.now() - t0).toBeGreaterThanOrEqual(DELAY_MS - 5)
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden', details: { lockedUntil: '2026-11-23T09:01:00.000Z' } } })
    if (!refused.ok) expect(refused.error.message).toBe('Too many wrong PINs: sign-in is locked for 1 more minute (until 10:01). A supervisor can still sign in and lift the lock.')
    expect(await f.call('staff.liftSignInLock', {}, staffSession)).toMatchObject({ ok: false, error: { code: 'forbidden' } })

    // The supervisor's right PIN signs in, slowed; from customer mode too.
    const t1 = Date.now()
    const signedIn = await f.call('session.setMode', { mode: 'staff', pin: f.pin }, kiosk)
    expect(Date.now() - t1).toBeGreaterThanOrEqual(DELAY_MS - 5)
    expect(signedIn).toMatchObject({ ok: true, value: { signedIn: true, mode: 'staff', signInLockedUntil: '2026-11-23T09:01:00.000Z' } })
    // The lock stays for the others until lifted.
    expect(await f.call('session.signIn', { pin: staffPin }, f.services.openSession())).toMatchObject({ ok: false, error: { code: 'forbidden' } })

    const lifted = await f.call('staff.liftSignInLock', {}, kiosk)
    expect(lifted).toMatchObject({ ok: true, value: { signedIn: true } })
    expect((lifted as { value: SessionView }).value.signInLockedUntil).toBeUndefined()
    const t2 = Date.now()
    expect(await f.call('session.signIn', { pin: staffPin }, f.services.openSession())).toMatchObject({ ok: true, value: { signedIn: true } })
    expect(Date.now() - t2).toBeLessThan(DELAY_MS * 20)

    const db = new BetterSqlite3(path.join(f.dataDir, DB_FILE), { readonly: true })
    const events = db.prepare("SELECT type, actor FROM staff_events WHERE type = 'staff.sign_in_unlocked'").all()
    db.close()
    expect(events).toEqual([{ type: 'staff.sign_in_unlocked', actor: kiosk.actor }])
  })
})
