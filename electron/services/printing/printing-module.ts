// Printing as a module: the printing service over the print queue, its worker started with the
// services and stopped before the store closes, its calls (printers.*, print.*) and the
// printers' lines on the Diagnostics screen.
import type { ServiceContext } from '../context'
import { printersProbe } from '../diagnostics/device-probes'
import type { HandlersOf } from '../dispatch'
import type { ServiceModule } from '../module'
import { printingHandlers } from './handlers'
import type { PinSource } from './models'
import { PrintingService } from './printing-service'
import type { WorkerOptions } from './queue-worker'

export interface PrintingModuleDeps {
  /** Where the unlock PIN of a case comes from (the intake's sealed PINs), for the order slip. */
  pinSource: PinSource
  worker?: WorkerOptions
}

export interface PrintingModule extends ServiceModule<HandlersOf<'print' | 'printers'>> {
  /** The printing service, for the self-check ticket printed by the intake. */
  readonly service: PrintingService
}

export function createPrintingModule(ctx: ServiceContext, deps: PrintingModuleDeps): PrintingModule {
  const printing = new PrintingService({
    store: ctx.store,
    kioskId: ctx.kioskId,
    timeZone: ctx.timeZone,
    now: ctx.now,
    bus: ctx.bus,
    log: ctx.log,
    pinSource: deps.pinSource,
    ...(deps.worker ? { worker: deps.worker } : {}),
  })
  return {
    service: printing,
    handlers: printingHandlers(ctx, printing),
    start: () => printing.start(),
    stop: () => printing.stop(),
    probes: [printersProbe(printing)],
  }
}
