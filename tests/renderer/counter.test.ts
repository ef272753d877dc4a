// The counter screen with a fake API port: a scan shows the order, an unknown code shows the
// manual search, confirming starts the case, and the newest scan wins over a slow lookup.
import { flushPromises, mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import type { CallName } from '@shared/contract/calls'
import { fail, ok, type Result } from '@shared/contract/result'
import type { OrderMatch, OrderView } from '@shared/contract/views'
import CounterView from '../../renderer/src/views/CounterView.vue'
import { recordingApi } from './recording-api'

const order: OrderView = {
  orderNumber: 'BM-1',
  orderDate: '2026-10-01',
  customer: { firstName: 'Inès', lastName: 'Moreau' },
  item: { category: 'smartphone', brand: 'Apple', model: 'iPhone 13', imei: '356938035643809' },
  warrantyMonths: 12,
  caseType: 'withdrawal',
  returnRequest: { id: 'RMA-1', requestedAt: '2026-10-01T10:00:00Z', labelValidUntil: '2026-10-15', labelExpired: true },
}

function setup(handler: (name: CallName, input: unknown) => Promise<Result<unknown>> | Result<unknown>) {
  const { calls, i18n, global } = recordingApi(handler)
  const wrapper = mount(CounterView, {
    global,
  })
  return { wrapper, calls, i18n }
}

describe('counter screen', () => {
  it('shows the scanned order with an expired label, and starts the case on confirm', async () => {
    const { wrapper, calls } = setup((name) => {
      if (name === 'orders.lookup') return ok<OrderMatch>({ order, matchedBy: 'labelCode', openCase: null })
      if (name === 'cases.start') return ok({ id: 'c1', caseNumber: 'K1-261122-001', orderNumber: 'BM-1', caseType: 'withdrawal', status: 'verified', startedAt: '', startedBy: 'x', updatedAt: '' })
      return fail('internal', 'unexpected')
    })
    const { useCounterStore } = await import('../../renderer/src/stores/counter')
    await useCounterStore().scan('LBL-1')
    await flushPromises()
    expect(wrapper.get('[data-test=customer-name]').text()).toBe('Inès Moreau')
    expect(wrapper.get('[data-test=label-expired]').text()).toContain('needs a new label')
    await wrapper.get('[data-test=confirm]').trigger('click')
    await flushPromises()
    // The case then opens (cases.get): the start is the call before.
    expect(calls.filter(([n]) => n === 'cases.start')).toEqual([['cases.start', { orderNumber: 'BM-1', via: 'scan', code: 'LBL-1' }]])
    expect(wrapper.get('[data-test=case-started]').text()).toContain('K1-261122-001')
  })

  it('says an unknown code matches nothing and keeps the search at hand', async () => {
    const { wrapper } = setup(() => fail('not_found', 'nope'))
    const { useCounterStore } = await import('../../renderer/src/stores/counter')
    await useCounterStore().scan('ZZZ-9')
    await flushPromises()
    expect(wrapper.get('[data-test=not-found]').text()).toContain('ZZZ-9')
    expect(wrapper.find('[data-test=search-input]').exists()).toBe(true)
  })

  it('lets the newest scan win over a slower earlier lookup', async () => {
    let releaseFirst: (r: Result<unknown>) => void = () => {}
    const { wrapper } = setup((_name, input) => {
      const code = (input as { code: string }).code
      if (code === 'SLOW') return new Promise((resolve) => (releaseFirst = resolve))
      return ok<OrderMatch>({ order: { ...order, orderNumber: 'BM-2' }, matchedBy: 'orderNumber', openCase: null })
    })
    const { useCounterStore } = await import('../../renderer/src/stores/counter')
    const store = useCounterStore()
    const slow = store.scan('SLOW')
    await store.scan('FAST')
    releaseFirst(ok<OrderMatch>({ order, matchedBy: 'labelCode', openCase: null }))
    await slow
    await flushPromises()
    expect(wrapper.get('[data-test=order-number]').text()).toBe('BM-2')
  })

  it('formats the dates in the language on screen, also after switching it', async () => {
    const { wrapper, i18n } = setup(() => ok<OrderMatch>({ order, matchedBy: 'labelCode', openCase: null }))
    const { useCounterStore } = await import('../../renderer/src/stores/counter')
    await useCounterStore().scan('LBL-1')
    await flushPromises()
    expect(wrapper.text()).toContain('Ordered on Oct 1, 2026')
    i18n.global.locale.value = 'fr'
    await flushPromises()
    expect(wrapper.text()).toContain('Commandé le 1 oct. 2026')
  })

  it('keeps the card on screen during a re-scan, patches it in place, and refuses to confirm the old order meanwhile', async () => {
    let release: (r: Result<unknown>) => void = () => {}
    const { wrapper, calls } = setup((name, input) => {
      if (name !== 'orders.lookup') return fail('internal', 'unexpected')
      if ((input as { code: string }).code === 'NEXT') return new Promise((resolve) => (release = resolve))
      return ok<OrderMatch>({ order, matchedBy: 'labelCode', openCase: null })
    })
    const { useCounterStore } = await import('../../renderer/src/stores/counter')
    const store = useCounterStore()
    await store.scan('LBL-1')
    await flushPromises()
    const card = wrapper.get('[data-test=order-card]').element
    const next = store.scan('NEXT')
    await flushPromises()
    // Nothing changes on screen for a lookup that answers promptly...
    expect(wrapper.get('[data-test=order-card]').element).toBe(card)
    expect(wrapper.find('[data-test=looking]').exists()).toBe(false)
    // ...but the card on screen is no longer the answer: confirming it now starts nothing.
    await wrapper.get('[data-test=confirm]').trigger('click')
    expect(calls.filter(([n]) => n === 'cases.start')).toEqual([])
    release(ok<OrderMatch>({ order: { ...order, orderNumber: 'BM-7' }, matchedBy: 'orderNumber', openCase: null }))
    await next
    await flushPromises()
    expect(wrapper.get('[data-test=order-card]').element).toBe(card)
    expect(wrapper.get('[data-test=order-card]').attributes('data-order')).toBe('BM-7')
    expect(wrapper.get('[data-test=order-number]').text()).toBe('BM-7')
  })

  it('does not bring back a card that was no longer on screen while the next code is looked up', async () => {
    let release: (r: Result<unknown>) => void = () => {}
    const { wrapper } = setup((name, input) => {
      if (name === 'cases.start') return fail('conflict', 'A case is already open for this order.')
      if ((input as { code: string }).code === 'NEXT') return new Promise((resolve) => (release = resolve))
      return ok<OrderMatch>({ order, matchedBy: 'labelCode', openCase: null })
    })
    const { useCounterStore } = await import('../../renderer/src/stores/counter')
    const store = useCounterStore()
    await store.scan('LBL-1')
    await flushPromises()
    await wrapper.get('[data-test=confirm]').trigger('click')
    await flushPromises()
    expect(wrapper.find('[data-test=order-card]').exists()).toBe(false)
    const next = store.scan('NEXT')
    await flushPromises()
    expect(wrapper.find('[data-test=order-card]').exists()).toBe(false)
    release(fail('not_found', 'nope'))
    await next
    await flushPromises()
    expect(wrapper.get('[data-test=not-found]').text()).toContain('NEXT')
  })

  it('says it is looking the code up once a lookup is slow, and disables the card it still shows', async () => {
    let release: (r: Result<unknown>) => void = () => {}
    const { wrapper } = setup((_name, input) => {
      if ((input as { code: string }).code === 'SLOW') return new Promise((resolve) => (release = resolve))
      return ok<OrderMatch>({ order, matchedBy: 'labelCode', openCase: null })
    })
    const { useCounterStore, LOOKING_NOTICE_MS } = await import('../../renderer/src/stores/counter')
    const store = useCounterStore()
    await store.scan('LBL-1')
    await flushPromises()
    const slow = store.scan('SLOW')
    await new Promise((resolve) => setTimeout(resolve, LOOKING_NOTICE_MS + 50))
    expect(wrapper.get('[data-test=looking]').text()).toContain('SLOW')
    expect(wrapper.get('[data-test=confirm]').attributes('disabled')).toBeDefined()
    release(fail('not_found', 'nope'))
    await slow
    await flushPromises()
    expect(wrapper.find('[data-test=looking]').exists()).toBe(false)
    expect(wrapper.find('[data-test=order-card]').exists()).toBe(false)
    expect(wrapper.get('[data-test=not-found]').text()).toContain('SLOW')
  })

  it('shows the looking line on the scan prompt too when the first lookup is slow', async () => {
    let release: (r: Result<unknown>) => void = () => {}
    const { wrapper } = setup(() => new Promise((resolve) => (release = resolve)))
    const { useCounterStore, LOOKING_NOTICE_MS } = await import('../../renderer/src/stores/counter')
    const pending = useCounterStore().scan('LBL-9')
    await flushPromises()
    expect(wrapper.find('[data-test=looking]').exists()).toBe(false)
    await new Promise((resolve) => setTimeout(resolve, LOOKING_NOTICE_MS + 50))
    expect(wrapper.get('[data-test=looking]').text()).toContain('LBL-9')
    release(ok<OrderMatch>({ order, matchedBy: 'labelCode', openCase: null }))
    await pending
    await flushPromises()
    expect(wrapper.find('[data-test=looking]').exists()).toBe(false)
    expect(wrapper.get('[data-test=order-number]').text()).toBe('BM-1')
  })
})
