// The print buttons of the intake steps: they send only ids, show the job's state until the
// printer acknowledged it, and say what went wrong.
import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { CallName } from '@shared/contract/calls'
import type { PrintJobView } from '@shared/contract/printing-views'
import { fail, ok, type Result } from '@shared/contract/result'
import PrintDocumentButton from '../../renderer/src/components/printing/PrintDocumentButton.vue'
import { recordingApi } from './recording-api'

afterEach(() => vi.useRealTimers())

const job = (state: PrintJobView['state']): PrintJobView => ({ id: 'j1', caseId: 'c1', document: 'orderSlip', printerId: 'p', state, attempts: 1, createdAt: '' })

function mountButton(props: { document: 'orderSlip' | 'pickupManifest'; caseIds: string[] }, handler: (name: CallName, input: unknown) => Result<unknown>) {
  const { calls, global } = recordingApi(handler)
  const wrapper = mount(PrintDocumentButton, { props, global })
  return { wrapper, calls }
}

describe('print document button', () => {
  it('prints the slip of the case and follows the job until it is printed', async () => {
    vi.useFakeTimers()
    let polls = 0
    const { wrapper, calls } = mountButton({ document: 'orderSlip', caseIds: ['c1'] }, (name) =>
      name === 'print.orderSlip' ? ok(job('held')) : ok([job(++polls > 1 ? 'acknowledged' : 'held')]),
    )
    await wrapper.get('button').trigger('click')
    await flushPromises()
    expect(calls[0]).toEqual(['print.orderSlip', { caseId: 'c1' }])
    expect(wrapper.get('[role=status]').text()).toMatch(/Held: the printer is not ready/)
    await vi.advanceTimersByTimeAsync(2100)
    await flushPromises()
    expect(wrapper.get('[role=status]').attributes('data-state')).toBe('acknowledged')
    expect(wrapper.get('[role=status]').text()).toBe('Printed.')
  })

  it('prints a pickup manifest for every case of the batch, and shows a refusal', async () => {
    const { wrapper, calls } = mountButton({ document: 'pickupManifest', caseIds: ['a', 'b'] }, () => fail('not_found', 'No printer is assigned to the pickup manifest: add one in Printers.'))
    await wrapper.get('button').trigger('click')
    await flushPromises()
    expect(calls[0]).toEqual(['print.pickupManifest', { caseIds: ['a', 'b'] }])
    expect(wrapper.get('[role=alert]').text()).toContain('add one in Printers')
  })
})
