// What the devices screens show and configure: the scan sources, their state, their settings.
// Codes shown here are the raw scans (they may hold an IMEI): kept in memory only, never logged.
import type { ScanEvent } from './views'

export type ScanSourceKind = ScanEvent['source']

/**
 * `disabled`: switched off in the settings. `unavailable`: the driver library itself is
 * missing (node-hid without libusb/hidraw): the source can never open until it is installed.
 */
export type DeviceState = 'connected' | 'disconnected' | 'error' | 'disabled' | 'unavailable'

export interface DeviceStatusView {
  source: ScanSourceKind
  state: DeviceState
  /** What the source is bound to (a serial path, a HID vendor:product), or why it fails. */
  detail?: string
  lastScan?: ScanEvent
}

/** The camera worker's decoding engines (renderer/src/workers/decoder-engine.ts). */
export type CameraDecoder = 'zxing-wasm' | 'zxing-js'

export type SerialTerminator = 'cr' | 'lf' | 'crlf' | 'tab' | 'none'

export interface ScannerSettings {
  wedge: { enabled: boolean; prefix: string; suffix: string }
  /** decoder: the camera's decoding engine, zxing-wasm when absent (older stored settings). */
  camera: { enabled: boolean; decoder?: CameraDecoder }
  hid: { enabled: boolean; vendorId?: number; productId?: number; usagePage: number }
  serial: { enabled: boolean; path: string; baudRate: number; terminator: SerialTerminator; interByteTimeoutMs: number }
}

export interface DevicesView {
  /** The service-side sources (HID, serial); the renderer adds the wedge and the camera. */
  sources: DeviceStatusView[]
  settings: ScannerSettings
  /** Whether this session may change the settings (a supervisor, not the customer kiosk). */
  canConfigure: boolean
  /** The latest service-side scans, newest first, for the test-scan screen. */
  recentScans: ScanEvent[]
}
