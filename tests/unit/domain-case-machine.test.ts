import { describe, expect, it } from 'vitest'
import { nextEventTypes, reduceCase, replayCase, whyNot } from '@shared/domain/case-machine'
import { caseFlags, effectiveEligibility, refusalOf } from '@shared/domain/case-derived'
import { categoryShots } from '@shared/domain/photo-sets'
import { packingChecklist } from '@shared/domain/packing'
import { CaseDriver, decidedCase, sha, verifiedCase } from '../support/case-driver'

const UPS = '1Z999AA10123456784'

function captureEvidence(d: CaseDriver): void {
  categoryShots.smartphone.forEach((shot, i) => d.record('photo.captured', { shot, sha256: sha(i + 1), size: 1000, mime: 'image/jpeg' }))
  d.record('backup.confirmed', { kind: 'backed_up_and_removed', confirmedBy: 'customer' })
  d.record('account.disconnected', { accounts: ['apple_find_my'], proof: 'photo', photoSha256: sha(99) })
  d.record('pin.provided', { kind: 'pin' })
}

function pack(d: CaseDriver): void {
  for (const item of packingChecklist(d.s.caseType)) d.record('packing.item_checked', { item })
  d.record('slip.recorded', { via: 'printed' })
  d.record('package.photographed', { shot: 'package_inside', sha256: sha(201), size: 900, mime: 'image/jpeg' })
  d.record('package.photographed', { shot: 'package_outside', sha256: sha(202), size: 900, mime: 'image/jpeg' })
  d.record('packed', {})
}

describe('the case state machine: the main line', () => {
  it('keeps case.started + order.verified -> verified (what cases.start records)', () => {
    const d = verifiedCase()
    expect(d.s).toMatchObject({ status: 'verified', caseNumber: 'K1-261005-001', orderNumber: 'BM-1', verifiedBy: 'staff-1', lastSeq: 2 })
  })

  it('walks a smartphone warranty repair from start to handed over', () => {
    const d = decidedCase()
    expect(d.s.status).toBe('eligibility_decided')
    captureEvidence(d)
    expect(d.s.status).toBe('eligibility_decided')
    d.record('evidence.completed', {})
    expect(d.s.status).toBe('evidence_captured')
    pack(d)
    expect(d.s.status).toBe('packed')
    d.record('tracking.bound', { carrier: 'UPS', trackingNumber: UPS })
    expect(d.s.status).toBe('labelled')
    d.record('handed_over', { batchId: 'B-1', carrier: 'ups', localDate: '2026-10-05' })
    expect(d.s.status).toBe('handed_over')
    expect(nextEventTypes(d.s)).toEqual([])
    // The projection can be rebuilt from the log alone.
    expect(replayCase(d.events)).toEqual(d.s)
  })

  it('refuses the first event unless it is case.started, and case.started twice', () => {
    const d = new CaseDriver()
    expect(d.refused('order.verified', { orderNumber: 'BM-1' }).reason).toBe('not_started')
    expect(nextEventTypes(null)).toEqual(['case.started'])
    d.record('case.started', { caseNumber: 'N', orderNumber: 'BM-1', caseType: 'withdrawal', via: 'search', category: 'tablet' })
    expect(d.s.category).toBe('tablet')
    expect(d.refused('case.started', { caseNumber: 'N', orderNumber: 'BM-1', caseType: 'withdrawal', via: 'search' }).reason).toBe('wrong_status')
  })

  it('says what to do next in the refusal message', () => {
    const err = verifiedCase().refused('evidence.completed', {})
    expect(err.message).toBe('"evidence.completed" cannot follow a case that is verified: this step is not due yet: finish the current step first')
    expect(decidedCase().refused('photo.skipped', { shot: 'back', reason: 'device_dead' }).message).toMatch(/only "screen on" may be skipped/)
  })

  it('refuses an event out of sequence', () => {
    const d = verifiedCase()
    const event = { ...d.events[1]!, type: 'case.put_on_hold' as const, payload: { reason: 'other' as const }, caseSeq: 5 }
    expect(() => reduceCase(d.s, event)).toThrow(/out of order/)
  })

  it.each([
    ['eligibility.decided before the device is identified', 'identity_missing'],
  ])('%s: %s', (_label, reason) => {
    expect(whyNot(verifiedCase().s, 'eligibility.decided')?.reason).toBe(reason)
  })

  it('evidence.completed waits for every part, and says so', () => {
    const d = decidedCase()
    expect(whyNot(d.s, 'evidence.completed')?.reason).toBe('evidence_incomplete')
    expect(nextEventTypes(d.s)).not.toContain('evidence.completed')
    captureEvidence(d)
    expect(nextEventTypes(d.s)).toContain('evidence.completed')
  })

  it('packed waits for every checklist item, the slip and both package photos', () => {
    const d = decidedCase()
    captureEvidence(d)
    d.record('evidence.completed', {})
    d.record('packing.item_checked', { item: 'strong_box' })
    expect(d.refused('packed', {}).reason).toBe('packing_incomplete')
    expect(d.refused('packing.item_checked', { item: 'original_packaging_kept' }).reason).toBe('not_applicable')
  })
})

describe('holds, supervisor overrides, refusals', () => {
  it('an IMEI mismatch puts the case on hold until a supervisor resolves it', () => {
    const d = verifiedCase()
    d.record('device.identified', { category: 'smartphone', imei: '490154203237518', imeiMatch: 'mismatch', serialMatch: 'not_entered' })
    expect(d.s.status).toBe('on_hold')
    expect(d.s.hold).toMatchObject({ reason: 'identity_mismatch', resumeTo: 'verified', needsSupervisor: true })
    expect(nextEventTypes(d.s)).toEqual(['supervisor.override', 'case.cancelled'])
    expect(d.refused('photo.captured', { shot: 'back', sha256: sha(1), size: 1, mime: 'image/jpeg' }).reason).toBe('on_hold')
    expect(d.refused('case.resumed', {}).reason).toBe('needs_supervisor')
    expect(d.refused('supervisor.override', { supervisor: 'sup-1', subject: 'eligibility', verdict: 'covered', reason: 'checked' }).reason).toBe('override_subject')
    d.record('supervisor.override', { supervisor: 'sup-1', subject: 'identity_mismatch', reason: 'IMEI on the invoice is a typo' })
    expect([d.s.status, d.s.hold, d.s.overrides.at(-1)?.supervisor]).toEqual(['verified', undefined, 'sup-1'])
  })

  it('a late damaged-on-arrival report holds for a supervisor, whose override decides the verdict', () => {
    const d = verifiedCase({ caseType: 'damaged_on_arrival' })
    d.record('device.identified', { category: 'smartphone', imei: '356938035643809', imeiMatch: 'match', serialMatch: 'not_entered' })
    d.record('eligibility.decided', {
      verdict: 'needs_supervisor',
      outcome: 'hold_for_supervisor',
      reasons: [{ code: 'window_passed', params: { window: 'damaged_on_arrival', deadline: '2026-10-07', days: 4, limit: 3 } }],
      window: null,
      label: null,
      returnShippingPaidBySeller: true,
      counteroffer: false,
    })
    expect(d.s.hold).toMatchObject({ reason: 'eligibility_review', resumeTo: 'eligibility_decided' })
    expect(d.refused('supervisor.override', { supervisor: 'sup-1', subject: 'hold', reason: 'just resume' }).reason).toBe('override_subject')
    d.record('supervisor.override', { supervisor: 'sup-1', subject: 'eligibility', verdict: 'covered', reason: 'carrier confirmed the damage' })
    expect(d.s.status).toBe('eligibility_decided')
    expect(effectiveEligibility(d.s)).toEqual({ verdict: 'covered', outcome: 'proceed', returnShippingPaidBySeller: true, overridden: true })
  })

  it('refuses a decision whose outcome does not follow from its verdict', () => {
    const d = verifiedCase()
    d.record('device.identified', { category: 'other', imeiMatch: 'not_entered', serialMatch: 'no_reference', serial: 'X1' })
    const bad = { verdict: 'covered' as const, outcome: 'refuse' as const, reasons: [], window: null, label: null, returnShippingPaidBySeller: true, counteroffer: false }
    expect(d.refused('eligibility.decided', bad).reason).toBe('inconsistent_decision')
  })

  it('a supervisor may override an exclusion on a decided case', () => {
    const d = verifiedCase()
    d.record('device.identified', { category: 'smartphone', imei: '356938035643809', imeiMatch: 'match', serialMatch: 'not_entered' })
    d.record('exclusion.observed', { exclusion: 'liquid_damage', evidence: [{ shot: 'liquid_indicator', sha256: sha(7) }] })
    d.record('eligibility.decided', {
      verdict: 'not_covered',
      outcome: 'proceed_at_customer_cost',
      reasons: [{ code: 'exclusion_observed', params: { exclusion: 'liquid_damage' } }],
      window: null,
      label: null,
      returnShippingPaidBySeller: false,
      counteroffer: false,
    })
    expect(caseFlags(d.s, '2026-10-05').customerPaysShipping).toBe(true)
    d.record('supervisor.override', { supervisor: 'sup-1', subject: 'eligibility', verdict: 'covered', reason: 'indicator is a sticker residue' }, 'staff-1')
    expect(caseFlags(d.s, '2026-10-05').customerPaysShipping).toBe(false)
    expect(d.s.overrides[0]).toMatchObject({ supervisor: 'sup-1', by: 'staff-1', subject: 'eligibility' })
  })

  it('staff holds are resumed by staff, at the status they left', () => {
    const d = decidedCase()
    d.record('case.put_on_hold', { reason: 'waiting_for_customer', note: 'went to fetch the charger' })
    expect(d.s.hold).toMatchObject({ needsSupervisor: false, resumeTo: 'eligibility_decided' })
    expect(d.refused('case.put_on_hold', { reason: 'other' }).reason).toBe('on_hold')
    d.record('case.resumed', {})
    expect([d.s.status, d.s.hold]).toEqual(['eligibility_decided', undefined])
  })

  it('a supervisor hold (a locked device, an expired label) is released by a supervisor only', () => {
    const d = decidedCase()
    d.record('case.put_on_hold', { reason: 'label_expired' })
    expect(d.refused('case.resumed', {}).reason).toBe('needs_supervisor')
    d.record('supervisor.override', { supervisor: 'sup-1', subject: 'hold', reason: 'new label requested' })
    expect(d.s.status).toBe('eligibility_decided')
  })

  it.each([
    ['a device still locked to its account', (d: CaseDriver) => d.record('account.still_locked', { accounts: ['google'] }), 'device_locked'],
    ['under 18', (d: CaseDriver) => d.record('age.checked', { method: 'date_of_birth', adult: false }), 'under_18'],
    ['without the mandatory charger', (d: CaseDriver) => d.record('accessories.recorded', { included: ['cable'], mandatory: ['charger', 'cable'] }), 'accessories_missing'],
  ])('a trade-in %s is refused: no evidence commit, cancel or fix it', (_label, act, reason) => {
    const d = decidedCase({ caseType: 'trade_in' })
    act(d)
    expect(refusalOf(d.s)).toBe(reason)
    expect(whyNot(d.s, 'evidence.completed')?.reason).toBe('refused')
    d.record('case.cancelled', { reason: 'refused' })
    expect(d.s.cancelled).toMatchObject({ reason: 'refused', from: 'eligibility_decided' })
    expect(nextEventTypes(d.s)).toEqual([])
  })

  it('the same locked device in a repair is accepted, flagged for a delayed refund', () => {
    const d = decidedCase()
    d.record('account.still_locked', { accounts: ['apple_find_my'] })
    expect(refusalOf(d.s)).toBeNull()
    expect(caseFlags(d.s, '2026-10-05').refundDelayed).toBe(true)
  })

  it('a locked trade-in unlocked on the spot supersedes the refusal', () => {
    const d = decidedCase({ caseType: 'trade_in' })
    d.record('account.still_locked', { accounts: ['google'] })
    d.record('account.disconnected', { accounts: ['google'], proof: 'staff_confirmed' })
    expect(refusalOf(d.s)).toBeNull()
  })

  it('the age check is for trade-ins only', () => {
    expect(whyNot(decidedCase().s, 'age.checked')?.reason).toBe('not_applicable')
  })
})
