// The last manifest import on the diagnostics screen, read as a supervisor reads it: by its
// heading and visible text, in English and French.
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { ref } from 'vue'
import { describe, expect, it } from 'vitest'
import { buildApi } from '@shared/contract/api'
import type { DiagnosticsView } from '@shared/contract/diagnostics-views'
import type { ManifestImportView } from '@shared/contract/import-views'
import { ok } from '@shared/contract/result'
import { API_PORT } from '../../renderer/src/api/port'
import { createAppI18n, type Locale } from '../../renderer/src/i18n'
import DiagnosticsViewComponent from '../../renderer/src/views/DiagnosticsView.vue'

const base: DiagnosticsView = {
  generatedAt: '2026-11-22T10:00:00Z',
  versions: { app: '0.1.0', node: '20.20.2', electron: null, chromium: null, sqlite: '3.50.4', platform: 'linux x64' },
  dataDir: '/srv/dropdesk',
  disk: null,
  database: { bytes: 4096, walBytes: 0, schemaVersion: 10, events: 0, cases: 0, orders: 3 },
  sync: { configured: false, lastSyncAt: null, detail: null },
  probes: [],
}

async function mountWith(lastImport: ManifestImportView | null, locale: Locale = 'en') {
  setActivePinia(createPinia())
  const api = buildApi(async () => ok({ ...base, lastImport }), () => () => {})
  const wrapper = mount(DiagnosticsViewComponent, {
    global: { plugins: [createAppI18n(locale)], provide: { [API_PORT as symbol]: { api, connection: ref('open') } } },
  })
  await flushPromises()
  return wrapper
}

function section(wrapper: Awaited<ReturnType<typeof mountWith>>, title: string) {
  const heading = wrapper.findAll('h2').find((h) => h.text() === title)
  expect(heading, `a heading "${title}"`).toBeTruthy()
  return wrapper.get(`section[aria-labelledby="${heading!.attributes('id')}"]`)
}

const withRejections: ManifestImportView = {
  at: '2026-11-22T10:00:00.000Z',
  fileName: 'monday.jsonl',
  refused: null,
  lines: 5,
  imported: 3,
  added: 2,
  rejectedCount: 2,
  rejected: [
    { line: 2, reason: '`orderNumber` is missing: every record needs the marketplace order number' },
    { line: 4, reason: 'order BM-1 is already on line 1, which was kept' },
  ],
}

describe('the last manifest import on Diagnostics', () => {
  it('shows when, the file, the counts and each rejected line with its reason', async () => {
    const s = section(await mountWith(withRejections), 'Last manifest import')
    expect(s.text()).toContain('monday.jsonl')
    expect(s.text()).toContain('5 lines: 3 imported (2 new orders), 2 rejected')
    expect(s.text()).toContain('Rejected lines')
    expect(s.text()).toContain('Line 2 `orderNumber` is missing: every record needs the marketplace order number')
    expect(s.text()).toContain('Line 4 order BM-1 is already on line 1')
  })

  it('says a refused file was refused whole, and why', async () => {
    const s = section(await mountWith({ ...withRejections, refused: 'orders.csv looks like CSV; the manifest is JSON Lines', lines: 0, imported: 0, added: 0, rejectedCount: 0, rejected: [] }), 'Last manifest import')
    expect(s.get('[role=status]').text()).toContain('The whole file was refused, nothing was imported:')
    expect(s.text()).toContain('looks like CSV')
  })

  it('says each rejected line’s reason in French from its key; a line recorded without a key keeps its English reason', async () => {
    const keyed: ManifestImportView = {
      ...withRejections,
      rejected: [
        { line: 2, reason: '`orderNumber` is missing: every record needs the marketplace order number', key: 'import.fieldMissing', params: { field: 'orderNumber', more: 0 } },
        { line: 3, reason: '`orderDate` is 2026-11-30, after today (2026-11-22): …', key: 'import.futureDate', params: { field: 'orderDate', date: '2026-11-30', today: '2026-11-22' } },
        { line: 4, reason: 'order BM-1 is already on line 1, which was kept' },
      ],
    }
    const fr = section(await mountWith(keyed, 'fr'), 'Dernier import de manifeste')
    expect(fr.text()).toContain('Ligne 2 `orderNumber` manque : ajoutez-le et importez la ligne à nouveau.')
    expect(fr.text()).toContain('Ligne 3 `orderDate` est le 30 nov. 2026, après aujourd’hui (22 nov. 2026)')
    expect(fr.text()).toContain('Ligne 4 order BM-1 is already on line 1')
  })

  it('says when no file was ever imported, in French too', async () => {
    expect(section(await mountWith(null), 'Last manifest import').text()).toContain('No manifest file has been imported on this kiosk')
    const fr = section(await mountWith(withRejections, 'fr'), 'Dernier import de manifeste')
    expect(fr.text()).toContain('5 lignes : 3 importées (2 nouvelles commandes), 2 refusées')
    expect(fr.text()).toContain('Ligne 2')
  })
})
