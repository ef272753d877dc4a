// The sign-in screen: digits tapped on the pad or typed on a keyboard then Enter, masked, with
// clear errors; and the keyboard-wedge listener (on as in App.vue) never takes a fast-typed PIN
// for a scan.
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h, onMounted, ref } from 'vue'
import { RouterView } from 'vue-router'
import { buildApi } from '@shared/contract/api'
import { fail, ok, type Result } from '@shared/contract/result'
import type { SessionView } from '@shared/contract/staff-views'
import { API_PORT } from '../../renderer/src/api/port'
import { useIdleLock } from '../../renderer/src/composables/useIdleLock'
import { useKeyboardWedge } from '../../renderer/src/composables/useKeyboardWedge'
import { createAppI18n } from '../../renderer/src/i18n'
import { createAppRouter } from '../../renderer/src/router'
import { useSessionRouting } from '../../renderer/src/router/useSessionRouting'
import { useAppStore } from '../../renderer/src/stores/app'
import { useSessionStore } from '../../renderer/src/stores/session'

const PIN = '482913'
const out: SessionView = { signedIn: false, staff: null, mode: 'staff', idleLockSeconds: 300 }
const ana: SessionView = { signedIn: true, staff: { id: 'S1', name: 'Ana', role: 'supervisor', createdAt: '2026-11-01T00:00:00Z' }, mode: 'staff', idleLockSeconds: 300 }

let wrapper: VueWrapper | null = null
afterEach(() => {
  wrapper?.unmount()
  wrapper = null
  vi.useRealTimers()
})

function setup(signIn: (pin: string) => Result<SessionView> = (pin) => (pin === PIN ? ok(ana) : fail('unauthorized', 'Wrong PIN.', { attemptsLeft: 4 }))) {
  // The services' session: who signed in stays signed in until they sign out.
  let current = out
  const invoke = vi.fn(async (name: string, input: unknown): Promise<Result<unknown>> => {
    if (name === 'session.current') return ok(current)
    if (name === 'session.signOut') return ok((current = out))
    if (name === 'session.signIn') {
      const r = signIn((input as { pin: string }).pin)
      if (r.ok) current = r.value
      return r
    }
    return fail('not_found', 'not in this test')
  })
  const api = buildApi(invoke as never, () => () => {})
  const scans: string[] = []
  const pinia = createPinia()
  setActivePinia(pinia)
  // The app's routes, with a stand-in for the counter (the first staff screen).
  const router = createAppRouter()
  router.addRoute({ path: '/counter', name: 'counter', component: { render: () => h('p', { 'data-test': 'staff-screens' }, 'counter') } })
  const Harness = defineComponent(() => {
    const session = useSessionStore()
    // The same wiring as App.vue.
    useKeyboardWedge((code) => scans.push(code), { enabled: () => session.signedIn && session.pinEntryOpen === 0 })
    useSessionRouting()
    useIdleLock()
    onMounted(() => session.load())
    return () => h(RouterView)
  })
  wrapper = mount(Harness, {
    attachTo: document.body,
    global: { plugins: [pinia, createAppI18n('en'), router], provide: { [API_PORT as symbol]: { api, connection: ref('open') } } },
  })
  return { wrapper, invoke, scans, signInCalls: () => invoke.mock.calls.filter(([n]) => n === 'session.signIn').map(([, i]) => (i as { pin: string }).pin) }
}

let clock = 1000
/** Keys `gapMs` apart, then Enter: 1 ms is a scanner's burst; a fast typist's keys are 60 ms and more apart. */
function keys(text: string, gapMs: number, target: EventTarget = document.body): void {
  for (const key of [...text, 'Enter']) {
    const e = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true })
    Object.defineProperty(e, 'timeStamp', { value: (clock += gapMs) })
    target.dispatchEvent(e)
  }
  clock += 1000
}
const typeFast = (text: string): void => keys(text, 70)
const scanBurst = (text: string): void => keys(text, 1)

describe('sign-in screen', () => {
  it('shows the sign-in screen until signed in, then the staff screens', async () => {
    const { wrapper } = setup()
    await flushPromises()
    expect(wrapper.find('[data-test=sign-in]').exists()).toBe(true)
    expect(wrapper.find('[data-test=staff-screens]').exists()).toBe(false)
  })

  it('takes taps on the digit pad, masked (the 48 px targets are measured in Chromium, e2e)', async () => {
    const { wrapper, signInCalls } = setup()
    await flushPromises()
    const submit = wrapper.get('[data-test=pin-submit]')
    for (const d of PIN.slice(0, 5)) await wrapper.get(`[data-test=pin-key-${d}]`).trigger('click')
    expect(submit.attributes('disabled')).toBeDefined() // 5 digits: not yet a PIN
    await wrapper.get('[data-test=pin-back]').trigger('click')
    await wrapper.get(`[data-test=pin-key-${PIN[4]}]`).trigger('click')
    await wrapper.get(`[data-test=pin-key-${PIN[5]}]`).trigger('click')
    expect(wrapper.get('[data-test=pin-dots]').text()).toContain('●●●●●●')
    expect(wrapper.text()).not.toContain(PIN)
    await submit.trigger('click')
    await flushPromises()
    expect(signInCalls()).toEqual([PIN])
    expect(wrapper.find('[data-test=staff-screens]').exists()).toBe(true)
  })

  it('takes digits typed fast on a keyboard then Enter, and the scanner listener does not swallow them', async () => {
    const { wrapper, signInCalls, scans } = setup()
    await flushPromises()
    typeFast(PIN)
    await flushPromises()
    expect(signInCalls()).toEqual([PIN])
    expect(scans).toEqual([])
    expect(wrapper.find('[data-test=staff-screens]').exists()).toBe(true)
    // Signed in, the wedge is back on: a scanner's burst is a scan.
    scanBurst('RMA-7731902')
    expect(scans).toEqual(['RMA-7731902'])
  })

  it('answers a scanner burst at sign-in with "sign in first", and keeps its digits out of the PIN', async () => {
    const { wrapper, signInCalls, scans } = setup()
    await flushPromises()
    for (const d of '48') await wrapper.get(`[data-test=pin-key-${d}]`).trigger('click')
    scanBurst('350883181198388')
    await flushPromises()
    expect(signInCalls()).toEqual([])
    expect(scans).toEqual([])
    expect(wrapper.get('[data-test=pin-scan-notice]').text()).toBe('That was a scan, not a PIN: sign in first (type or tap your PIN), then scan again.')
    expect(wrapper.get('[data-test=pin-dots]').text()).toContain('2 digits typed')
    // The person goes on typing their PIN where they were.
    typeFast('2913')
    await flushPromises()
    expect(signInCalls()).toEqual([PIN])
  })

  it('submits on Enter even when ⌫ kept the focus after a tap', async () => {
    const { wrapper, signInCalls } = setup()
    await flushPromises()
    const back = wrapper.get('[data-test=pin-back]')
    await back.trigger('click')
    ;(back.element as HTMLButtonElement).focus()
    keys(PIN, 70, back.element)
    await flushPromises()
    expect(signInCalls()).toEqual([PIN])
  })

  it('says wrong PIN with the tries left, and until when sign-in is locked (counter time)', async () => {
    let locked = false
    const { wrapper } = setup(() =>
      locked ? fail('forbidden', 'locked', { lockedUntil: '2026-11-23T09:01:00.000Z' }) : fail('unauthorized', 'Wrong PIN.', { attemptsLeft: 4 }),
    )
    useAppStore().info = { version: 't', kioskId: 'K1', transport: 'browser', timeZone: 'Europe/Paris', ordersCount: 0, demo: true }
    await flushPromises()
    typeFast('111111')
    await flushPromises()
    expect(wrapper.get('[data-test=sign-in-error]').text()).toBe('Wrong PIN. Check it and type it again (4 tries left before sign-in locks).')
    locked = true
    typeFast('222222')
    await flushPromises()
    expect(wrapper.get('[data-test=sign-in-error]').text()).toContain('(until 10:01). A supervisor can still sign in and lift the lock.')
    expect(wrapper.find('[data-test=staff-screens]').exists()).toBe(false)
  })

  it('returns to the sign-in screen after the idle time, and signs out on the service side too', async () => {
    vi.useFakeTimers()
    const { wrapper, invoke } = setup()
    await flushPromises()
    typeFast(PIN)
    await flushPromises()
    expect(wrapper.find('[data-test=staff-screens]').exists()).toBe(true)
    await vi.advanceTimersByTimeAsync(299_000)
    expect(wrapper.find('[data-test=staff-screens]').exists()).toBe(true)
    await vi.advanceTimersByTimeAsync(2_000)
    await flushPromises()
    expect(invoke.mock.calls.some(([n]) => n === 'session.signOut')).toBe(true)
    expect(wrapper.find('[data-test=sign-in]').exists()).toBe(true)
    expect(wrapper.find('[data-test=signed-out-idle]').exists()).toBe(true)
  })
})
