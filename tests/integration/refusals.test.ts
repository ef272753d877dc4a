// A refusal ends the intake where it happens, through the service calls: no further evidence
// is recorded on a refused case, and only its next actions work (change the case type, a
// supervisor's override, a hold for the customer's return, close as refused). Refused and held
// cases are listed as needing a supervisor.
import { describe, expect, it } from 'vitest'
import type { CaseListItem } from '@shared/contract/intake-views'
import { jpeg, order, startIntake } from '../support/intake-fixture'
import { assess, takePhotos } from '../support/intake-steps'

/** A withdrawal delivered 53 days before the fixture's today (23 Nov): past its 30 days. */
const lateWithdrawal = (i: number) =>
  order(i, { category: 'smartphone', caseType: 'withdrawal' }, (o) => {
    o.deliveredAt = '2026-10-01'
    o.returnRequest!.requestedAt = '2026-11-20T10:00:00Z'
  })

/** A trade-in of a phone, offer 8 days ago. */
const tradeIn = (i: number) =>
  order(i, { category: 'smartphone', caseType: 'trade_in' }, (o) => {
    o.returnRequest!.requestedAt = '2026-11-16T10:00:00Z'
    o.tradeIn!.offerAt = '2026-11-15T10:00:00Z'
  })

describe('a refusal ends the intake', () => {
  it('a withdrawal past its window records no photo, backup, account or PIN; the screen stays at the verdict', async () => {
    const r = lateWithdrawal(11)
    const f = await startIntake([r])
    const caseId = await f.start(r)
    const refused = await assess(f, r, caseId)
    expect(refused.detail.intake.progress).toMatchObject({ next: 'eligibility', blocked: { kind: 'refused', reason: 'not_eligible' } })
    const photo = await f.fails('photos.capture', { caseId, purpose: 'condition', shot: 'screen_off', mime: 'image/jpeg', data: jpeg(1) }, f.staff)
    expect(photo).toMatchObject({ code: 'illegal_transition', details: { reason: 'refused' } })
    for (const [call, input] of [
      ['intake.backup', { kind: 'backed_up_and_removed' }],
      ['intake.accountDisconnected', { accounts: ['apple_find_my'], proof: 'staff_confirmed' }],
      ['intake.skipPin', { reason: 'no_lock' }],
      ['intake.completeEvidence', {}],
    ] as const) {
      const e = await f.fails(call, { caseId, ...input }, f.staff)
      expect(e, call).toMatchObject({ code: 'illegal_transition', details: { reason: 'refused', refusal: 'not_eligible' } })
      expect(e.message).toMatch(/Change the case type .* close it as refused/)
    }
    const events = (await f.ok<{ events: { type: string }[] }>('cases.get', { caseId }, f.staff)).events.map((e) => e.type)
    expect(events).toEqual(['case.started', 'order.verified', 'device.identified', 'eligibility.decided'])
  })

  it('changing the case type (withdrawal to warranty repair) lifts the refusal', async () => {
    const r = lateWithdrawal(12)
    const f = await startIntake([r])
    const caseId = await f.start(r)
    expect((await assess(f, r, caseId)).detail.state.eligibility).toMatchObject({ suggestedCaseType: 'warranty_repair' })
    await f.ok('intake.retype', { caseId, caseType: 'warranty_repair', reason: 'window_passed' }, f.staff)
    const covered = await f.ok('intake.decideEligibility', { caseId }, f.staff)
    expect(covered.detail.intake.progress.blocked).toBeNull()
    expect((await takePhotos(f, caseId, 10)).detail.intake.evidence.missing).not.toContain('photos')
  })

  it('a supervisor overrides a refusal with their PIN and a reason, recorded; staff cannot', async () => {
    const r = tradeIn(13)
    const f = await startIntake([r])
    const caseId = await f.start(r)
    await assess(f, r, caseId)
    await f.ok('intake.accountStillLocked', { caseId, accounts: ['apple_find_my'] }, f.staff)
    expect(await f.fails('intake.backup', { caseId, kind: 'backed_up_and_removed' }, f.staff)).toMatchObject({ details: { reason: 'refused', refusal: 'device_locked' } })
    const override = { caseId, subject: 'refusal', reason: 'Refurbisher accepts it locked, parts value' }
    expect(await f.fails('intake.override', { ...override, supervisorPin: f.staffPin }, f.staff)).toMatchObject({ code: 'forbidden' })
    const done = await f.ok('intake.override', { ...override, supervisorPin: f.supervisorPin }, f.staff)
    expect(done.detail.intake.progress.blocked).toBeNull()
    expect(done.detail.events.at(-1)).toMatchObject({ type: 'supervisor.override', payload: { supervisor: f.boss.actor, subject: 'refusal', reason: override.reason } })
    await f.ok('intake.backup', { caseId, kind: 'backed_up_and_removed' }, f.staff)
    // A later refusal is not covered by the earlier override.
    const minor = await f.ok('intake.checkAge', { caseId, method: 'date_of_birth', dateOfBirth: '2012-01-01' }, f.staff)
    expect(minor.detail.intake.progress.blocked).toEqual({ kind: 'refused', reason: 'under_18' })
  })

  it('a hold for the customer\'s return resumes at the refusal; the account recorded again lifts it', async () => {
    const r = tradeIn(14)
    const f = await startIntake([r])
    const caseId = await f.start(r)
    await assess(f, r, caseId)
    await f.ok('intake.accountStillLocked', { caseId, accounts: ['apple_find_my'] }, f.staff)
    const held = await f.ok('intake.hold', { caseId, reason: 'waiting_for_customer', note: 'The customer signs out of the account and comes back' }, f.staff)
    expect(held.detail.state).toMatchObject({ status: 'on_hold', hold: { reason: 'waiting_for_customer', needsSupervisor: false } })
    expect(await f.fails('intake.accountDisconnected', { caseId, accounts: ['apple_find_my'], proof: 'staff_confirmed' }, f.staff)).toMatchObject({ details: { reason: 'on_hold' } })
    const waiting = await f.ok<CaseListItem[]>('cases.list', { needsSupervisor: true }, f.staff)
    expect(waiting.map((c) => [c.id, c.holdReason])).toEqual([[caseId, 'waiting_for_customer']])

    const back = await f.ok('intake.resume', { caseId }, f.staff)
    expect(back.detail.intake.progress).toMatchObject({ next: 'account', blocked: { kind: 'refused', reason: 'device_locked' } })
    const signedOut = await f.ok('intake.accountDisconnected', { caseId, accounts: ['apple_find_my'], proof: 'staff_confirmed' }, f.staff)
    expect(signedOut.detail.intake.progress.blocked).toBeNull()
    expect(signedOut.detail.intake.progress.next).toBe('photos')
  })

  it('close as refused hands the device back; only a refused case can be closed so; Today lists refused cases', async () => {
    const r = lateWithdrawal(15)
    const ok = tradeIn(16)
    const f = await startIntake([r, ok])
    const caseId = await f.start(r)
    await assess(f, r, caseId)
    const fine = await f.start(ok)
    await assess(f, ok, fine)
    expect(await f.fails('intake.closeRefused', { caseId: fine }, f.staff)).toMatchObject({ code: 'conflict' })
    expect(await f.fails('intake.cancel', { caseId: fine, reason: 'refused' }, f.staff)).toMatchObject({ details: { reason: 'not_applicable' } })

    const listed = await f.ok<CaseListItem[]>('cases.list', { needsSupervisor: true }, f.staff)
    expect(listed.map((c) => [c.id, c.refusal])).toEqual([[caseId, 'not_eligible']])

    const closed = await f.ok('intake.closeRefused', { caseId }, f.staff)
    expect(closed.detail.state).toMatchObject({ status: 'cancelled', cancelled: { reason: 'refused', refusal: 'not_eligible', from: 'eligibility_decided' } })
    expect(await f.fails('intake.backup', { caseId, kind: 'backed_up_and_removed' }, f.staff)).toMatchObject({ details: { reason: 'closed' } })
    const today = await f.ok<CaseListItem[]>('cases.list', {}, f.staff)
    expect(today.find((c) => c.id === caseId)).toMatchObject({ closedRefused: 'not_eligible', needsSupervisor: false })
    expect(await f.ok<CaseListItem[]>('cases.list', { needsSupervisor: true }, f.staff)).toEqual([])
  })
})
