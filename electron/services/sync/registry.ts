// The running sync client of each kiosk (by kiosk id), for the modules that connect to it (the
// photo store sets its PhotoSource, the intake listens to onCaseSynced) and for tests.
import type { SyncClient } from './sync-client'

const clients = new Map<string, SyncClient>()

export function registerSyncClient(kioskId: string, client: SyncClient): void {
  clients.get(kioskId)?.stop()
  clients.set(kioskId, client)
}

export function syncClientFor(kioskId: string): SyncClient | undefined {
  return clients.get(kioskId)
}
