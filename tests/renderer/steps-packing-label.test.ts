// The packing checklist (each item with its why) and binding the label's tracking number.
import { flushPromises } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { useScanRouter } from '../../renderer/src/stores/scan-router'
import LabelStep from '../../renderer/src/steps/LabelStep.vue'
import PackingStep from '../../renderer/src/steps/PackingStep.vue'
import { ok } from '@shared/contract/result'
import type { PrintJobView } from '@shared/contract/printing-views'
import { detailOf, mountStep, startOf } from './intake-fixtures'

// The print button reads the case's jobs and the label step the carriers when they appear; the steps' own calls are the rest.
const stepCalls = (calls: [string, unknown][]) => calls.filter(([n]) => n !== 'print.jobs' && n !== 'label.carriers')
const slipJob = (state: PrintJobView['state']): PrintJobView => ({ id: 'j1', caseId: 'c1', document: 'orderSlip', printerId: 'printer-2', printerName: 'Counter slips', state, attempts: 1, createdAt: '2026-11-23T09:00:00Z' })

describe('PackingStep', () => {
  it('shows each item with its why for the customer, and ticks one', async () => {
    const { wrapper, calls } = await mountStep(PackingStep, startOf)
    expect(wrapper.findAll('.checklist li')).toHaveLength(5)
    expect(wrapper.get('[data-test=pack-wrapped_and_wedged]').text()).toContain('A device that can move inside the box breaks on the way.')
    await wrapper.get('[data-test=pack-strong_box]').trigger('click')
    await flushPromises()
    expect(stepCalls(calls)).toEqual([['packing.check', { caseId: 'c1', item: 'strong_box' }]])
  })

  it('offers "Slip printed and put inside" only once the printer acknowledged the slip; "written by hand" always', async () => {
    let state: PrintJobView['state'] = 'held'
    const { wrapper } = await mountStep(PackingStep, startOf, (name) => (name === 'print.jobs' ? ok([{ ...slipJob(state), heldFor: 'paper_out' }]) : ok({ detail: detailOf(startOf), recorded: true })))
    expect(wrapper.find('[data-test=slip-printed]').exists()).toBe(false)
    expect(wrapper.get('[data-test=slip-written]').text()).toBe('Slip handwritten and put inside')
    expect(wrapper.get('[data-test=print-orderSlip] [role=status]').text()).toBe('Held: Counter slips has no paper or labels. Load a new roll; it prints by itself.')
    state = 'acknowledged'
    const again = await mountStep(PackingStep, startOf, (name) => (name === 'print.jobs' ? ok([slipJob(state)]) : ok({ detail: detailOf(startOf), recorded: true })))
    expect(again.wrapper.get('[data-test=print-orderSlip] [role=status]').text()).toBe('Printed ✓ at Counter slips')
    expect(again.wrapper.get('[data-test=slip-printed]').text()).toBe('Slip printed and put inside')
  })
})

describe('LabelStep', () => {
  it('refuses another parcel\'s label on screen and binds this one\'s scan', async () => {
    const { wrapper, calls: all } = await mountStep(LabelStep, startOf)
    // The step asks once for the counter's carriers (for a new label): not a recording call.
    const calls = stepCalls(all)
    useScanRouter().accept({ code: '1Z999AA10123456793', source: 'wedge', at: new Date().toISOString() })
    await flushPromises()
    expect(wrapper.get('[data-test=binding-problem]').attributes('data-problem')).not.toBeUndefined()
    expect(stepCalls(calls)).toEqual([])
    useScanRouter().accept({ code: '1Z999AA10123456784', source: 'hid', at: new Date().toISOString() })
    await flushPromises()
    expect(stepCalls(all)).toEqual([['label.bind', { caseId: 'c1', code: '1Z999AA10123456784' }]])
  })

  it('records a new label when the order\'s has expired, then binds it', async () => {
    // After label.record the services' detail carries the new label.
    const relabelled = detailOf(startOf)
    relabelled.intake.label = { source: 'new', carrier: 'UPS', trackingNumber: '1Z999AA10123456793', validUntil: '2026-12-06', expired: false }
    const { wrapper, calls, intake } = await mountStep(LabelStep, startOf, (name) => (name === 'label.carriers' ? ok(['UPS', 'DHL']) : ok({ detail: relabelled, recorded: true })))
    intake.current!.intake.label.expired = true
    await flushPromises()
    expect(wrapper.get('[data-test=label-expired-flow]').text()).toContain('Stick a new label on the parcel, choose its carrier, then scan the new label')
    useScanRouter().accept({ code: '1Z999AA10123456793', source: 'wedge', at: new Date().toISOString() })
    await flushPromises()
    expect(stepCalls(calls).map(([n, input]) => [n, (input as { code: string }).code])).toEqual([
      ['label.record', '1Z999AA10123456793'],
      ['label.bind', '1Z999AA10123456793'],
    ])
  })
})
