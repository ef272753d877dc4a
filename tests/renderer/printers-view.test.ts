// The printers panel with a fake API port: a printer out of paper shows what to do, in French
// too; a pushed `printer.status` updates it; a preview shows before printing; without a
// supervisor the settings stay locked.
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { ref } from 'vue'
import { describe, expect, it } from 'vitest'
import { buildApi } from '@shared/contract/api'
import type { CallName } from '@shared/contract/calls'
import type { EventName } from '@shared/contract/events'
import { fail, ok, type Result } from '@shared/contract/result'
import type { PrinterView } from '@shared/contract/printing-views'
import type { CaseSummary } from '@shared/contract/views'
import { API_PORT } from '../../renderer/src/api/port'
import { createAppI18n } from '../../renderer/src/i18n'
import PrintersView from '../../renderer/src/views/PrintersView.vue'

const zebra: PrinterView = { id: 'zebra', name: 'Zebra ZD421', language: 'zpl', transport: { kind: 'raw9100', host: '10.0.0.5', port: 9100 }, labelSize: '2x1', dpi: 203, status: 'paper_out', documents: ['caseLabel'] }
const today: CaseSummary[] = [{ id: 'c1', caseNumber: 'K1-261122-001', orderNumber: 'BM-1', caseType: 'withdrawal', status: 'verified', startedAt: '', startedBy: '', updatedAt: '' }]

function setup(locale: 'en' | 'fr' = 'en') {
  const calls: CallName[] = []
  const listeners = new Map<string, (p: unknown) => void>()
  const answers: Partial<Record<CallName, Result<unknown>>> = {
    'printers.list': ok([zebra]),
    'print.jobs': ok([]),
    'printers.settings': fail('forbidden', 'A supervisor must sign in to do this.'),
    'cases.today': ok(today),
    'print.preview': ok({ kind: 'png', document: 'orderSlip', dataUrl: 'data:image/png;base64,AAAA', widthMm: 80, heightMm: 120, displayWidthPx: 420, pinMasked: true }),
    'print.orderSlip': ok({ id: 'j1', document: 'orderSlip', printerId: 'tm', state: 'queued', attempts: 0, createdAt: new Date().toISOString(), caseId: 'c1' }),
  }
  const api = buildApi(
    async (name) => {
      calls.push(name)
      return answers[name] ?? fail('not_found', name)
    },
    (name: EventName, listener: (p: never) => void) => {
      listeners.set(name, listener as (p: unknown) => void)
      return () => {}
    },
  )
  setActivePinia(createPinia())
  const wrapper = mount(PrintersView, { global: { plugins: [createAppI18n(locale)], provide: { [API_PORT as symbol]: { api, connection: ref('open') } } } })
  return { wrapper, calls, push: (name: string, p: unknown) => listeners.get(name)?.(p) }
}

describe('PrintersView', () => {
  it('shows a printer out of paper with what to do, and updates on a pushed status', async () => {
    const { wrapper, push } = setup()
    await flushPromises()
    const card = wrapper.get('[data-printer=zebra]')
    expect(card.get('[data-test=printer-status]').text()).toBe('Out of paper')
    expect(card.get('[data-test=printer-help]').text()).toMatch(/load a new roll/)
    expect(wrapper.find('[data-test=printer-settings-locked]').exists()).toBe(true)
    push('printer.status', { printerId: 'zebra', status: 'ready', at: new Date().toISOString() })
    await flushPromises()
    expect(wrapper.get('[data-printer=zebra]').attributes('data-status')).toBe('ready')
    expect(wrapper.find('[data-test=printer-help]').exists()).toBe(false)
  })

  it('in French, and a preview comes before the print button', async () => {
    const { wrapper, calls } = setup('fr')
    await flushPromises()
    expect(wrapper.get('[data-test=printer-help]').text()).toMatch(/nouveau rouleau/)
    await wrapper.get('[data-test=document-kind]').setValue('orderSlip')
    await wrapper.get('[data-test=case-pick]').setValue('c1')
    expect(wrapper.find('[data-test=print-now]').exists()).toBe(false)
    await wrapper.get('[data-test=show-preview]').trigger('click')
    await flushPromises()
    // The picture the services drew, and the PIN's masking said in words.
    expect(wrapper.get('[data-test=preview-image]').attributes('src')).toBe('data:image/png;base64,AAAA')
    expect(wrapper.get('[data-test=preview-pin-masked]').text()).toMatch(/masqué/)
    await wrapper.get('[data-test=print-now]').trigger('click')
    await flushPromises()
    expect(calls).toContain('print.orderSlip')
    expect(wrapper.get('[data-test=job-state]').text()).toBe('En attente')
  })
})
