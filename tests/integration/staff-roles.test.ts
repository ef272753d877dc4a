// Roles and modes, decided by the services on every call: staff cannot manage staff, a
// customer at the kiosk reaches no staff call, the last supervisor stays, and every recorded
// event's actor is the signed-in person.
import { describe, expect, it } from 'vitest'
import { callNames } from '@shared/contract/calls'
import type { CaseDetail, CaseSummary } from '@shared/contract/views'
import type { StaffPinResult } from '@shared/contract/staff-views'
import { customerModeCalls, openCalls } from '../../electron/services/staff/access'
import { StaffStore } from '../../electron/services/staff/staff-store'
import { openStore } from '../../electron/services/store'
import { startStaffServices, wrongPin } from '../support/staff-services'

async function signedIn(f: Awaited<ReturnType<typeof startStaffServices>>, pin: string) {
  const session = f.services.openSession()
  const r = await f.call('session.signIn', { pin }, session)
  if (!r.ok) throw new Error(r.error.message)
  return session
}

describe('staff roles and customer mode', () => {
  it('answers only app.info and the sign-in calls before sign-in', async () => {
    const f = await startStaffServices()
    const nobody = f.services.openSession()
    expect(await f.call('app.info', {}, nobody)).toMatchObject({ ok: true })
    expect(await f.call('session.current', {}, nobody)).toMatchObject({ ok: true, value: { signedIn: false } })
    for (const [name, input] of [
      ['orders.lookup', { code: 'X' }],
      ['cases.today', {}],
      ['cases.start', { orderNumber: 'BM-1', via: 'search' }],
      ['staff.list', {}],
      ['session.touch', {}],
    ] as const) {
      expect(await f.call(name, input, nobody), name).toMatchObject({ ok: false, error: { code: 'unauthorized' } })
    }
    // Every call not listed as open needs a signed-in person.
    expect([...openCalls].sort()).toEqual(['app.info', 'session.current', 'session.signIn', 'session.signOut'])
  })

  it('lets supervisors add staff, and refuses staff managing staff', async () => {
    const f = await startStaffServices()
    const boss = await signedIn(f, f.pin)
    const added = (await f.call('staff.add', { name: 'Léa Martin', role: 'staff' }, boss)) as { ok: true; value: StaffPinResult }
    expect(added.value.staff).toMatchObject({ name: 'Léa Martin', role: 'staff' })
    expect(added.value.generatedPin).toMatch(/^\d{6}$/)
    // PINs alone identify people at sign-in: a PIN in use cannot be given to someone else.
    expect(await f.call('staff.add', { name: 'Copy', role: 'staff', pin: f.pin }, boss)).toMatchObject({ ok: false, error: { code: 'conflict' } })

    const lea = await signedIn(f, added.value.generatedPin!)
    expect(lea.role).toBe('staff')
    expect(lea.actor).toBe(added.value.staff.id)
    expect(await f.call('staff.add', { name: 'Mallory', role: 'supervisor', pin: '123123' }, lea)).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(await f.call('staff.list', {}, lea)).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(await f.call('staff.remove', { staffId: boss.actor! }, lea)).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(await f.call('staff.changePin', { staffId: boss.actor!, newPin: '123123' }, lea)).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(await f.call('staff.setIdleLock', { minutes: 60 }, lea)).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    // Staff change their own PIN with the current one.
    expect(await f.call('staff.changePin', { staffId: lea.actor!, newPin: '246810' }, lea)).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(await f.call('staff.changePin', { staffId: lea.actor!, newPin: '246810', currentPin: wrongPin(added.value.generatedPin!) }, lea)).toMatchObject({
      ok: false,
      error: { code: 'unauthorized' },
    })
    expect(await f.call('staff.changePin', { staffId: lea.actor!, newPin: '246810', currentPin: added.value.generatedPin! }, lea)).toMatchObject({ ok: true })
    expect(await f.call('session.signIn', { pin: '246810' }, f.services.openSession())).toMatchObject({ ok: true, value: { staff: { name: 'Léa Martin' } } })
    expect(await f.call('session.signIn', { pin: added.value.generatedPin! }, f.services.openSession())).toMatchObject({ ok: false })

    const store = openStore(f.services.dataDir)
    const log = new StaffStore(store.db, f.services.kioskId).events()
    store.close()
    expect(log.map((e) => [e.type, e.actor])).toEqual([
      ['staff.first_supervisor', boss.actor],
      ['staff.added', boss.actor],
      ['staff.pin_changed', lea.actor],
    ])
    const text = JSON.stringify(log)
    for (const pin of [f.pin, added.value.generatedPin!, '246810']) {
      expect(text).not.toContain(pin)
      expect(f.logs.join('')).not.toContain(pin)
    }
  })

  it('never removes the last supervisor, and a removed person is signed out and cannot sign in', async () => {
    const f = await startStaffServices()
    const boss = await signedIn(f, f.pin)
    expect(await f.call('staff.remove', { staffId: boss.actor! }, boss)).toMatchObject({ ok: false, error: { code: 'conflict' } })
    const second = (await f.call('staff.add', { name: 'Sam', role: 'supervisor', pin: '975310' }, boss)) as { ok: true; value: StaffPinResult }
    expect(second.value.generatedPin).toBeUndefined()
    const sam = await signedIn(f, '975310')
    expect(await f.call('staff.remove', { staffId: boss.actor! }, sam)).toMatchObject({ ok: true, value: { role: 'supervisor' } })
    expect(await f.call('staff.list', {}, sam)).toMatchObject({ ok: true, value: [{ name: 'Sam' }] })
    expect(await f.call('staff.remove', { staffId: sam.actor! }, sam)).toMatchObject({ ok: false, error: { code: 'conflict' } })
    // The removed supervisor's open session ends at its next call; the PIN is gone.
    expect(await f.call('cases.today', {}, boss)).toMatchObject({ ok: false, error: { code: 'unauthorized' } })
    expect(boss.actor).toBeNull()
    expect(await f.call('session.signIn', { pin: f.pin }, f.services.openSession())).toMatchObject({ ok: false, error: { code: 'unauthorized' } })
  })

  it('refuses every staff call in customer mode, and returns to staff mode only with a PIN', async () => {
    const f = await startStaffServices()
    const session = await signedIn(f, f.pin)
    expect(await f.call('session.setMode', { mode: 'customer' }, session)).toMatchObject({ ok: true, value: { mode: 'customer', signedIn: false } })
    expect(session.actor).toBeNull()
    const staffOnly = callNames.filter((n) => !customerModeCalls.has(n))
    expect(staffOnly.length).toBeGreaterThan(8)
    for (const name of staffOnly) {
      // Whatever the input: refused before it is even read.
      expect(await f.call(name, {}, session), name).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    }
    expect(await f.call('session.setMode', { mode: 'staff' }, session)).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(await f.call('session.setMode', { mode: 'staff', pin: wrongPin(f.pin) }, session)).toMatchObject({ ok: false, error: { code: 'unauthorized' } })
    expect(session.mode).toBe('customer')
    expect(await f.call('session.setMode', { mode: 'staff', pin: f.pin }, session)).toMatchObject({ ok: true, value: { mode: 'staff', signedIn: true } })
    expect(await f.call('cases.today', {}, session)).toMatchObject({ ok: true })
  })

  it('records the signed-in staff member as the actor of case events', async () => {
    const f = await startStaffServices()
    const boss = await signedIn(f, f.pin)
    const added = (await f.call('staff.add', { name: 'Noé', role: 'staff' }, boss)) as { ok: true; value: StaffPinResult }
    const noe = await signedIn(f, added.value.generatedPin!)
    const orders = (await f.call('orders.search', { query: 'BM', limit: 2 }, noe)) as { ok: true; value: Array<{ orderNumber: string }> }
    const [a, b] = orders.value
    const byNoe = (await f.call('cases.start', { orderNumber: a!.orderNumber, via: 'search' }, noe)) as { ok: true; value: CaseSummary }
    const byBoss = (await f.call('cases.start', { orderNumber: b!.orderNumber, via: 'search' }, boss)) as { ok: true; value: CaseSummary }
    const actors = async (caseId: string) =>
      ((await f.call('cases.get', { caseId }, boss)) as { ok: true; value: CaseDetail }).value.events.map((e) => e.actor)
    expect(await actors(byNoe.value.id)).toEqual([noe.actor, noe.actor])
    expect(await actors(byBoss.value.id)).toEqual([boss.actor, boss.actor])
    expect(byNoe.value.startedBy).toBe(added.value.staff.id)
  })
})
