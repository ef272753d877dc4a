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

const job = (state: PrintJobView['state']): PrintJobView => ({ id: 'j1', caseId: 'c1', document: 'orderSlip', printerId: 'printer-2', printerName: 'Counter slips', state, attempts: 1, createdAt: '' })
const printCalls = (calls: [string, unknown][]) => calls.filter(([n]) => n !== 'print.jobs')

function mountButton(props: { document: 'orderSlip' | 'pickupManifest'; caseIds: string[] }, handler: (name: CallName, input: unknown) => Result<unknown>) {
  const { calls, global } = recordingApi(handler)
  const wrapper = mount(PrintDocumentButton, { props, global })
  return { wrapper, calls }
}

describe('print document button', () => {
  it('prints the slip of the case and follows the job until it is printed', async () => {
    vi.useFakeTimers()
    let printed = false
    let polls = 0
    const { wrapper, calls } = mountButton({ document: 'orderSlip', caseIds: ['c1'] }, (name) =>
      name === 'print.orderSlip' ? ((printed = true), ok({ ...job('held'), heldFor: 'paper_out' })) : ok(printed ? [job(++polls > 1 ? 'acknowledged' : 'held')] : []),
    )
    await flushPromises()
    await wrapper.get('button').trigger('click')
    await flushPromises()
    expect(printCalls(calls)[0]).toEqual(['print.orderSlip', { caseId: 'c1' }])
    expect(wrapper.get('[role=status]').text()).toBe('Held: Counter slips has no paper or labels. Load a new roll; it prints by itself.')
    await vi.advanceTimersByTimeAsync(2100)
    await flushPromises()
    expect(wrapper.get('[role=status]').attributes('data-state')).toBe('acknowledged')
    expect(wrapper.get('[role=status]').text()).toBe('Printed ✓ at Counter slips')
  })

  it('prints a pickup manifest for every case of the batch, and shows a refusal', async () => {
    const { wrapper, calls } = mountButton({ document: 'pickupManifest', caseIds: ['a', 'b'] }, () => fail('not_found', 'No printer is assigned to the pickup manifest: add one in Printers.'))
    await wrapper.get('button').trigger('click')
    await flushPromises()
    expect(printCalls(calls)[0]).toEqual(['print.pickupManifest', { caseIds: ['a', 'b'] }])
    expect(wrapper.get('[role=alert]').text()).toContain('add one in Printers')
  })

  it('says why a job failed in the screen’s language, from the failure’s reason key', async () => {
    const lastError = 'the printer did not answer after the job'
    const { global, i18n } = recordingApi((name) => (name === 'print.jobs' ? ok([{ ...job('failed'), lastError, failure: { key: 'printJob.noAnswer', message: lastError } }]) : ok(job('queued'))))
    i18n.global.locale.value = 'fr'
    const wrapper = mount(PrintDocumentButton, { props: { document: 'orderSlip', caseIds: ['c1'] }, global })
    await flushPromises()
    expect(wrapper.get('[role=status]').text()).toBe('Non imprimé sur Counter slips : l’imprimante n’a pas répondu après l’impression. Vérifiez l’imprimante dans Imprimantes, puis imprimez à nouveau.')
  })

  it('says why a job failed, by the printer\'s name, and a missing printer without an internal id', async () => {
    const failed = mountButton({ document: 'orderSlip', caseIds: ['c1'] }, (name) => (name === 'print.jobs' ? ok([{ ...job('failed'), lastError: 'the printer did not answer after the job' }]) : ok(job('queued'))))
    await flushPromises()
    expect(failed.wrapper.get('[role=status]').text()).toBe('Not printed on Counter slips: the printer did not answer after the job. Check the printer in Printers, then print again.')
    const none = mountButton({ document: 'orderSlip', caseIds: ['c1'] }, (name) => (name === 'print.jobs' ? ok([]) : fail('unavailable', 'No printer is set up for the order details slip: a supervisor can choose one in Printers.', { reason: 'no_printer', document: 'orderSlip' })))
    await flushPromises()
    await none.wrapper.get('button').trigger('click')
    await flushPromises()
    expect(none.wrapper.get('[role=alert]').text()).toBe('No printer is chosen for “Order details slip”: a supervisor chooses one in Printers. Until then, write it by hand.')
  })
})
