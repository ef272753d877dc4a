// Back-navigation, duplicates and labels: nothing recorded is lost or duplicated.
import { describe, expect, it } from 'vitest'
import { caseEventPayloads } from '@shared/domain/case-events'
import { nextEventTypes, reduceCase, type CaseState } from '@shared/domain/case-machine'
import { caseFlags, effectiveEligibility } from '@shared/domain/case-derived'
import { categoryShots } from '@shared/domain/photo-sets'
import { packingChecklist } from '@shared/domain/packing'
import { CaseDriver, decidedCase, sha, verifiedCase } from '../support/case-driver'

const UPS = '1Z999AA10123456784'
const NEW_UPS = '1Z999AA10123456793'
const photo = (n: number) => ({ sha256: sha(n), size: 1000, mime: 'image/jpeg' as const })

function toPacked(d: CaseDriver): void {
  categoryShots.smartphone.forEach((shot, i) => d.record('photo.captured', { shot, ...photo(i + 1) }))
  d.record('backup.confirmed', { kind: 'backed_up_and_removed', confirmedBy: 'customer' })
  d.record('account.disconnected', { accounts: ['apple_find_my'], proof: 'staff_confirmed' })
  d.record('pin.skipped', { reason: 'lock_removed' })
  d.record('evidence.completed', {})
  for (const item of packingChecklist(d.s.caseType)) d.record('packing.item_checked', { item })
  d.record('slip.recorded', { via: 'printed' })
  d.record('package.photographed', { shot: 'package_inside', ...photo(201) })
  d.record('package.photographed', { shot: 'package_outside', ...photo(202) })
  d.record('packed', {})
}

describe('re-recording a step before its commit supersedes by key; the same datum twice is refused', () => {
  it('a retaken photo replaces the previous one of that shot', () => {
    const d = decidedCase()
    d.record('photo.captured', { shot: 'back', ...photo(1) })
    d.record('photo.captured', { shot: 'back', ...photo(2) })
    expect(Object.keys(d.s.photos)).toEqual(['back'])
    expect(d.s.photos.back).toMatchObject({ sha256: sha(2), seq: d.s.lastSeq })
    expect(d.refused('photo.captured', { shot: 'back', ...photo(2) }).reason).toBe('duplicate')
  })

  it('"screen on" may be skipped with a reason; a later photo replaces the skip, a skip replaces the photo', () => {
    const d = decidedCase()
    expect(d.refused('photo.skipped', { shot: 'back', reason: 'device_dead' }).reason).toBe('shot_not_skippable')
    d.record('photo.skipped', { shot: 'screen_on', reason: 'device_dead' })
    expect(d.refused('photo.skipped', { shot: 'screen_on', reason: 'device_dead' }).reason).toBe('duplicate')
    d.record('photo.captured', { shot: 'screen_on', ...photo(3) })
    expect([Object.keys(d.s.skippedShots), Object.keys(d.s.photos)]).toEqual([[], ['screen_on']])
    d.record('photo.skipped', { shot: 'screen_on', reason: 'screen_broken' })
    expect([Object.keys(d.s.skippedShots), Object.keys(d.s.photos)]).toEqual([['screen_on'], []])
  })

  it('refuses a shot that is not in the device plan', () => {
    const d = decidedCase({ category: 'computer' })
    expect(d.refused('photo.captured', { shot: 'strap_top', ...photo(1) }).reason).toBe('shot_not_in_plan')
    d.record('photo.captured', { shot: 'left_open', ...photo(1) })
  })

  it('an exclusion needs its evidence; observed after the verdict, it sends the case back to decide again', () => {
    const d = decidedCase()
    expect(d.refused('exclusion.observed', { exclusion: 'physical_damage', evidence: [{ shot: 'damage_closeup', sha256: sha(5) }] }).reason).toBe('exclusion_evidence_missing')
    d.record('exclusion.observed', { exclusion: 'third_party_opened', evidence: [{ shot: 'opening_marks', sha256: sha(5) }] })
    expect([d.s.status, d.s.eligibility?.stale, effectiveEligibility(d.s)]).toEqual(['verified', true, null])
    expect(nextEventTypes(d.s)).toContain('eligibility.decided')
    d.record('exclusion.withdrawn', { exclusion: 'third_party_opened', note: 'original screws' })
    expect(d.refused('exclusion.withdrawn', { exclusion: 'third_party_opened' }).reason).toBe('not_recorded')
  })

  it('a changed case type makes the verdict stale; the same type is a duplicate', () => {
    const d = decidedCase({ caseType: 'withdrawal' })
    expect(d.refused('case.retyped', { caseType: 'withdrawal', reason: 'staff_correction' }).reason).toBe('duplicate')
    d.record('case.retyped', { caseType: 'warranty_repair', reason: 'window_passed' })
    expect([d.s.caseType, d.s.status]).toEqual(['warranty_repair', 'verified'])
  })

  it('backup "no personal storage" is for "other" devices only', () => {
    expect(decidedCase().refused('backup.confirmed', { kind: 'no_personal_storage', confirmedBy: 'staff' }).reason).toBe('not_applicable')
    decidedCase({ category: 'other' }).record('backup.confirmed', { kind: 'no_personal_storage', confirmedBy: 'staff' })
  })
})

describe('after a commit, a step is reopened explicitly or not at all', () => {
  it('refuses evidence once it is committed, until step.reopened', () => {
    const d = decidedCase()
    toPacked(d)
    const err = d.refused('photo.captured', { shot: 'back', ...photo(50) })
    expect([err.reason, err.from]).toEqual(['step_committed', 'packed'])
    expect(d.refused('eligibility.decided', d.events.find((e) => e.type === 'eligibility.decided')!.payload as never).reason).toBe('step_committed')
    expect(d.refused('step.reopened', { step: 'label', reason: 'not bound yet' }).reason).toBe('step_not_committed')
    d.record('step.reopened', { step: 'evidence', reason: 'blurred back photo' })
    expect([d.s.status, d.s.evidenceCompletedAt, d.s.packedAt]).toEqual(['eligibility_decided', undefined, undefined])
    d.record('photo.captured', { shot: 'back', ...photo(50) })
    // Nothing else was lost: the packing ticks are still there, the commits are made again.
    expect(Object.keys(d.s.packing.checked)).toHaveLength(packingChecklist('warranty_repair').length)
    d.record('evidence.completed', {})
    d.record('packed', {})
    expect(d.s.status).toBe('packed')
  })

  it('reopening the assessment makes the verdict stale', () => {
    const d = decidedCase()
    toPacked(d)
    d.record('step.reopened', { step: 'assessment', reason: 'wrong device category' })
    expect([d.s.status, effectiveEligibility(d.s)]).toEqual(['verified', null])
  })

  it('refuses everything but cancel on a closed case, and cancel twice', () => {
    const d = verifiedCase()
    d.record('case.cancelled', { reason: 'customer_withdrew' })
    expect(d.refused('case.cancelled', { reason: 'other' }).reason).toBe('closed')
    expect(d.refused('step.reopened', { step: 'assessment', reason: 'oops' }).reason).toBe('closed')
  })
})

describe('labels: an expired label blocks the hand-over until a new one', () => {
  it('expired on the pickup date: refused; a new label, bound, lets it go', () => {
    const d = decidedCase() // the order label was requested 2026-10-01: valid until 2026-10-15
    toPacked(d)
    d.record('tracking.bound', { carrier: 'UPS', trackingNumber: UPS })
    expect(caseFlags(d.s, '2026-10-15').labelExpired).toBe(false)
    expect(caseFlags(d.s, '2026-10-16').labelExpired).toBe(true)
    expect(d.refused('handed_over', { batchId: 'B-1', carrier: 'UPS', localDate: '2026-10-16' }).reason).toBe('label_expired')
    d.record('label.recorded', { carrier: 'UPS', trackingNumber: NEW_UPS, validUntil: '2026-10-30' })
    // The number bound was the old label's: unbound, back to packed.
    expect([d.s.status, d.s.tracking]).toEqual(['packed', undefined])
    expect(caseFlags(d.s, '2026-10-16').labelExpired).toBe(false)
    expect(d.refused('tracking.bound', { carrier: 'UPS', trackingNumber: UPS }).reason).toBe('tracking_mismatch')
    d.record('tracking.bound', { carrier: 'UPS', trackingNumber: NEW_UPS })
    expect(d.refused('handed_over', { batchId: 'B-2', carrier: 'DHL', localDate: '2026-10-16' }).reason).toBe('carrier_mismatch')
    d.record('handed_over', { batchId: 'B-1', carrier: 'ups', localDate: '2026-10-16' })
    expect(d.s.handedOver).toMatchObject({ batchId: 'B-1', localDate: '2026-10-16' })
  })

  it('on the last valid day the order label goes', () => {
    const d = decidedCase()
    toPacked(d)
    d.record('tracking.bound', { carrier: 'UPS', trackingNumber: UPS })
    d.record('handed_over', { batchId: 'B-1', carrier: 'UPS', localDate: '2026-10-15' })
    expect(d.s.status).toBe('handed_over')
  })
})

describe('customer self-check', () => {
  it('the customer records evidence before staff identify the device, gets a ticket, staff pick it up', () => {
    const d = verifiedCase()
    d.record('photo.captured', { shot: 'back', ...photo(1) }, 'customer@K1')
    d.record('backup.confirmed', { kind: 'backed_up_and_removed', confirmedBy: 'customer' }, 'customer@K1')
    d.record('customer.checked_in', { ticket: 'T-042' }, 'customer@K1')
    expect(d.refused('customer.checked_in', { ticket: 'T-043' }).reason).toBe('duplicate')
    expect(d.refused('case.picked_up', { ticket: 'T-999' }).reason).toBe('not_recorded')
    d.record('case.picked_up', { ticket: 'T-042' })
    expect(d.s.checkIn).toMatchObject({ ticket: 'T-042', pickedUpBy: 'staff-1' })
    expect(d.refused('case.picked_up', { ticket: 'T-042' }).reason).toBe('duplicate')
  })
})

describe('event payloads', () => {
  it('never carry a PIN', () => {
    expect(caseEventPayloads['pin.provided'].safeParse({ kind: 'pin' }).success).toBe(true)
    expect(caseEventPayloads['pin.provided'].safeParse({ kind: 'pin', pin: '1234' }).success).toBe(false)
  })

  it.each([
    ['account.disconnected', { accounts: ['google'], proof: 'photo' }, false],
    ['account.disconnected', { accounts: ['google'], proof: 'photo', photoSha256: sha(1) }, true],
    ['account.disconnected', { accounts: ['google'], proof: 'staff_confirmed', photoSha256: sha(1) }, false],
    ['account.disconnected', { accounts: [], proof: 'staff_confirmed' }, false],
    ['supervisor.override', { supervisor: 's', subject: 'eligibility', reason: 'why not' }, false],
    ['supervisor.override', { supervisor: 's', subject: 'hold', verdict: 'covered', reason: 'why not' }, false],
    ['supervisor.override', { supervisor: 's', subject: 'eligibility', verdict: 'needs_supervisor', reason: 'why not' }, false],
    ['photo.captured', { shot: 'back', sha256: 'ABC', size: 1, mime: 'image/jpeg' }, false],
    ['photo.captured', { shot: 'selfie', ...photo(1) }, false],
    ['tracking.bound', { carrier: 'UPS', trackingNumber: '1z999' }, false],
  ] as const)('%s %j valid=%s', (type, payload, valid) => {
    expect(caseEventPayloads[type].safeParse(payload).success).toBe(valid)
  })
})

describe('a state stored by the previous version', () => {
  it('still accepts the next events (the per-step fields are filled in)', () => {
    const old = { id: 'c', caseNumber: 'N', orderNumber: 'BM-1', caseType: 'withdrawal', status: 'verified', startedAt: 'a', startedBy: 'b', updatedAt: 'a', lastSeq: 2 } as unknown as CaseState
    const next = reduceCase(old, { id: 'e3', caseId: 'c', caseSeq: 3, type: 'photo.captured', payload: { shot: 'back', ...photo(1) }, actor: 's', kioskId: 'K1', at: '2026-10-05T08:00:00Z' })
    expect(Object.keys(next.photos)).toEqual(['back'])
  })
})
