// Photos (the plan's shots, a dead device's "screen on" skipped with a reason) and the unlock
// PIN (masked, sent once, never on screen).
import { flushPromises } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import PhotosStep from '../../renderer/src/steps/PhotosStep.vue'
import PinStep from '../../renderer/src/steps/PinStep.vue'
import { mountStep, startOf } from './intake-fixtures'

const decided = [
  ...startOf,
  ['device.identified', { category: 'smartphone', imei: '356938035643809', imeiMatch: 'match', serialMatch: 'not_entered' }],
  ['eligibility.decided', { verdict: 'covered', outcome: 'proceed', reasons: [], window: null, label: null, returnShippingPaidBySeller: true, counteroffer: false }],
] as typeof startOf

describe('PhotosStep', () => {
  it('lists the 7 smartphone shots and starts with "screen on"', async () => {
    const { wrapper } = await mountStep(PhotosStep, decided)
    expect(wrapper.findAll('.shots li').map((li) => li.attributes('data-shot'))).toEqual(['screen_on', 'screen_off', 'back', 'left', 'right', 'top', 'bottom'])
    expect(wrapper.get('[data-test=camera-shot]').attributes('data-shot')).toBe('screen_on')
    expect(wrapper.get('[data-test=shot-title]').text()).toBe('Screen on')
    expect(wrapper.get('[data-test=photos-count]').text()).toBe('0 of 7 photos')
  })

  it('skips "screen on" of a dead device with the reason', async () => {
    const { wrapper, calls } = await mountStep(PhotosStep, decided)
    await wrapper.get('[data-test=skip-shot]').trigger('click')
    await wrapper.get('[data-test=skip-device_dead]').trigger('click')
    await flushPromises()
    expect(calls).toEqual([['photos.skip', { caseId: 'c1', shot: 'screen_on', reason: 'device_dead' }]])
  })
})

describe('PinStep', () => {
  it('masks the PIN, sends it once, and never shows its digits', async () => {
    const { wrapper, calls } = await mountStep(PinStep, decided)
    for (const k of '4821') await wrapper.get(`[data-test=pin-key-${k}]`).trigger('click')
    expect(wrapper.findAll('[data-test=pin-dots] [aria-hidden=true]').map((d) => d.text())).toEqual(['●', '●', '●', '●'])
    expect(wrapper.html()).not.toContain('4821')
    await wrapper.get('[data-test=pin-submit]').trigger('click')
    await flushPromises()
    expect(calls).toEqual([['intake.providePin', { caseId: 'c1', kind: 'pin', pin: '4821' }]])
    expect(wrapper.html()).not.toContain('4821')
  })
})
