// Today's filters (status, case type, needs a supervisor) reach cases.list and a row opens its
// case; the customer's self-check screen clears itself when left idle.
import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { CallName } from '@shared/contract/calls'
import { ok } from '@shared/contract/result'
import { useSessionStore } from '../../renderer/src/stores/session'
import SelfCheckView from '../../renderer/src/views/SelfCheckView.vue'
import TodayView from '../../renderer/src/views/TodayView.vue'
import { detailOf, startOf } from './intake-fixtures'
import { recordingApi } from './recording-api'

function setup(component: object, answer: (name: CallName) => unknown) {
  const { calls, global, router } = recordingApi((name) => ok(answer(name)))
  const wrapper = mount(component, { global })
  return { wrapper, calls, router }
}

afterEach(() => {
  vi.useRealTimers()
})

describe('TodayView', () => {
  it('sends the filters to cases.list and opens a case from its row', async () => {
    const row = { ...detailOf(startOf).summary, customerName: 'Inès Moreau', needsSupervisor: true, nextStep: 'identity', labelExpired: false }
    const { wrapper, calls, router } = setup(TodayView, (name) => (name === 'cases.list' ? [row] : detailOf(startOf)))
    await flushPromises()
    expect(wrapper.get('[data-test=needs-supervisor]').text()).toBe('Needs a supervisor')
    await wrapper.get('[data-test=filter-status]').setValue('on_hold')
    await wrapper.get('[data-test=filter-type]').setValue('trade_in')
    await wrapper.get('[data-test=filter-supervisor]').setValue(true)
    await flushPromises()
    expect(calls.filter(([n]) => n === 'cases.list').at(-1)).toEqual(['cases.list', { status: ['on_hold'], caseType: ['trade_in'], needsSupervisor: true }])
    useSessionStore().current = { signedIn: true, mode: 'staff', idleLockSeconds: 300, staff: { id: 'S1', name: 'Sam', role: 'staff', createdAt: '2026-11-01T00:00:00Z' } }
    await wrapper.get('[data-test="open-case-K1-261122-001"]').trigger('click')
    await flushPromises()
    expect(calls.at(-1)).toEqual(['cases.get', { caseId: 'c1' }])
    expect(router.currentRoute.value.name).toBe('case')
  })
})

describe('SelfCheckView', () => {
  it('clears the screen for the next customer after two idle minutes', async () => {
    vi.useFakeTimers()
    const { wrapper, calls } = setup(SelfCheckView, (name) => (name === 'selfcheck.start' ? { caseId: 'c1', detail: detailOf(startOf) } : null))
    const { useSelfCheckStore } = await import('../../renderer/src/stores/selfcheck')
    await useSelfCheckStore().start('BMR-1')
    await flushPromises()
    expect(wrapper.get('[data-test=self-check]').attributes('data-screen')).toBe('confirm')
    expect(wrapper.get('[data-test=self-check-yes]').text()).toBe('Yes, that is my device')
    await vi.advanceTimersByTimeAsync(121_000)
    await flushPromises()
    expect(wrapper.get('[data-test=self-check]').attributes('data-screen')).toBe('scan')
    expect(calls.map(([n]) => n)).toContain('selfcheck.end')
  })
})
