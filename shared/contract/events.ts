// Push events: services → renderer. Named `domain.event`; the payload type is a phantom.
import type { CaseSummary, ScanAtSignIn, ScanEvent } from './views'
import type { DeviceStatusView } from './devices-views'
import type { PrinterStatusEvent } from './printing-views'
import type { SyncProgress, SyncStatusView } from './sync-views'

export interface EventSpec<P = unknown> {
  readonly payload?: P
}
const event = <P>(): EventSpec<P> => ({})

export const events = {
  'scanner.scanned': event<ScanEvent>(),
  /** A scanner read a code while this screen is signed out: answered "sign in first", the code withheld. */
  'scanner.signInFirst': event<ScanAtSignIn>(),
  'case.changed': event<CaseSummary>(),
  'device.status': event<DeviceStatusView>(),
  'printer.status': event<PrinterStatusEvent>(),
  'sync.progress': event<SyncProgress>(),
  'sync.status': event<SyncStatusView>(),
} satisfies Record<string, EventSpec>

export type Events = typeof events
export type EventName = keyof Events
export type EventPayload<E extends EventName> = Events[E] extends EventSpec<infer P> ? P : never

export const eventNames = Object.keys(events) as EventName[]

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.hasOwn(events, name)
}
