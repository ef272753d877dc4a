// The sync calls: the status screen, a sync now, and the supervisor's settings, enrolment and
// quarantine (sync-client.ts does the work).
import { requireSupervisor } from '../auth'
import type { HandlersOf } from '../dispatch'
import type { SyncClient } from './sync-client'

export function syncHandlers(client: SyncClient): HandlersOf<'sync'> {
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
