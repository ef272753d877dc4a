// Who may be where, decided once by the router's guard: nobody signed in only reaches the
// sign-in screen, a customer only the self-check, staff not the supervisor's screens; a case's
// route loads the case; signing out clears the last person's order and case.
import { flushPromises, mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { defineComponent, h } from 'vue'
import { fail, ok } from '@shared/contract/result'
import type { SessionView } from '@shared/contract/staff-views'
import { useSessionRouting } from '../../renderer/src/router/useSessionRouting'
import { useCounterStore } from '../../renderer/src/stores/counter'
import { useIntakeStore } from '../../renderer/src/stores/intake'
import { useSessionStore } from '../../renderer/src/stores/session'
import { detailOf, startOf } from './intake-fixtures'
import { recordingApi } from './recording-api'

const person = (role: 'staff' | 'supervisor'): SessionView => ({ signedIn: true, mode: 'staff', idleLockSeconds: 300, staff: { id: 'S1', name: 'Sam', role, createdAt: '2026-11-01T00:00:00Z' } })

async function setup() {
  const { router, global, calls } = recordingApi((name, input) =>
    name === 'cases.get' ? ((input as { caseId: string }).caseId === 'c1' ? ok(detailOf(startOf)) : fail('not_found', 'No such case.')) : ok({ signedIn: false, staff: null, mode: 'staff', idleLockSeconds: 300 }),
  )
  mount(defineComponent(() => (useSessionRouting(), () => h('div'))), { global })
  await router.isReady()
  return { router, calls, session: useSessionStore() }
}

describe('app routes', () => {
  it('sends nobody signed in to the sign-in screen, whatever they ask for', async () => {
    const { router } = await setup()
    await router.push({ name: 'today' })
    expect(router.currentRoute.value.name).toBe('sign-in')
  })

  it('keeps staff out of the supervisor screens, and lets a supervisor in', async () => {
    const { router, session } = await setup()
    session.current = person('staff')
    await flushPromises()
    expect(router.currentRoute.value.name).toBe('counter')
    for (const name of ['staff', 'sync', 'diagnostics', 'privacy'] as const) {
      await router.push({ name })
      expect(router.currentRoute.value.name).toBe('counter')
    }
    session.current = person('supervisor')
    await router.push({ name: 'privacy' })
    expect(router.currentRoute.value.name).toBe('privacy')
  })

  it('shows a customer only the self-check, and staff back at the counter afterwards', async () => {
    const { router, session } = await setup()
    session.current = person('staff')
    await flushPromises()
    session.current = { signedIn: false, staff: null, mode: 'customer', idleLockSeconds: 300 }
    await flushPromises()
    expect(router.currentRoute.value.name).toBe('self-check')
    await router.push({ name: 'counter' })
    expect(router.currentRoute.value.name).toBe('self-check')
    session.current = person('staff')
    await flushPromises()
    expect(router.currentRoute.value.name).toBe('counter')
  })

  it('loads the case its route names, and stays put when there is no such case', async () => {
    const { router, session, calls } = await setup()
    session.current = person('staff')
    await router.push({ name: 'today' })
    await router.push({ name: 'case', params: { id: 'c1' } })
    expect(calls.at(-1)).toEqual(['cases.get', { caseId: 'c1' }])
    expect(router.currentRoute.value.name).toBe('case')
    expect(useIntakeStore().state?.id).toBe(detailOf(startOf).state.id)
    await router.push({ name: 'today' })
    await router.push({ name: 'case', params: { id: 'c9' } })
    expect(router.currentRoute.value.name).toBe('today')
  })

  it('clears the last person\'s order and case at sign-out', async () => {
    const { router, session } = await setup()
    session.current = person('staff')
    await flushPromises()
    await router.push({ name: 'case', params: { id: 'c1' } })
    useCounterStore().phase = 'not_found'
    session.current = { signedIn: false, staff: null, mode: 'staff', idleLockSeconds: 300 }
    await flushPromises()
    expect(router.currentRoute.value.name).toBe('sign-in')
    expect(useIntakeStore().current).toBeNull()
    expect(useCounterStore().phase).toBe('idle')
  })
})
