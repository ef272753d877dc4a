// The sync calls: the status screen, a sync now, and the supervisor's settings, enrolment and
// quarantine (sync-client.ts does the work).
import type { HandlersOf } from '../dispatch'
import type { SyncClient } from './sync-client'

export function syncHandlers(client: SyncClient): HandlersOf<'sync'> {
  return {
    'sync.status': () => client.status(),
    'sync.now': () => client.sync('now'),
    'sync.configure': (input) => client.configure(input),
    'sync.enrol': ({ code }) => client.enrol(code),
    'sync.quarantine': () => client.quarantine(),
    'sync.retry': ({ kind, ref }) => client.retry(kind, ref),
  }
}
