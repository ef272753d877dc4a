// The device identity step: a scanned IMEI fills the field and is sent at once; a mistyped one
// is refused on screen, before anything is sent.
import { flushPromises } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { useScanRouter } from '../../renderer/src/stores/scan-router'
import VerifyStep from '../../renderer/src/steps/VerifyStep.vue'
import { mountStep, startOf } from './intake-fixtures'

describe('VerifyStep', () => {
  it('sends a scanned IMEI to intake.identify at once', async () => {
    const { wrapper, calls } = await mountStep(VerifyStep, startOf)
    useScanRouter().accept({ code: '356938035643809', source: 'wedge', at: new Date().toISOString() })
    await flushPromises()
    expect((wrapper.get('[data-test=imei-input]').element as HTMLInputElement).value).toBe('356938035643809')
    expect(calls).toEqual([['intake.identify', { caseId: 'c1', imei: '356938035643809', serial: undefined, assessmentMatches: undefined }]])
  })

  it('refuses a mistyped IMEI with what to do, and sends nothing', async () => {
    const { wrapper, calls } = await mountStep(VerifyStep, startOf)
    await wrapper.get('[data-test=imei-input]').setValue('356938035643808')
    await wrapper.get('[data-test=identity-form]').trigger('submit')
    await flushPromises()
    expect(wrapper.get('[data-test=identity-problems] [data-problem]').attributes('data-problem')).toBe('imei_check_digit')
    expect(wrapper.get('[data-test=identity-problems]').text()).toContain('last digit is wrong')
    expect(calls).toEqual([])
  })
})
