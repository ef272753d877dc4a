// The devices screens: the scan sources' state, the settings (read by every session, since
// the wedge and camera in each window follow them; changed by a supervisor only).
import type { DevicesView } from '@shared/contract/devices-views'
import type { HandlersOf } from '../dispatch'
import type { ServiceContext } from '../context'
import type { Session } from '../session'
import type { ScannerManager } from './scanners/scanner-manager'
import { readScannerSettings, writeScannerSettings } from './scanners/scanner-settings'

export function devicesHandlers(ctx: ServiceContext, scanners: ScannerManager): HandlersOf<'devices'> {
  const view = (session: Session): DevicesView => ({
    sources: scanners.list(),
    settings: readScannerSettings(ctx.store.settings),
    canConfigure: session.mode !== 'customer' && session.role === 'supervisor',
    recentScans: scanners.recentScans(),
  })
  return {
    'devices.list': (_input, session) => view(session),
    'devices.configure': async ({ settings }, session) => {
      writeScannerSettings(ctx.store.settings, settings)
      ctx.log.info('scanner settings changed', { by: session.actor ?? 'unknown', hid: settings.hid.enabled, serial: settings.serial.enabled, camera: settings.camera.enabled })
      await scanners.apply(settings)
      return view(session)
    },
  }
}
