// Which push events a session's screen receives (sign-in and customer mode). Who may make which
// call is declared with each call in the contract and enforced by dispatch.ts.
import type { EventName } from '@shared/contract/events'
import type { Session } from '../session'

/** Push events a customer's screen may receive; a screen nobody signed in to receives none. */
export const customerModeEvents: ReadonlySet<EventName> = new Set<EventName>(['scanner.scanned'])

/**
 * Push events carry customer names and case data: only a signed-in staff screen gets them all.
 * A signed-out staff screen gets one: a scanner read something (without the code), so it can
 * answer every scan source alike with "sign in first".
 */
export function mayReceive(session: Session, event: EventName): boolean {
  if (session.mode === 'customer') return customerModeEvents.has(event)
  if (event === 'scanner.signInFirst') return session.actor === null
  return session.actor !== null
}
