// The devices panel with a fake API port: every source with its state and last scan, live
// `device.status` updates, the settings form for a supervisor only (with the note that
// keyboard-mode scanners cannot be opened as HID), and a save that sends the settings.
import { flushPromises, mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import type { DevicesView as DevicesViewModel, DeviceStatusView } from '@shared/contract/devices-views'
import { fail, ok, type Result } from '@shared/contract/result'
import { useDevicesStore } from '../../renderer/src/stores/devices'
import DevicesView from '../../renderer/src/views/DevicesView.vue'
import { recordingApi } from './recording-api'

function model(canConfigure: boolean): DevicesViewModel {
  return {
    sources: [
      { source: 'hid', state: 'unavailable', detail: 'The HID scanner library could not be loaded (libusb).' },
      { source: 'serial', state: 'connected', detail: '/dev/ttyACM0 at 9600 baud', lastScan: { code: 'RMA-7731902', source: 'serial', at: '2026-11-22T09:00:00Z' } },
    ],
    settings: {
      wedge: { enabled: true, prefix: '', suffix: '' },
      camera: { enabled: false },
      hid: { enabled: true, usagePage: 0x8c },
      serial: { enabled: true, path: '/dev/ttyACM0', baudRate: 9600, terminator: 'cr', interByteTimeoutMs: 50 },
    },
    canConfigure,
    recentScans: [],
  }
}

function setup(canConfigure: boolean) {
  const { calls, global } = recordingApi((name, input): Result<unknown> => {
    if (name === 'devices.list') return ok(model(canConfigure))
    if (name === 'devices.configure') return ok({ ...model(canConfigure), settings: (input as { settings: unknown }).settings })
    return fail('internal', 'unexpected')
  })
  const wrapper = mount(DevicesView, { global })
  return { wrapper, calls }
}

describe('devices panel', () => {
  it('lists every source with its state and last scan, and follows device.status', async () => {
    const { wrapper } = setup(false)
    await flushPromises()
    const row = (s: string) => wrapper.get(`[data-test=device-list] tr[data-source=${s}]`)
    expect(row('wedge').attributes('data-state')).toBe('connected')
    expect(row('camera').attributes('data-state')).toBe('disabled')
    expect(row('hid').text()).toContain('Unavailable')
    expect(row('hid').text()).toContain('libusb')
    expect(row('serial').text()).toContain('RMA-7731902')
    const unplugged: DeviceStatusView = { source: 'serial', state: 'disconnected', detail: '/dev/ttyACM0: The port closed (unplugged?).', lastScan: { code: 'RMA-7731902', source: 'serial', at: '2026-11-22T09:00:00Z' } }
    useDevicesStore().onStatus(unplugged)
    await flushPromises()
    expect(row('serial').attributes('data-state')).toBe('disconnected')
    expect(row('serial').text()).toContain('Not connected')
  })

  it('shows the settings to a supervisor only', async () => {
    const staff = setup(false)
    await flushPromises()
    expect(staff.wrapper.find('[data-test=scanner-settings]').exists()).toBe(false)
    expect(staff.wrapper.get('[data-test=settings-locked]').text()).toContain('Only a supervisor')
    staff.wrapper.unmount()

    const supervisor = setup(true)
    await flushPromises()
    expect(supervisor.wrapper.get('[data-test=hid-keyboard-note]').text()).toMatch(/keyboard mode .* Windows and macOS .* keyboard scanner source/)
    await supervisor.wrapper.get('[data-test=wedge-prefix]').setValue(']')
    await supervisor.wrapper.get('[data-test=camera-enabled]').setValue(true)
    await supervisor.wrapper.get('[data-test=camera-decoder]').setValue('zxing-js')
    await supervisor.wrapper.get('[data-test=scanner-settings]').trigger('submit')
    await flushPromises()
    const sent = supervisor.calls.find(([n]) => n === 'devices.configure')?.[1] as { settings: DevicesViewModel['settings'] }
    expect(sent.settings.wedge.prefix).toBe(']')
    expect(sent.settings.camera).toEqual({ enabled: true, decoder: 'zxing-js' })
    expect(sent.settings.serial.path).toBe('/dev/ttyACM0')
  })
})
