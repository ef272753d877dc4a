import { describe, expect, it } from 'vitest'
import { caseProgress, nextStep, nextStepEvents } from '@shared/domain/case-progress'
import { categoryShots } from '@shared/domain/photo-sets'
import { CaseDriver, decidedCase, sha, verifiedCase } from '../support/case-driver'

const photo = (n: number) => ({ sha256: sha(n), size: 1000, mime: 'image/jpeg' as const })
const ids = (d: CaseDriver) => caseProgress(d.s).steps.map((s) => s.id)

describe('the steps of a case', () => {
  it.each([
    ['warranty_repair', 'smartphone', ['order', 'identity', 'eligibility', 'photos', 'backup', 'account', 'pin', 'evidence_review', 'packing', 'package_photos', 'label', 'handover']],
    ['trade_in', 'computer', ['order', 'identity', 'eligibility', 'photos', 'backup', 'account', 'pin', 'accessories', 'age', 'evidence_review', 'packing', 'package_photos', 'label', 'handover']],
    ['withdrawal', 'other', ['order', 'identity', 'eligibility', 'photos', 'backup', 'evidence_review', 'packing', 'package_photos', 'label', 'handover']],
  ] as const)('%s of a %s', (caseType, category, steps) => {
    expect(ids(decidedCase({ caseType, category }))).toEqual(steps)
  })

  it('before identification the category is unknown: account and PIN are shown', () => {
    expect(ids(verifiedCase())).toContain('account')
  })
})

describe('nextStep and the progress indicator', () => {
  it('moves along as steps are recorded', () => {
    const d = verifiedCase()
    expect([nextStep(d.s), caseProgress(d.s).done]).toEqual(['identity', 1])
    expect(nextStepEvents(d.s)).toEqual(['device.identified'])
    d.record('device.identified', { category: 'smartphone', imei: '356938035643809', imeiMatch: 'match', serialMatch: 'not_entered' })
    expect(nextStep(d.s)).toBe('eligibility')
    expect(nextStepEvents(d.s)).toEqual(['exclusion.observed', 'exclusion.withdrawn', 'case.retyped', 'eligibility.decided'])
  })

  it('evidence steps are done in any order; the next is the first not done', () => {
    const d = decidedCase()
    expect(nextStep(d.s)).toBe('photos')
    d.record('backup.confirmed', { kind: 'backed_up_and_removed', confirmedBy: 'customer' })
    expect(nextStep(d.s)).toBe('photos')
    categoryShots.smartphone.forEach((shot, i) => d.record('photo.captured', { shot, ...photo(i + 1) }))
    expect(nextStep(d.s)).toBe('account')
    d.record('account.disconnected', { accounts: ['google'], proof: 'staff_confirmed' })
    d.record('pin.provided', { kind: 'pattern' })
    expect(nextStep(d.s)).toBe('evidence_review')
    expect(nextStepEvents(d.s)).toEqual(['evidence.completed'])
    d.record('evidence.completed', {})
    const p = caseProgress(d.s)
    expect([p.next, p.done, p.total, p.blocked]).toEqual(['packing', 8, 12, null])
  })

  it('shows a hold as blocking, and the held step as not done', () => {
    const d = verifiedCase()
    d.record('device.identified', { category: 'smartphone', imei: '490154203237518', imeiMatch: 'mismatch', serialMatch: 'not_entered' })
    const p = caseProgress(d.s)
    expect(p.blocked).toEqual({ kind: 'on_hold', reason: 'identity_mismatch', needsSupervisor: true })
    expect(p.next).toBe('identity')
    expect(nextStepEvents(d.s)).toEqual([])
  })

  it('shows a refusal as blocking', () => {
    const d = decidedCase({ caseType: 'trade_in' })
    d.record('account.still_locked', { accounts: ['apple_find_my'] })
    expect(caseProgress(d.s).blocked).toEqual({ kind: 'refused', reason: 'device_locked' })
  })

  it('has no next step once cancelled', () => {
    const d = decidedCase()
    d.record('case.cancelled', { reason: 'customer_withdrew' })
    const p = caseProgress(d.s)
    expect([p.next, p.blocked, p.done]).toEqual([null, { kind: 'cancelled' }, 3])
  })
})
