// The sign-in and staff calls, answered by the staff service (staff-service.ts).
import type { HandlersOf } from '../dispatch'
import type { StaffService } from './staff-service'

export function staffHandlers(staff: StaffService): HandlersOf<'session' | 'staff'> {
  return {
    'session.current': (_input, session) => staff.view(session),
    'session.signIn': ({ pin }, session) => staff.signIn(session, pin),
    'session.signOut': (_input, session) => staff.signOut(session),
    // The access guard has already counted the activity; this only reports the session.
    'session.touch': (_input, session) => staff.view(session),
    'session.setMode': (input, session) =>
      input.mode === 'customer' ? staff.toCustomerMode(session) : staff.toStaffMode(session, input.pin),
    'staff.list': () => staff.list(),
    'staff.add': (input, session) => staff.add(session, input),
    'staff.remove': ({ staffId }, session) => staff.remove(session, staffId),
    'staff.changePin': (input, session) => staff.changePin(session, input),
    'staff.liftSignInLock': (_input, session) => staff.liftSignInLock(session),
    'staff.setIdleLock': ({ minutes }, session) => staff.setIdleLockMinutes(session, minutes),
  }
}
