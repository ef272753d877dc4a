// The case screen: what is done and what remains, the step on screen, back to a done step and
// forward again, and putting the case on hold with a reason.
import { flushPromises } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import CaseView from '../../renderer/src/views/CaseView.vue'
import { mountStep, startOf } from './intake-fixtures'

const identified = [...startOf, ['device.identified', { category: 'smartphone', imei: '356938035643809', imeiMatch: 'match', serialMatch: 'not_entered' }]] as typeof startOf

describe('CaseView', () => {
  it('shows the steps done and to do, and opens at the next one', async () => {
    const { wrapper } = await mountStep(CaseView, identified)
    expect(wrapper.get('[data-test=case-view]').attributes('data-step')).toBe('eligibility')
    const done = wrapper.findAll('[data-test=step-progress] li').map((li) => [li.attributes('data-step'), li.attributes('data-done')])
    expect(done.slice(0, 4)).toEqual([
      ['order', 'true'],
      ['identity', 'true'],
      ['eligibility', 'false'],
      ['photos', 'false'],
    ])
    expect(wrapper.get('[data-test=progress-count]').text()).toBe(`2 of ${done.length} steps done`)
  })

  it('goes back to a done step and forward to the next one', async () => {
    const { wrapper } = await mountStep(CaseView, identified)
    await wrapper.get('[data-test=step-back]').trigger('click')
    expect(wrapper.get('[data-test=case-view]').attributes('data-step')).toBe('identity')
    expect(wrapper.find('[data-test=step-recorded]').exists()).toBe(true)
    expect(wrapper.get('[data-test=reopen]').attributes('disabled')).toBeDefined()
    await wrapper.get('[data-test=step-forward]').trigger('click')
    expect(wrapper.get('[data-test=case-view]').attributes('data-step')).toBe('eligibility')
    expect(wrapper.get('[data-test=step-forward]').attributes('disabled')).toBeDefined()
  })

  it('puts the case on hold with the reason chosen', async () => {
    const { wrapper, calls } = await mountStep(CaseView, identified)
    await wrapper.get('[data-test=hold-case]').trigger('click')
    expect(wrapper.get('[data-test=reason-submit]').attributes('disabled')).toBeDefined()
    await wrapper.get('[data-test=reason-waiting_for_customer]').setValue(true)
    await wrapper.get('[data-test=reason-note]').setValue('Fetching the charger')
    await wrapper.get('[data-test=reason-submit]').trigger('click')
    await flushPromises()
    expect(calls).toEqual([['intake.hold', { caseId: 'c1', reason: 'waiting_for_customer', note: 'Fetching the charger' }]])
  })

  it('reopens a committed step with a reason', async () => {
    const decided = [
      ...identified,
      ['eligibility.decided', { verdict: 'covered', outcome: 'proceed', reasons: [], window: null, label: null, returnShippingPaidBySeller: true, counteroffer: false }],
    ] as typeof startOf
    const { wrapper, calls } = await mountStep(CaseView, decided)
    expect(wrapper.get('[data-test=case-view]').attributes('data-step')).toBe('photos')
    await wrapper.get('[data-test=step-back]').trigger('click')
    await wrapper.get('[data-test=reopen-reason]').setValue('Scratch missed on the back')
    await wrapper.get('[data-test=reopen]').trigger('click')
    await flushPromises()
    expect(calls).toEqual([['intake.reopen', { caseId: 'c1', step: 'assessment', reason: 'Scratch missed on the back' }]])
  })
})
