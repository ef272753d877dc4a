// The sync with the central system as a module: one client per services instance, started with
// them (the nightly run, the catch-up of work left by a previous run) and stopped before the
// store closes; its calls (sync.*).
import type { ServiceContext } from '../context'
import type { HandlersOf } from '../dispatch'
import type { ServiceModule } from '../module'
import { syncHandlers } from './handlers'
import type { PhotoSource } from './photo-source'
import { SyncClient } from './sync-client'

export interface SyncModuleDeps {
  /** The photo files the acknowledged events cite, to upload after them. */
  photoSource: PhotoSource
  /** Once a case's events and photos are all acknowledged (the intake forgets its PIN). */
  onCaseSynced: (caseId: string) => void
}

export function createSyncModule(ctx: ServiceContext, deps: SyncModuleDeps): ServiceModule<HandlersOf<'sync'>> {
  const client = new SyncClient({
    store: ctx.store,
    kioskId: ctx.kioskId,
    timeZone: ctx.timeZone,
    log: ctx.log,
    now: ctx.now,
    emit: (name, payload) => ctx.bus.emit(name, payload),
    secrets: ctx.secrets,
  })
  client.setPhotoSource(deps.photoSource)
  return {
    handlers: syncHandlers(client),
    start: () => {
      client.onCaseSynced(deps.onCaseSynced)
      client.start()
    },
    stop: () => client.stop(),
  }
}
