// The services as the transports see them: open a session per connection, dispatch calls,
// listen to push events. Electron's ipcMain wiring and the browser-mode WebSocket bridge both
// depend on this interface only.
import type { EventName, EventPayload } from '@shared/contract/events'
import type { Result } from '@shared/contract/result'
import type { ImportReport } from './orders/manifest-import'
import type { KeySource } from './secrets/secret-box'
import type { Session } from './session'

export type EventListener = <E extends EventName>(name: E, payload: EventPayload<E>) => void

export interface Services {
  readonly kioskId: string
  readonly dataDir: string
  /** Set only on the first start of a data dir: the first supervisor's PIN, to print once. */
  readonly firstRunSupervisorPin?: string
  /** The report of the manifest file imported at this start (`manifestFile`), to print. */
  readonly manifestReport?: ImportReport
  /** This data dir's instance lock (startup/instance-lock.ts): browser mode records its port in it. */
  readonly instance?: { setPort(port: number): void }
  openSession(): Session
  closeSession(session: Session): void
  dispatch(name: unknown, input: unknown, session: Session): Promise<Result<unknown>>
  /** Whether this session's screen may receive this push event (sign-in and customer mode). */
  canReceive?(session: Session, event: EventName): boolean
  onEvent(listener: EventListener): () => void
  close(): void
}

export interface ServicesOptions {
  dataDir: string
  transport: 'electron' | 'browser'
  /** A manifest .jsonl to import at start (replaces the embedded demo default). */
  manifestFile?: string
  /** The counter's IANA time zone; defaults to the host's. */
  timeZone?: string
  now?: () => Date
  /** Where the SecretBox key comes from: Electron's safeStorage; default, an owner-only key file. */
  keySource?: KeySource
}
