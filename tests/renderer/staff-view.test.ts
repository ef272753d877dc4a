// The supervisors' Staff view: the list, adding someone with a generated PIN shown once, and a
// removal that takes a second, named confirmation.
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { describe, expect, it, vi } from 'vitest'
import { ref } from 'vue'
import { buildApi } from '@shared/contract/api'
import { fail, ok, type Result } from '@shared/contract/result'
import type { StaffMember } from '@shared/contract/staff-views'
import { API_PORT } from '../../renderer/src/api/port'
import { createAppI18n } from '../../renderer/src/i18n'
import StaffView from '../../renderer/src/views/StaffView.vue'

const ana: StaffMember = { id: 'S1', name: 'Ana', role: 'supervisor', createdAt: '2026-11-01T08:00:00Z' }
const lea: StaffMember = { id: 'S2', name: 'Léa', role: 'staff', createdAt: '2026-11-02T08:00:00Z' }

function mountView() {
  let members = [ana]
  const invoke = vi.fn(async (name: string, input: unknown): Promise<Result<unknown>> => {
    switch (name) {
      case 'staff.list':
        return ok(members)
      case 'staff.add':
        members = [ana, lea]
        return ok({ staff: lea, generatedPin: '047112' })
      case 'staff.remove':
        if ((input as { staffId: string }).staffId === 'S1') return fail('conflict', 'This is the last supervisor: add another supervisor first.')
        members = [ana]
        return ok(lea)
      default:
        return fail('not_found', 'not in this test')
    }
  })
  const api = buildApi(invoke as never, () => () => {})
  const wrapper = mount(StaffView, {
    global: { plugins: [createPinia(), createAppI18n('en')], provide: { [API_PORT as symbol]: { api, connection: ref('open') } } },
  })
  return { wrapper, invoke }
}

describe('Staff view', () => {
  it('adds a person with a generated PIN, shown once until dismissed', async () => {
    const { wrapper, invoke } = mountView()
    await flushPromises()
    expect(wrapper.get('[data-test=staff-list]').text()).toContain('Ana')
    await wrapper.get('[data-test=staff-name]').setValue('Léa')
    await wrapper.get('[data-test=staff-add]').trigger('submit')
    await flushPromises()
    expect(invoke).toHaveBeenCalledWith('staff.add', { name: 'Léa', role: 'staff' })
    expect(wrapper.get('[data-test=generated-pin]').text()).toContain('047112')
    expect(wrapper.get('[data-test=staff-list]').text()).toContain('Léa')
    await wrapper.get('[data-test=generated-pin] button').trigger('click')
    expect(wrapper.find('[data-test=generated-pin]').exists()).toBe(false)
    expect(wrapper.text()).not.toContain('047112')
  })

  it('removes only after a named confirmation, and shows why the last supervisor stays', async () => {
    const { wrapper, invoke } = mountView()
    await flushPromises()
    await wrapper.get('[data-test=remove]').trigger('click')
    expect(invoke.mock.calls.some(([n]) => n === 'staff.remove')).toBe(false)
    expect(wrapper.get('[data-test=confirm-remove]').text()).toBe('Yes, remove Ana')
    await wrapper.get('[data-test=confirm-remove]').trigger('click')
    await flushPromises()
    expect(invoke).toHaveBeenCalledWith('staff.remove', { staffId: 'S1' })
    expect(wrapper.get('[data-test=staff-error]').text()).toContain('last supervisor')
  })
})
