// Wires the scanners into the services: one manager started with the stored settings, its
// handlers for the contract, and a stop for the services' close().
import type { ServiceContext } from '../../context'
import { devicesHandlers } from '../../handlers/devices'
import { ScannerManager } from './scanner-manager'
import { readScannerSettings } from './scanner-settings'

export function startScanners(ctx: ServiceContext) {
  const manager = new ScannerManager({ bus: ctx.bus, log: ctx.log, now: ctx.now })
  void manager.apply(readScannerSettings(ctx.store.settings))
  return { manager, handlers: devicesHandlers(ctx, manager), stop: () => manager.stop() }
}
