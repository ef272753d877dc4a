// Who records an event: the signed-in staff member's id. In customer self-check mode no staff
// member is signed in, and the customer at this kiosk is the actor.
import { DomainError, reason } from '@shared/contract/result'
import type { Session } from '../session'

/** The dispatcher already refuses recording calls from a session nobody signed in to; this is the second fence. */
export function actorOf(session: Session, ctx: { kioskId: string }): string {
  if (session.mode === 'customer') return `customer@${ctx.kioskId}`
  if (!session.actor) throw new DomainError('unauthorized', reason('access.signInFirst', 'Sign in with your staff PIN first.'))
  return session.actor
}
