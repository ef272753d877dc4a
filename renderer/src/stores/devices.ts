// The scan sources as the devices screen shows them: the services' sources (HID, serial) with
// their live state from `device.status`, plus this window's own (the wedge, the camera), and
// the scanner settings, which the wedge and the camera follow too.
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { DeviceState, DeviceStatusView, DevicesView, ScannerSettings } from '@shared/contract/devices-views'
import type { ResultError } from '@shared/contract/result'
import type { ScanEvent } from '@shared/contract/views'
import { useApi } from '../api/port'

export const useDevicesStore = defineStore('devices', () => {
  const api = useApi()
  const view = ref<DevicesView | null>(null)
  const error = ref<ResultError | null>(null)
  const saving = ref(false)
  const camera = ref<{ state: DeviceState; detail?: string }>({ state: 'disabled' })
  const lastScans = ref<Partial<Record<ScanEvent['source'], ScanEvent>>>({})

  const settings = computed<ScannerSettings | null>(() => view.value?.settings ?? null)

  async function load(): Promise<void> {
    const r = await api.devices.list({})
    if (r.ok) view.value = r.value
    else error.value = r.error
  }

  async function configure(next: ScannerSettings): Promise<boolean> {
    saving.value = true
    try {
      const r = await api.devices.configure({ settings: next })
      if (r.ok) view.value = r.value
      error.value = r.ok ? null : r.error
      return r.ok
    } finally {
      saving.value = false
    }
  }

  /** A `device.status` push: update that source; a settings change elsewhere re-reads them. */
  function onStatus(status: DeviceStatusView): void {
    if (!view.value) return
    const sources = view.value.sources.filter((s) => s.source !== status.source)
    view.value = { ...view.value, sources: [...sources, status].sort((a, b) => a.source.localeCompare(b.source)) }
    // A settings change (apply() announces each source afresh, without a detail) may come from
    // another window: re-read the settings then, not on every unplug (that would count as
    // activity and keep the idle lock from ever engaging).
    if (status.detail === undefined && (status.state === 'disabled' || status.state === 'disconnected')) void load()
  }

  function noteScan(scan: ScanEvent): void {
    lastScans.value = { ...lastScans.value, [scan.source]: scan }
  }

  /** Every source, in one list: this window's wedge and camera, then the services' ones. */
  const sources = computed<DeviceStatusView[]>(() => {
    const s = settings.value
    const withScan = (v: DeviceStatusView): DeviceStatusView => {
      const last = lastScans.value[v.source] ?? v.lastScan
      return last ? { ...v, lastScan: last } : v
    }
    const wedge: DeviceStatusView = { source: 'wedge', state: s?.wedge.enabled === false ? 'disabled' : 'connected' }
    const cam: DeviceStatusView = { source: 'camera', ...camera.value }
    return [wedge, cam, ...(view.value?.sources ?? [])].map(withScan)
  })

  return { view, error, saving, camera, settings, sources, load, configure, onStatus, noteScan }
})
