// The devices screens: the scan sources' state, the settings (read by every session, since
// the wedge and camera in each window follow them; changed by a supervisor only).
import type { DevicesView } from '@shared/contract/devices-views'
import type { Handlers } from '../dispatch'
import type { ServiceContext } from '../context'
import { requireSupervisor } from '../auth'
import type { ScannerManager } from '../devices/scanners/scanner-manager'
import { readScannerSettings, writeScannerSettings } from '../devices/scanners/scanner-settings'
import type { Session } from '../session'

export function devicesHandlers(ctx: ServiceContext, scanners: ScannerManager): Pick<Handlers, 'devices.list' | 'devices.configure'> {
  const view = (session: Session): DevicesView => ({
    sources: scanners.list(),
    settings: readScannerSettings(ctx.store.settings),
    canConfigure: session.mode !== 'customer' && session.role === 'supervisor',
    recentScans: scanners.recentScans(),
  })
  return {
    'devices.list': (_input, session) => view(session),
    'devices.configure': async ({ settings }, session) => {
      requireSupervisor(session)
      writeScannerSettings(ctx.store.settings, settings)
      ctx.log.info('scanner settings changed', { by: session.actor ?? 'unknown', hid: settings.hid.enabled, serial: settings.serial.enabled, camera: settings.camera.enabled })
      await scanners.apply(settings)
      return view(session)
    },
  }
}
