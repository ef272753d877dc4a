import { describe, expect, it } from 'vitest'
import { decideEligibility, outcomeFor, type EligibilityInput } from '@shared/domain/eligibility'
import { exclusionApplies, exclusionEvidence, exclusionIds, missingExclusionEvidence } from '@shared/domain/exclusions'
import type { ExclusionId } from '@shared/domain/exclusions'
import type { CaseType } from '@shared/manifest/record'

const order = {
  orderDate: '2026-09-14',
  deliveredAt: '2026-09-17',
  returnRequest: { requestedAt: '2026-10-01T09:00:00Z' },
  tradeIn: { offerAt: '2026-10-01T09:00:00Z' },
}
const decide = (caseType: CaseType, now: string, extra: Partial<EligibilityInput> = {}) =>
  decideEligibility({ caseType, order, exclusions: [], now, timeZone: 'Europe/Paris', holidays: [], ...extra })

describe('eligibility: window + case type + exclusions -> verdict, outcome and reasons', () => {
  it.each([
    // caseType, now, verdict, outcome
    ['withdrawal', '2026-10-17T12:00:00Z', 'covered', 'proceed'],
    ['withdrawal', '2026-10-18T12:00:00Z', 'not_covered', 'refuse'],
    ['warranty_repair', '2027-09-17T12:00:00Z', 'covered', 'proceed'],
    ['warranty_repair', '2027-09-18T12:00:00Z', 'not_covered', 'proceed_at_customer_cost'],
    ['damaged_on_arrival', '2026-09-22T12:00:00Z', 'covered', 'proceed'], // Thu 17 -> Fri, Mon, Tue 22
    ['damaged_on_arrival', '2026-09-23T12:00:00Z', 'needs_supervisor', 'hold_for_supervisor'],
    ['trade_in', '2026-10-22T12:00:00Z', 'covered', 'proceed'],
    ['trade_in', '2026-10-23T12:00:00Z', 'not_covered', 'refuse'],
  ] as const)('%s at %s: %s, %s', (caseType, now, verdict, outcome) => {
    const d = decide(caseType, now)
    expect([d.verdict, d.outcome]).toEqual([verdict, outcome])
    expect(d.reasons[0]).toEqual({
      code: d.window!.within ? 'within_window' : 'window_passed',
      params: { window: d.window!.window, deadline: d.window!.deadline, days: d.window!.days, limit: d.window!.limit },
    })
  })

  it('an out-of-warranty repair goes on at the customer cost: return shipping not paid by the seller', () => {
    const d = decide('warranty_repair', '2027-10-01T12:00:00Z')
    expect(d.returnShippingPaidBySeller).toBe(false)
    expect(d.reasons.map((r) => r.code)).toContain('out_of_warranty_customer_pays_shipping')
    expect(decide('warranty_repair', '2027-01-01T12:00:00Z').returnShippingPaidBySeller).toBe(true)
  })

  it('a refused withdrawal suggests a repair instead', () => {
    expect(decide('withdrawal', '2026-11-01T12:00:00Z').suggestedCaseType).toBe('warranty_repair')
    expect(decide('trade_in', '2026-11-01T12:00:00Z').suggestedCaseType).toBeUndefined()
  })

  it.each(exclusionIds)('exclusion %s: a covered repair becomes not covered, with the exclusion as a reason', (exclusion) => {
    const d = decide('warranty_repair', '2026-10-05T12:00:00Z', { exclusions: [exclusion] })
    expect([d.verdict, d.outcome, d.returnShippingPaidBySeller]).toEqual(['not_covered', 'proceed_at_customer_cost', false])
    expect(d.reasons).toContainEqual({ code: 'exclusion_observed', params: { exclusion } })
  })

  it.each([
    ['withdrawal', 'normal_wear', 'covered'],
    ['withdrawal', 'liquid_damage', 'not_covered'],
    ['damaged_on_arrival', 'physical_damage', 'covered'],
    ['damaged_on_arrival', 'accident_after_delivery', 'not_covered'],
  ] as const)('%s with %s: %s', (caseType, exclusion, verdict) => {
    expect(decide(caseType, '2026-09-18T12:00:00Z', { exclusions: [exclusion] }).verdict).toBe(verdict)
  })

  it('a trade-in in a worse state than assessed stays accepted, flagged for a counteroffer', () => {
    const d = decide('trade_in', '2026-10-05T12:00:00Z', { exclusions: ['physical_damage'] })
    expect([d.verdict, d.counteroffer]).toEqual(['covered', true])
    expect(d.reasons).toContainEqual({ code: 'condition_differs_from_assessment', params: { exclusion: 'physical_damage' } })
  })

  it('without a delivery date: counted from the order date; within is certain, passed needs a supervisor', () => {
    const noDelivery = { orderDate: '2026-09-14' }
    const within = decideEligibility({ caseType: 'withdrawal', order: noDelivery, exclusions: [], now: '2026-10-14T12:00:00Z', timeZone: 'Europe/Paris' })
    expect(within.verdict).toBe('covered')
    expect(within.reasons).toContainEqual({ code: 'delivery_date_unknown', params: { orderDate: '2026-09-14' } })
    const passed = decideEligibility({ caseType: 'withdrawal', order: noDelivery, exclusions: [], now: '2026-10-15T12:00:00Z', timeZone: 'Europe/Paris' })
    expect(passed.verdict).toBe('needs_supervisor')
  })

  it('a trade-in without its offer date needs a supervisor', () => {
    const d = decideEligibility({ caseType: 'trade_in', order: { orderDate: '2026-09-14' }, exclusions: [], now: '2026-10-05T12:00:00Z', timeZone: 'UTC' })
    expect([d.verdict, d.window, d.reasons[0]?.code]).toEqual(['needs_supervisor', null, 'offer_date_unknown'])
  })

  it('flags an expired label without changing the verdict; no label for a walk-in', () => {
    const d = decide('warranty_repair', '2026-10-16T12:00:00Z')
    expect([d.verdict, d.label]).toEqual(['covered', { validUntil: '2026-10-15', expired: true }])
    expect(d.reasons).toContainEqual({ code: 'label_expired', params: { validUntil: '2026-10-15' } })
    expect(decide('warranty_repair', '2026-10-15T12:00:00Z').label).toEqual({ validUntil: '2026-10-15', expired: false })
    const walkIn = decideEligibility({ caseType: 'warranty_repair', order: { orderDate: '2026-09-14', deliveredAt: '2026-09-17' }, exclusions: [], now: '2026-10-05T12:00:00Z', timeZone: 'UTC' })
    expect(walkIn.label).toBeNull()
  })

  it('the damaged-on-arrival window skips the counter holidays given', () => {
    // Delivered Mon 2026-11-09; Wed 11 is a holiday: reported Fri 13 is on time.
    const late = { ...order, deliveredAt: '2026-11-09' }
    const at = (holidays: string[]) =>
      decideEligibility({ caseType: 'damaged_on_arrival', order: late, exclusions: [], now: '2026-11-13T12:00:00Z', timeZone: 'Europe/Paris', holidays }).verdict
    expect(at(['2026-11-11'])).toBe('covered')
    expect(at([])).toBe('needs_supervisor')
  })

  it.each([
    ['covered', 'warranty_repair', 'proceed'],
    ['needs_supervisor', 'withdrawal', 'hold_for_supervisor'],
    ['not_covered', 'warranty_repair', 'proceed_at_customer_cost'],
    ['not_covered', 'withdrawal', 'refuse'],
    ['not_covered', 'damaged_on_arrival', 'refuse'],
    ['not_covered', 'trade_in', 'refuse'],
  ] as const)('outcomeFor: %s %s -> %s', (verdict, caseType, outcome) => expect(outcomeFor(caseType, verdict)).toBe(outcome))
})

describe('exclusions: the evidence each one needs', () => {
  it.each(exclusionIds)('%s needs at least one evidence shot, and says which are missing', (exclusion) => {
    const needed = exclusionEvidence[exclusion]
    expect(needed.length).toBeGreaterThan(0)
    expect(missingExclusionEvidence(exclusion, [])).toEqual(needed)
    expect(missingExclusionEvidence(exclusion, needed.map((shot) => ({ shot, sha256: 'a'.repeat(64) })))).toEqual([])
  })

  it('physical damage needs a close-up and an overview', () => {
    expect(missingExclusionEvidence('physical_damage', [{ shot: 'damage_closeup', sha256: 'a'.repeat(64) }])).toEqual(['damage_overview'])
  })

  it.each([
    ['warranty_repair', exclusionIds],
    ['withdrawal', exclusionIds.filter((e) => e !== 'normal_wear')],
    ['damaged_on_arrival', exclusionIds.filter((e) => e !== 'physical_damage')],
    ['trade_in', []],
  ] as const)('%s: the exclusions that apply', (caseType, expected: readonly ExclusionId[]) => {
    expect(exclusionIds.filter((e) => exclusionApplies(caseType, e))).toEqual(expected)
  })
})
