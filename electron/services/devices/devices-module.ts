// The scanners as a module: one manager, opened with the stored settings at start and closed
// at stop; its calls (devices.*) and its line on the Diagnostics screen.
import type { ServiceContext } from '../context'
import { scannersProbe } from '../diagnostics/device-probes'
import type { HandlersOf } from '../dispatch'
import type { ServiceModule } from '../module'
import { devicesHandlers } from './handlers'
import { ScannerManager } from './scanners/scanner-manager'
import { readScannerSettings } from './scanners/scanner-settings'

export function createDevicesModule(ctx: ServiceContext): ServiceModule<HandlersOf<'devices'>> {
  const manager = new ScannerManager({ bus: ctx.bus, log: ctx.log, now: ctx.now })
  return {
    handlers: devicesHandlers(ctx, manager),
    start: () => void manager.apply(readScannerSettings(ctx.store.settings)),
    // The ports finish closing on their own; nothing of theirs touches the store.
    stop: () => void manager.stop(),
    probes: [scannersProbe(manager)],
  }
}
