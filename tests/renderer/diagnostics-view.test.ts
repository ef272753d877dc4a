// The diagnostics screen with a fake API port: it shows what app.diagnostics returns (versions,
// storage, sync, probes) and, when the services refuse, their message instead.
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { ref } from 'vue'
import { describe, expect, it } from 'vitest'
import { buildApi } from '@shared/contract/api'
import type { DiagnosticsView } from '@shared/contract/diagnostics-views'
import { fail, ok, type Result } from '@shared/contract/result'
import { API_PORT } from '../../renderer/src/api/port'
import { createAppI18n } from '../../renderer/src/i18n'
import DiagnosticsViewComponent from '../../renderer/src/views/DiagnosticsView.vue'

const report: DiagnosticsView = {
  generatedAt: '2026-11-22T10:00:00Z',
  versions: { app: '0.1.0', node: '22.1.0', electron: null, chromium: null, sqlite: '3.50.4', platform: 'linux x64' },
  dataDir: '/srv/dropdesk',
  disk: { freeBytes: 512 * 1024 ** 2, totalBytes: 32 * 1024 ** 3, status: 'warning' },
  database: { bytes: 4096 * 1024, walBytes: 1024, schemaVersion: 5, events: 42, cases: 7, orders: 1200 },
  sync: { configured: false, lastSyncAt: null, detail: 'not configured' },
  probes: [{ id: 'printer:label', label: 'Label printer', status: 'error', detail: 'offline' }],
}

function mountWith(answer: Result<unknown>) {
  setActivePinia(createPinia())
  const api = buildApi(async () => answer, () => () => {})
  return mount(DiagnosticsViewComponent, {
    global: { plugins: [createAppI18n('en')], provide: { [API_PORT as symbol]: { api, connection: ref('open') } } },
  })
}

describe('DiagnosticsView', () => {
  it('shows the report', async () => {
    const wrapper = mountWith(ok(report))
    await flushPromises()
    expect(wrapper.get('[data-test=diagnostics-sqlite]').text()).toBe('3.50.4')
    expect(wrapper.get('[data-test=diagnostics-data-dir]').text()).toBe('/srv/dropdesk')
    expect(wrapper.get('[data-test=diagnostics-events]').text()).toBe('42')
    expect(wrapper.get('[data-test=diagnostics-sync]').text()).toContain('not configured')
    expect(wrapper.text()).toContain('browser mode')
    expect(wrapper.text()).toContain('Little space left')
    expect(wrapper.get('[data-probe="printer:label"]').text()).toContain('offline')
  })

  it("shows the services' refusal", async () => {
    const wrapper = mountWith(fail('forbidden', 'A supervisor must sign in to do this.'))
    await flushPromises()
    expect(wrapper.get('[data-test=diagnostics-error]').text()).toContain('A supervisor must sign in to do this.')
    expect(wrapper.find('[data-test=diagnostics-versions]').exists()).toBe(false)
  })
})
