// Who may make which call, decided once for every call before its handler runs (dispatch.ts
// consults `accessGuard`). Declarative on purpose: a new call is staff-only unless listed here.
import type { CallName } from '@shared/contract/calls'
import type { EventName } from '@shared/contract/events'
import { reason, resultError, type ResultError } from '@shared/contract/result'
import type { Session } from '../session'
import type { StaffService } from './staff-service'
import { selfCheckCalls } from '../intake/self-check-calls'

/** Answered to anyone on a trusted connection, signed in or not (in staff mode). */
export const openCalls: ReadonlySet<CallName> = new Set<CallName>(['app.info', 'session.current', 'session.signIn', 'session.signOut'])

/**
 * The only calls the customer self-check screen may make. Everything else (cases lists, order
 * search, staff, settings) is refused while a customer has the screen. The customer self-check
 * calls are added here as they are built; `session.setMode` is how staff take the screen back
 * (it requires a staff PIN).
 */
export const customerModeCalls: ReadonlySet<CallName> = new Set<CallName>(['app.info', 'session.current', 'session.setMode', ...selfCheckCalls])

/** Calls the renderer makes by itself (start-up, polling): they are not the person's activity. */
const passiveCalls: ReadonlySet<CallName> = new Set<CallName>(['app.info', 'session.current'])

export function accessGuard(staff: StaffService) {
  return function guard(name: CallName, session: Session): ResultError | null {
    const wentIdle = staff.expireIfIdle(session)
    if (session.mode === 'customer') {
      if (customerModeCalls.has(name)) return null
      return resultError('forbidden', reason('access.customerMode', 'Not available at the customer kiosk. Staff: return to staff mode with your PIN.'))
    }
    if (openCalls.has(name)) return null
    if (!session.actor) {
      return wentIdle
        ? resultError('unauthorized', reason('access.signedOutIdle', 'Signed out after a while without activity. Sign in again with your staff PIN.'))
        : resultError('unauthorized', reason('access.signInFirst', 'Sign in with your staff PIN first.'))
    }
    if (!staff.isActive(session.actor)) {
      staff.signOut(session, 'removed')
      return resultError('unauthorized', reason('access.removed', 'You are no longer on the staff list of this kiosk. Ask a supervisor.'))
    }
    if (!passiveCalls.has(name)) staff.touch(session)
    return null
  }
}

export type AccessGuard = ReturnType<typeof accessGuard>

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
