// The Scanner port: every service-side scan source (HID-POS, serial) is a ScanSource that
// reports raw scans and state changes through the same two hooks; the ScannerManager turns
// them into the one scan stream (`scanner.scanned`) and the sources' status (`device.status`).
// The renderer-side sources (keyboard wedge, camera) feed the same router in the renderer.
import type { DeviceState } from '@shared/contract/devices-views'

export interface ScanHooks {
  /** A complete code read by the device; `symbology` is its AIM identifier when known. */
  scanned(code: string, symbology?: string): void
  state(state: DeviceState, detail?: string): void
}

export interface ScanSource {
  readonly kind: 'hid' | 'serial'
  /** Starts watching: opens the device when present, reopens it after an unplug. */
  start(): void
  /** Stops watching and closes the device. */
  stop(): Promise<void>
}

/** How often absent or failed devices are looked for again (unplug → plug back within 5 s). */
export const RECONNECT_POLL_MS = 1000
