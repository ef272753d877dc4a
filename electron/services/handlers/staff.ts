import type { Handlers } from '../dispatch'
import type { StaffService } from '../staff/staff-service'

type StaffCallName =
  | 'session.current'
  | 'session.signIn'
  | 'session.signOut'
  | 'session.touch'
  | 'session.setMode'
  | 'staff.list'
  | 'staff.add'
  | 'staff.remove'
  | 'staff.changePin'
  | 'staff.setIdleLock'
  | 'staff.liftSignInLock'

export function staffHandlers(staff: StaffService): Pick<Handlers, StaffCallName> {
  return {
    'session.current': (_input, session) => staff.view(session),
    'session.signIn': ({ pin }, session) => staff.signIn(session, pin),
    'session.signOut': (_input, session) => staff.signOut(session),
    // The access guard has already counted the activity; this only reports the session.
    'session.touch': (_input, session) => staff.view(session),
    'session.setMode': (input, session) =>
      input.mode === 'customer' ? staff.toCustomerMode(session) : staff.toStaffMode(session, input.pin),
    'staff.list': (_input, session) => staff.list(session),
    'staff.add': (input, session) => staff.add(session, input),
    'staff.remove': ({ staffId }, session) => staff.remove(session, staffId),
    'staff.changePin': (input, session) => staff.changePin(session, input),
    'staff.liftSignInLock': (_input, session) => staff.liftSignInLock(session),
    'staff.setIdleLock': ({ minutes }, session) => staff.setIdleLockMinutes(session, minutes),
  }
}
