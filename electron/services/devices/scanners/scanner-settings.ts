// The scanner settings in the settings table, parsed with the contract's schema on every
// read, so a value stored by an older version gets today's defaults for what it lacks.
import { scannerSettingsSchema } from '@shared/contract/calls/devices'
import type { ScannerSettings } from '@shared/contract/devices-views'
import type { Settings } from '../../store/settings'

export const SCANNER_SETTINGS_KEY = 'devices.scanners'

export function readScannerSettings(settings: Settings): ScannerSettings {
  const parsed = scannerSettingsSchema.safeParse(settings.get<unknown>(SCANNER_SETTINGS_KEY) ?? {})
  return parsed.success ? parsed.data : scannerSettingsSchema.parse({})
}

export function writeScannerSettings(settings: Settings, value: ScannerSettings): void {
  settings.set(SCANNER_SETTINGS_KEY, value)
}
