// Connects every scan source to the one router (stores/scan-router.ts): the keyboard wedge of
// this window (with the prefix/suffix from the scanner settings, restarted when they change)
// and the services' HID and serial scanners (`scanner.scanned`), plus their live state
// (`device.status`). The camera reports through `reportScan` from CameraScanner.vue.
import { onScopeDispose, watch } from 'vue'
import type { ScanEvent } from '@shared/contract/views'
import { useApi } from '../api/port'
import { useDevicesStore } from '../stores/devices'
import { useScanRouter } from '../stores/scan-router'
import { useSessionStore } from '../stores/session'
import { useKeyboardWedge } from './useKeyboardWedge'

export function reportScan(code: string, source: ScanEvent['source'], symbology?: string): void {
  const scan: ScanEvent = { code, source, at: new Date().toISOString(), ...(symbology ? { symbology } : {}) }
  useDevicesStore().noteScan(scan)
  useScanRouter().accept(scan)
}

export interface ScanSourcesOptions {
  /** Whether scans are taken at all (someone signed in, staff mode); others are dropped. */
  accepting?: () => boolean
  /** Whether the wedge listens (off while a PIN pad shows: a fast PIN + Enter is no scan). */
  wedgeEnabled?: () => boolean
}

export function useScanSources(options: ScanSourcesOptions = {}): void {
  const api = useApi()
  const devices = useDevicesStore()
  const router = useScanRouter()
  let stopWedge: (() => void) | null = null
  const accepting = options.accepting ?? (() => true)
  router.setGate(accepting)
  // The settings need a signed-in session: read them once someone is.
  watch(accepting, (ok) => ok && void devices.load(), { immediate: true })

  // Rebuilt only when the wedge's settings really change: the settings arrive right after
  // sign-in, and rebuilding the listener mid-burst would cut a scan staff just made in two.
  watch(
    () => {
      const w = devices.settings?.wedge
      return JSON.stringify([w?.enabled ?? true, w?.prefix ?? '', w?.suffix ?? ''])
    },
    (key) => {
      const [enabled, prefix, suffix] = JSON.parse(key) as [boolean, string, string]
      stopWedge?.()
      const wedgeOn = options.wedgeEnabled ?? (() => true)
      stopWedge = enabled ? useKeyboardWedge((code) => reportScan(code, 'wedge'), { prefix, suffix, enabled: wedgeOn }) : null
    },
    { immediate: true },
  )
  const session = useSessionStore()
  // While a PIN pad shows (sign-in, staff taking the screen back, a supervisor's PIN), a scan
  // from any scanner is answered by the pad ("sign in first"), as a wedge burst is, and used
  // for nothing else. A signed-out screen gets no code from the services, only the scan's source.
  const offScan = api.on('scanner.scanned', (scan) => {
    devices.noteScan(scan)
    if (session.pinEntryOpen > 0) return void session.scansAtPin++
    router.accept(scan)
  })
  const offSignInFirst = api.on('scanner.signInFirst', () => {
    if (session.pinEntryOpen > 0) session.scansAtPin++
  })
  const offStatus = api.on('device.status', (status) => devices.onStatus(status))
  onScopeDispose(() => {
    stopWedge?.()
    offScan()
    offSignInFirst()
    offStatus()
  })
}
