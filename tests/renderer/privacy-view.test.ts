// The supervisor's privacy screen with a fake API port: it shows the orders found, downloads
// the export the services return, asks before erasing (and sends `confirm` only then), and
// shows the services' refusal as it is.
import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { CustomerExport, CustomerMatch, ErasureReport, RetentionView } from '@shared/contract/privacy-views'
import { fail, ok, type Result } from '@shared/contract/result'
import PrivacyView from '../../renderer/src/views/PrivacyView.vue'
import { recordingApi } from './recording-api'

const match: CustomerMatch = {
  orderNumber: 'BM-40000001',
  customerName: 'Zéphyrine Quillardet',
  cases: [{ caseId: 'c1', caseNumber: 'K1-261123-001', status: 'handed_over', erased: false }],
}
const doc: CustomerExport = { format: 'dropdesk.customer-export.v1', exportedAt: '2026-11-23T09:00:00Z', kioskId: 'K1', orderNumber: match.orderNumber, order: {}, cases: [], fileName: 'dropdesk-export-BM-40000001-2026-11-23.json' }
const erased: ErasureReport = { orderNumber: match.orderNumber, caseIds: ['c1'], eventsErased: 1, photosDeleted: 9, pinsPurged: 1, printJobsCleared: 0, walTruncated: true }
const retention: RetentionView = { days: 30, due: 2, lastRunAt: null }

afterEach(() => vi.restoreAllMocks())

function mountWith(answers: Record<string, Result<unknown>>) {
  const { calls, global } = recordingApi((name) => answers[name] ?? fail('not_found', `no answer for ${name}`))
  const wrapper = mount(PrivacyView, { attachTo: document.body, global })
  return { wrapper, calls }
}

async function find(wrapper: ReturnType<typeof mountWith>['wrapper']): Promise<void> {
  await wrapper.get('[data-test=privacy-query]').setValue('Quillardet')
  await wrapper.get('form[role=search]').trigger('submit')
  await flushPromises()
}

describe('PrivacyView', () => {
  it('finds a customer, exports the document as a download, and shows the retention delay', async () => {
    const created = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:export')
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {})
    const clicked = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {})
    const { wrapper, calls } = mountWith({ 'privacy.find': ok([match]), 'privacy.export': ok(doc), 'privacy.retention': ok(retention) })
    await flushPromises()
    expect(wrapper.get('[data-test=privacy-retention-due]').text()).toContain('2')
    await find(wrapper)
    expect(calls).toContainEqual(['privacy.find', { query: 'Quillardet' }])
    expect(wrapper.get('[data-test=privacy-name]').text()).toBe('Zéphyrine Quillardet')
    expect(wrapper.get('[data-test=privacy-case]').text()).toContain('K1-261123-001')
    await wrapper.get('[data-test=privacy-export]').trigger('click')
    await flushPromises()
    expect(calls).toContainEqual(['privacy.export', { orderNumber: match.orderNumber }])
    expect(created).toHaveBeenCalledTimes(1)
    expect(clicked).toHaveBeenCalledTimes(1)
    expect(wrapper.get('[data-test=privacy-notice]').text()).toContain('BM-40000001')
    wrapper.unmount()
  })

  it('asks before erasing, and erases only when confirmed', async () => {
    const { wrapper, calls } = mountWith({ 'privacy.find': ok([match]), 'privacy.erase': ok(erased), 'privacy.retention': ok(retention) })
    await find(wrapper)
    await wrapper.get('[data-test=privacy-erase]').trigger('click')
    expect(wrapper.get('[data-test=privacy-confirm]').text()).toContain('cannot be undone')
    await wrapper.get('[data-test=privacy-keep]').trigger('click')
    expect(calls.some(([name]) => name === 'privacy.erase')).toBe(false)
    await wrapper.get('[data-test=privacy-erase]').trigger('click')
    await wrapper.get('[data-test=privacy-confirm-erase]').trigger('click')
    await flushPromises()
    expect(calls).toContainEqual(['privacy.erase', { orderNumber: match.orderNumber, confirm: true }])
    expect(wrapper.get('[data-test=privacy-notice]').text()).toContain('9 photo(s) deleted')
    wrapper.unmount()
  })

  it("shows the services' refusal", async () => {
    const { wrapper } = mountWith({ 'privacy.find': fail('forbidden', 'A supervisor must sign in to do this.'), 'privacy.retention': ok(retention) })
    await find(wrapper)
    expect(wrapper.get('[data-test=privacy-notice]').text()).toBe('A supervisor must sign in to do this.')
    expect(wrapper.find('[data-test=privacy-match]').exists()).toBe(false)
    wrapper.unmount()
  })
})
