// Scenarios (b) and (c) of issue #3 through the service calls: a trade-in of a phone still
// locked to an account is refused for trade-in with the reason; a damaged-on-arrival report
// 4 business days after delivery needs a supervisor, whose override is recorded with their PIN.
import { describe, expect, it } from 'vitest'
import type { CaseListItem } from '@shared/contract/intake-views'
import { order, startIntake } from '../support/intake-fixture'
import { assess, takePhotos } from '../support/intake-steps'

describe('intake decisions', () => {
  it('refuses the trade-in of a phone still locked to an account, with the reason', async () => {
    const r = order(3, { category: 'smartphone', caseType: 'trade_in' }, (o) => {
      o.returnRequest!.requestedAt = '2026-11-16T10:00:00Z'
      o.tradeIn!.offerAt = '2026-11-15T10:00:00Z'
    })
    const f = await startIntake([r])
    const caseId = await f.start(r)
    const verdict = await assess(f, r, caseId)
    expect(verdict.detail.intake.eligibility).toMatchObject({ verdict: 'covered' })
    await takePhotos(f, caseId, 0)
    await f.ok('intake.backup', { caseId, kind: 'backed_up_and_removed' }, f.staff)
    const locked = await f.ok('intake.accountStillLocked', { caseId, accounts: ['apple_find_my'] }, f.staff)
    expect(locked.notice).toMatch(/cannot be traded in/)
    // The refusal ends the intake there: the next steps are refused until it is resolved.
    expect(await f.fails('intake.skipPin', { caseId, reason: 'customer_declined' }, f.staff)).toMatchObject({ details: { reason: 'refused', refusal: 'device_locked' } })

    const detail = (await f.ok('cases.get', { caseId }, f.staff)) as unknown as { intake: { progress: { blocked: unknown }; flags: { refusal: string } } }
    expect(detail.intake.progress.blocked).toEqual({ kind: 'refused', reason: 'device_locked' })
    expect(detail.intake.flags.refusal).toBe('device_locked')
    const refused = await f.fails('intake.completeEvidence', { caseId }, f.staff)
    expect(refused).toMatchObject({ code: 'illegal_transition', details: { reason: 'refused', refusal: 'device_locked' } })
    expect(refused.message).toMatch(/still locked to an account: a trade-in cannot be accepted/)
    // The customer removes the account after all: the refusal goes away.
    const unlocked = await f.ok('intake.accountDisconnected', { caseId, accounts: ['apple_find_my'], proof: 'staff_confirmed' }, f.staff)
    expect(unlocked.detail.intake.flags.refusal).toBeNull()
    await f.ok('intake.skipPin', { caseId, reason: 'customer_declined' }, f.staff)
    await f.ok('intake.accessories', { caseId, included: ['cable'] }, f.staff)
    await f.ok('intake.checkAge', { caseId, method: 'date_of_birth', dateOfBirth: '1990-04-02' }, f.staff)
    expect((await f.ok('intake.completeEvidence', { caseId }, f.staff)).detail.state.status).toBe('evidence_captured')
  })

  it('puts a damage report 4 business days late on hold for a supervisor, who overrides it with their PIN', async () => {
    // Delivered Tuesday 17 Nov; Monday 23 Nov is the 4th business day after (the limit is 3).
    const r = order(2, { category: 'smartphone', caseType: 'damaged_on_arrival' }, (o) => {
      o.orderDate = '2026-11-13'
      o.deliveredAt = '2026-11-17'
      o.returnRequest!.requestedAt = '2026-11-22T10:00:00Z'
    })
    const f = await startIntake([r])
    const caseId = await f.start(r)
    const held = await assess(f, r, caseId)
    expect(held.detail.state.eligibility).toMatchObject({ verdict: 'needs_supervisor', outcome: 'hold_for_supervisor' })
    expect(held.detail.state.eligibility?.window).toMatchObject({ window: 'damaged_on_arrival', within: false, days: 4, limit: 3, deadline: '2026-11-20' })
    expect(held.detail.state.status).toBe('on_hold')
    expect(held.detail.intake.progress.blocked).toEqual({ kind: 'on_hold', reason: 'eligibility_review', needsSupervisor: true })

    const waiting = await f.ok<CaseListItem[]>('cases.list', { needsSupervisor: true }, f.staff)
    expect(waiting.map((c) => c.id)).toEqual([caseId])
    expect(await f.ok<CaseListItem[]>('cases.list', { needsSupervisor: false }, f.staff)).toEqual([])
    expect(await f.ok<CaseListItem[]>('cases.list', { caseType: ['trade_in'] }, f.staff)).toEqual([])
    expect((await f.ok<CaseListItem[]>('cases.list', { status: ['on_hold'] }, f.staff))[0]).toMatchObject({ holdReason: 'eligibility_review', nextStep: 'eligibility' })

    // Staff cannot resume it, nor override with their own PIN; a wrong PIN is refused.
    expect(await f.fails('intake.resume', { caseId }, f.staff)).toMatchObject({ code: 'illegal_transition', details: { reason: 'needs_supervisor' } })
    const override = { caseId, subject: 'eligibility', verdict: 'covered', reason: 'Carrier delay confirmed by the tracking history' }
    expect(await f.fails('intake.override', { ...override, supervisorPin: f.staffPin }, f.staff)).toMatchObject({ code: 'forbidden' })
    expect((await f.fails('intake.override', { ...override, supervisorPin: '000000' }, f.staff)).code).toMatch(/unauthorized|forbidden/)
    const done = await f.ok('intake.override', { ...override, supervisorPin: f.supervisorPin }, f.staff)
    expect(done.detail.state.status).toBe('eligibility_decided')
    expect(done.detail.intake.eligibility).toMatchObject({ verdict: 'covered', outcome: 'proceed', overridden: true })
    const event = done.detail.events.at(-1)!
    expect(event).toMatchObject({ type: 'supervisor.override', actor: f.staff.actor, payload: { supervisor: f.boss.actor, subject: 'eligibility', verdict: 'covered' } })
    expect(JSON.stringify(done.detail.events)).not.toContain(f.supervisorPin)
  })
})

describe('intake: retype, cancel and the counter holidays', () => {
  it('retypes a late withdrawal into a repair, counts configured holidays, lists and cancels cases', async () => {
    const late = order(4, { category: 'smartphone', caseType: 'withdrawal' }, (o) => {
      o.deliveredAt = '2026-10-01'
      o.returnRequest!.requestedAt = '2026-11-20T10:00:00Z'
    })
    // Delivered Tuesday 17 Nov; with Thursday 19 Nov a holiday, Monday 23 is the 3rd business day.
    const damaged = order(5, { category: 'smartphone', caseType: 'damaged_on_arrival' }, (o) => {
      o.deliveredAt = '2026-11-17'
      o.returnRequest!.requestedAt = '2026-11-22T10:00:00Z'
    })
    const f = await startIntake([late, damaged])
    expect(await f.fails('counter.setHolidays', { dates: ['2026-11-19'] }, f.staff)).toMatchObject({ code: 'forbidden' })
    expect(await f.ok<string[]>('counter.setHolidays', { dates: ['2026-12-25', '2026-11-19'] }, f.boss)).toEqual(['2026-11-19', '2026-12-25'])
    expect(await f.ok<string[]>('counter.holidays', {}, f.staff)).toEqual(['2026-11-19', '2026-12-25'])

    const doa = await f.start(damaged)
    const covered = await assess(f, damaged, doa)
    expect(covered.detail.state.eligibility).toMatchObject({ verdict: 'covered', window: { within: true, days: 3, deadline: '2026-11-23' } })
    expect(covered.detail.intake.eligibilityInputs).toMatchObject({ holidays: ['2026-11-19', '2026-12-25'], today: '2026-11-23', deliveredAt: '2026-11-17' })
    expect((await f.fails('intake.completeEvidence', { caseId: doa }, f.staff)).message).toMatch(/still missing photos, backup, account, pin \(photos: packaging, shipping_label/)

    const caseId = await f.start(late)
    const refused = await assess(f, late, caseId)
    expect(refused.detail.state.eligibility).toMatchObject({ verdict: 'not_covered', outcome: 'refuse', suggestedCaseType: 'warranty_repair' })
    expect(refused.detail.intake.progress.blocked).toEqual({ kind: 'refused', reason: 'not_eligible' })
    const retyped = await f.ok('intake.retype', { caseId, caseType: 'warranty_repair', reason: 'window_passed' }, f.staff)
    expect(retyped.detail.state).toMatchObject({ caseType: 'warranty_repair', status: 'verified', eligibility: { stale: true } })
    expect((await f.ok('intake.decideEligibility', { caseId }, f.staff)).detail.intake.eligibility).toMatchObject({ verdict: 'covered' })

    const cancelled = await f.ok('intake.cancel', { caseId, reason: 'customer_withdrew', note: 'Keeps the phone after all' }, f.staff)
    expect(cancelled.detail.state).toMatchObject({ status: 'cancelled', cancelled: { reason: 'customer_withdrew', from: 'eligibility_decided' } })
    expect(await f.fails('intake.backup', { caseId, kind: 'backed_up_and_removed' }, f.staff)).toMatchObject({ code: 'illegal_transition', details: { reason: 'closed' } })
    const list = await f.ok<CaseListItem[]>('cases.list', { status: ['cancelled'] }, f.staff)
    expect(list.map((c) => c.id)).toEqual([caseId])
    expect((await f.ok<CaseListItem[]>('cases.list', { scope: 'open' }, f.staff)).map((c) => c.id)).toEqual([doa])
    expect((await f.ok<CaseListItem[]>('cases.list', { caseType: ['damaged_on_arrival'] }, f.staff)).map((c) => c.id)).toEqual([doa])
  })
})
