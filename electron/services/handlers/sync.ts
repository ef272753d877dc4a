// Sync calls. The sync client is built here (one per services instance) and registered by
// kiosk id so the intake can connect to it (sync/registry.ts: onCaseSynced purges a PIN).
import path from 'node:path'
import { requireSupervisor } from '../auth'
import type { ServiceContext } from '../context'
import type { Handlers } from '../dispatch'
import { EventPhotoSource } from '../sync/event-photo-source'
import { registerSyncClient } from '../sync/registry'
import { SyncClient } from '../sync/sync-client'

type SyncCallName = 'sync.status' | 'sync.now' | 'sync.configure' | 'sync.enrol' | 'sync.quarantine' | 'sync.retry'

export function syncHandlers(ctx: ServiceContext): Pick<Handlers, SyncCallName> {
  const client = new SyncClient({
    store: ctx.store,
    kioskId: ctx.kioskId,
    timeZone: ctx.timeZone,
    log: ctx.log,
    now: ctx.now,
    emit: (name, payload) => ctx.bus.emit(name, payload),
    secrets: ctx.secrets,
  })
  // The photo files live beside the database (PhotoStore: <data dir>/photos).
  client.setPhotoSource(new EventPhotoSource(ctx.store.db, path.join(path.dirname(ctx.store.db.name), 'photos')))
  registerSyncClient(ctx.kioskId, client)
  client.start()
  return {
    'sync.status': () => client.status(),
    'sync.now': () => client.sync('now'),
    'sync.configure': (input, session) => {
      requireSupervisor(session)
      return client.configure(input)
    },
    'sync.enrol': ({ code }, session) => {
      requireSupervisor(session)
      return client.enrol(code)
    },
    'sync.quarantine': (_input, session) => {
      requireSupervisor(session)
      return client.quarantine()
    },
    'sync.retry': ({ kind, ref }, session) => {
      requireSupervisor(session)
      return client.retry(kind, ref)
    },
  }
}
