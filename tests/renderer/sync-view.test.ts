// The sync status in the header and the Sync view, with a fake API port: the status and its
// counts, the progress bar while `sync.progress` events arrive, and for a supervisor the
// quarantine with the centre's reason and a retry.
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { ref } from 'vue'
import { describe, expect, it } from 'vitest'
import { buildApi } from '@shared/contract/api'
import { ok, type Result } from '@shared/contract/result'
import type { QuarantineItem, SyncStatusView } from '@shared/contract/sync-views'
import { API_PORT } from '../../renderer/src/api/port'
import SyncStatus from '../../renderer/src/components/SyncStatus.vue'
import { createAppI18n } from '../../renderer/src/i18n'
import { useSessionStore } from '../../renderer/src/stores/session'
import SyncView from '../../renderer/src/views/SyncView.vue'

const status: SyncStatusView = {
  configured: true,
  centralUrl: 'https://central.example.com',
  enrolled: true,
  counterId: 'C1',
  nightlyAt: '02:30',
  running: false,
  lastSuccessAt: '2026-11-22T01:30:00Z',
  lastAttemptAt: '2026-11-22T01:30:00Z',
  lastError: null,
  nextRetryAt: null,
  pendingEvents: 12,
  pendingPhotos: 3,
  quarantined: 1,
}
const quarantine: QuarantineItem[] = [{ kind: 'event', ref: 'ev-9', caseId: 'c1', status: 422, reason: 'unknown event type "case.bogus"', at: '2026-11-22T01:30:00Z' }]

function setup(role: 'supervisor' | 'staff' = 'supervisor') {
  setActivePinia(createPinia())
  const calls: { name: string; input: unknown }[] = []
  const listeners = new Map<string, (p: unknown) => void>()
  const session = { signedIn: true, mode: 'staff', idleLockSeconds: 300, staff: { id: 'S1', name: 'Sam', role, createdAt: '2026-11-01T00:00:00Z' } }
  const answers: Record<string, unknown> = { 'session.current': session, 'sync.status': status, 'sync.quarantine': quarantine, 'sync.retry': status, 'sync.now': status, 'sync.configure': status }
  const api = buildApi(
    async (name, input): Promise<Result<unknown>> => {
      calls.push({ name, input })
      return ok(answers[name] ?? null)
    },
    (name, listener) => {
      listeners.set(name, listener)
      return () => {}
    },
  )
  const global = { plugins: [createAppI18n('en')], provide: { [API_PORT as symbol]: { api, connection: ref('open') } } }
  const mountIt = async <C>(c: C) => mount(c as never, { global })
  // The session store is shared with the app: signed in before the view mounts.
  const signIn = async () => {
    const w = mount({ setup: () => ({ s: useSessionStore() }), template: '<div />' }, { global })
    await (w.vm as unknown as { s: { load(): Promise<void> } }).s.load()
  }
  return { calls, listeners, mountIt, signIn }
}

describe('sync status and view', () => {
  it('shows what is pending and a progress bar while a sync runs', async () => {
    const { listeners, mountIt } = setup()
    const w = await mountIt(SyncStatus)
    await flushPromises()
    expect(w.get('[data-test=sync-status]').text()).toContain('12 events, 3 photos to send')
    expect(w.text()).toContain('1 refused')
    expect(w.find('[data-test=sync-progress]').exists()).toBe(false)
    listeners.get('sync.progress')!({ phase: 'events', done: 5, total: 10 })
    await flushPromises()
    expect(w.get('[data-test=sync-progress]').attributes('value')).toBe('50')
    listeners.get('sync.progress')!({ phase: 'done', done: 1, total: 1 })
    await flushPromises()
    expect(w.find('[data-test=sync-progress]').exists()).toBe(false)
  })

  it('lists the quarantine with the centre’s reason for a supervisor, and retries one', async () => {
    const { calls, mountIt, signIn } = setup('supervisor')
    await signIn()
    const w = await mountIt(SyncView)
    await flushPromises()
    expect(w.get('[data-test=sync-quarantine]').text()).toContain('422 — unknown event type "case.bogus"')
    await w.get('[data-test=sync-retry-ev-9]').trigger('click')
    await flushPromises()
    expect(calls.find((c) => c.name === 'sync.retry')?.input).toEqual({ kind: 'event', ref: 'ev-9' })
    await w.get('[data-test=sync-nightly]').setValue('03:45')
    await w.get('form').trigger('submit')
    await flushPromises()
    expect(calls.find((c) => c.name === 'sync.configure')?.input).toEqual({ centralUrl: 'https://central.example.com', nightlyAt: '03:45' })
    expect(w.text()).not.toContain('dd_')
  })

  it('hides configuration and quarantine from staff', async () => {
    const { mountIt, signIn } = setup('staff')
    await signIn()
    const w = await mountIt(SyncView)
    await flushPromises()
    expect(w.find('[data-test=sync-now]').exists()).toBe(true)
    expect(w.find('[data-test=sync-url]').exists()).toBe(false)
    expect(w.find('[data-test=sync-quarantine]').exists()).toBe(false)
  })
})
