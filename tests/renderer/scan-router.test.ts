// The renderer's one scan stream: the wedge (with the prefix from the scanner settings) and the
// services' scanners (`scanner.scanned`) reach the same router; duplicates within 1 s count once;
// the active step's handler takes the codes it understands; the rest fall back to an order lookup
// or a clear notice; test mode only lists scans.
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { defineComponent, h, ref } from 'vue'
import { describe, expect, it } from 'vitest'
import { buildApi } from '@shared/contract/api'
import type { CallName } from '@shared/contract/calls'
import type { DevicesView } from '@shared/contract/devices-views'
import { fail, ok, type Result } from '@shared/contract/result'
import type { ScanEvent } from '@shared/contract/views'
import { API_PORT } from '../../renderer/src/api/port'
import { useScanSources } from '../../renderer/src/composables/useScanSources'
import { createAppI18n } from '../../renderer/src/i18n'
import { useScanRouter } from '../../renderer/src/stores/scan-router'

const devicesView = (prefix = ''): DevicesView => ({
  sources: [{ source: 'serial', state: 'connected' }],
  settings: {
    wedge: { enabled: true, prefix, suffix: '' },
    camera: { enabled: false },
    hid: { enabled: false, usagePage: 0x8c },
    serial: { enabled: true, path: '/dev/ttyACM0', baudRate: 9600, terminator: 'cr', interByteTimeoutMs: 50 },
  },
  canConfigure: false,
  recentScans: [],
})

function setup(opts: { prefix?: string; accepting?: () => boolean } = {}) {
  const lookups: string[] = []
  const listeners = new Map<string, Array<(p: unknown) => void>>()
  const api = buildApi(
    async (name: CallName, input: unknown): Promise<Result<unknown>> => {
      if (name === 'devices.list') return ok(devicesView(opts.prefix))
      if (name === 'orders.lookup') {
        lookups.push((input as { code: string }).code)
        return fail('not_found', 'none')
      }
      return fail('internal', `unexpected ${name}`)
    },
    (name, listener) => {
      listeners.set(name, [...(listeners.get(name) ?? []), listener])
      return () => {}
    },
  )
  const pinia = createPinia()
  setActivePinia(pinia)
  const Host = defineComponent({
    setup() {
      useScanSources(opts.accepting ? { accepting: opts.accepting } : {})
      return () => h('div')
    },
  })
  const wrapper = mount(Host, { global: { plugins: [pinia, createAppI18n('en')], provide: { [API_PORT as symbol]: { api, connection: ref('open') } } }, attachTo: document.body })
  const push = (scan: Partial<ScanEvent> & { code: string }) =>
    listeners.get('scanner.scanned')?.forEach((l) => l({ source: 'serial', at: new Date().toISOString(), ...scan }))
  return { wrapper, lookups, push, router: useScanRouter() }
}

/** A keyboard-wedge burst: chars 5 ms apart, then Enter. */
function wedge(code: string, start = 1000): void {
  let at = start
  for (const key of [...code, 'Enter']) {
    const e = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true })
    Object.defineProperty(e, 'timeStamp', { value: at })
    window.dispatchEvent(e)
    at += 5
  }
}

/** Keys of a wedge burst, 5 ms apart from `start` (an `Enter` in the list ends it). */
function keys(list: string[], start: number): void {
  list.forEach((key, i) => {
    const e = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true })
    Object.defineProperty(e, 'timeStamp', { value: start + i * 5 })
    window.dispatchEvent(e)
  })
}

describe('scan router', () => {
  it('keeps a scan whole when the device settings arrive in the middle of it (right after sign-in)', async () => {
    const lookups: string[] = []
    let release: (r: Result<unknown>) => void = () => {}
    const api = buildApi(
      async (name: CallName, input: unknown): Promise<Result<unknown>> => {
        if (name === 'devices.list') return new Promise((resolve) => (release = resolve))
        if (name === 'orders.lookup') lookups.push((input as { code: string }).code)
        return fail('not_found', 'none')
      },
      () => () => {},
    )
    const pinia = createPinia()
    setActivePinia(pinia)
    const Host = defineComponent({ setup: () => (useScanSources(), () => h('div')) })
    const wrapper = mount(Host, { global: { plugins: [pinia, createAppI18n('en')], provide: { [API_PORT as symbol]: { api, connection: ref('open') } } }, attachTo: document.body })
    const code = [...'BMR-7731902-00']
    keys(code.slice(0, 7), 1000)
    release(ok(devicesView()))
    await flushPromises()
    keys([...code.slice(7), 'Enter'], 1035)
    await flushPromises()
    expect(lookups).toEqual(['BMR-7731902-00'])
    wrapper.unmount()
  })

  it('looks up a wedge scan and a service scan as orders, and counts a repeat within 1 s once', async () => {
    const { wrapper, lookups, push } = setup()
    await flushPromises()
    wedge('BMR-7731902-00')
    push({ code: '1Z999AA10123456784', symbology: ']C0' })
    push({ code: '1Z999AA10123456784', symbology: ']C0' })
    await flushPromises()
    expect(lookups).toEqual(['BMR-7731902-00', '1Z999AA10123456784'])
    wrapper.unmount()
  })

  it('strips the wedge prefix configured in the scanner settings', async () => {
    const { wrapper, lookups } = setup({ prefix: ']' })
    await flushPromises()
    wedge(']RMA-7731902', 5000)
    wedge('RMA-7731999', 6000) // no prefix: not a scan any more
    await flushPromises()
    expect(lookups).toEqual(['RMA-7731902'])
    wrapper.unmount()
  })

  it('gives the active step first pick, newest first, and falls back when it declines', async () => {
    const { wrapper, lookups, push, router } = setup()
    const taken: string[] = []
    const releaseOuter = router.register(() => false)
    const release = router.register((code) => {
      if (code.kind !== 'imei') return false
      taken.push(code.imei)
      return true
    })
    push({ code: '356938035643809' })
    push({ code: 'BM-48213377' })
    await flushPromises()
    expect(taken).toEqual(['356938035643809'])
    expect(lookups).toEqual(['BM-48213377'])
    release()
    releaseOuter()
    push({ code: '490154203237518' })
    expect(router.notice).toEqual({ code: '490154203237518', reason: 'imeiWithoutCase' })
    push({ code: 'not a code at all!' })
    expect(router.notice).toMatchObject({ reason: 'notACode' })
    wrapper.unmount()
  })

  it('only lists scans in test mode, and drops every scan while nobody may scan', async () => {
    let signedIn = true
    const { wrapper, lookups, push, router } = setup({ accepting: () => signedIn })
    router.testMode = true
    push({ code: ']C1010950600013435221356938035643809' })
    push({ code: 'RMA-1234567', source: 'hid', symbology: ']Q1' })
    await flushPromises()
    expect(lookups).toEqual([])
    expect(router.recent.map((s) => [s.code, s.source, s.symbology, s.kind])).toEqual([
      ['RMA-1234567', 'hid', ']Q1', 'label'],
      [']C1010950600013435221356938035643809', 'serial', undefined, 'gs1'],
    ])
    router.testMode = false
    signedIn = false
    push({ code: 'RMA-7654321' })
    await flushPromises()
    expect(lookups).toEqual([])
    expect(router.recent).toHaveLength(2)
    wrapper.unmount()
  })
})
