// What every handler may use: the store, the clock, the counter's time zone, the event bus.
import type { EventBus } from './event-bus'
import type { CaseQueries } from './cases/case-queries'
import type { CaseRecorder } from './cases/case-recorder'
import type { Store } from './store'
import type { Log } from './log'
import type { SecretBox } from './secrets/secret-box'

export interface ServiceContext {
  store: Store
  kioskId: string
  transport: 'electron' | 'browser'
  timeZone: string
  now: () => Date
  bus: EventBus
  recorder: CaseRecorder
  caseQueries: CaseQueries
  log: Log
  /** At-rest encryption of secrets such as unlock PINs (AES-256-GCM). */
  secrets: SecretBox
}
