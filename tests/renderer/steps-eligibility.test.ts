// The verdict in plain words with its dates, and a supervisor's override with PIN and reason.
import { flushPromises } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import EligibilityStep from '../../renderer/src/steps/EligibilityStep.vue'
import { ok } from '@shared/contract/result'
import { detailOf, mountStep, startOf } from './intake-fixtures'

const late = [
  ...startOf,
  ['device.identified', { category: 'smartphone', imei: '356938035643809', imeiMatch: 'match', serialMatch: 'not_entered' }],
  [
    'eligibility.decided',
    {
      verdict: 'needs_supervisor',
      outcome: 'hold_for_supervisor',
      reasons: [{ code: 'window_passed', params: { window: 'damaged_on_arrival', deadline: '2026-11-06', days: 4, limit: 3 } }],
      window: { window: 'damaged_on_arrival', within: false, start: '2026-11-03', deadline: '2026-11-06', today: '2026-11-09', unit: 'business_days', limit: 3, days: 4, remaining: -1 },
      label: null,
      returnShippingPaidBySeller: true,
      counteroffer: false,
    },
  ],
] as typeof startOf

describe('EligibilityStep', () => {
  it('says "needs a supervisor", why, and the dates', async () => {
    const { wrapper } = await mountStep(EligibilityStep, late)
    expect(wrapper.get('[data-test=verdict]').attributes('data-verdict')).toBe('needs_supervisor')
    expect(wrapper.get('[data-test=verdict] .verdict-title').text()).toBe('Needs a supervisor')
    // Every number says its unit: business days here.
    expect(wrapper.get('[data-reason=window_passed]').text()).toBe(
      'The 3 business days to report damage ended on Nov 6, 2026. Today is 4 business days after delivery; the limit is 3 business days.',
    )
    expect(wrapper.get('[data-test=verdict-dates]').text()).toContain('Nov 9, 2026')
    expect(wrapper.get('[data-test=verdict-remaining]').text()).toBe('1 business day ago')
  })

  it('records the override with the supervisor PIN, the verdict and the reason', async () => {
    const { wrapper, calls } = await mountStep(EligibilityStep, late)
    await wrapper.get('[data-test=open-override]').trigger('click')
    await wrapper.get('[data-test=override-not_covered]').setValue(true)
    expect(wrapper.find('[data-test=pin-pad]').exists()).toBe(false)
    await wrapper.get('[data-test=override-reason]').setValue('Dropped, the customer says so')
    for (const k of '246810') await wrapper.get(`[data-test=pin-key-${k}]`).trigger('click')
    await wrapper.get('[data-test=pin-submit]').trigger('click')
    await flushPromises()
    expect(calls).toEqual([
      ['intake.override', { caseId: 'c1', supervisorPin: '246810', subject: 'eligibility', reason: 'Dropped, the customer says so', verdict: 'not_covered' }],
    ])
  })

  it('lists an observed exclusion with its evidence photos, and withdraws it', async () => {
    const sha = 'a'.repeat(64)
    const steps = [
      ...startOf,
      ['device.identified', { category: 'smartphone', imei: '356938035643809', imeiMatch: 'match', serialMatch: 'not_entered' }],
      ['exclusion.observed', { exclusion: 'liquid_damage', evidence: [{ shot: 'liquid_indicator', sha256: sha }] }],
    ] as typeof startOf
    const { wrapper, calls } = await mountStep(EligibilityStep, steps, (name) =>
      name === 'photos.get' ? ok({ sha256: sha, mime: 'image/jpeg', data: 'AAAA' }) : ok({ detail: detailOf(steps), recorded: true }),
    )
    const row = wrapper.get('[data-exclusion=liquid_damage]')
    expect(row.text()).toContain('Oxidation or liquid damage')
    expect(row.get('[data-test=photo-thumb]').attributes('alt')).toBe('The liquid indicator')
    expect(wrapper.get('[data-test=decide]').text()).toBe('Decide')
    await row.get('button.link').trigger('click')
    expect(calls).toEqual([
      ['photos.get', { caseId: 'c1', sha256: sha }],
      ['intake.withdrawExclusion', { caseId: 'c1', exclusion: 'liquid_damage' }],
    ])
  })
})
