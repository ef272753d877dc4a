// Staff sign-in by PIN, the screen's mode (staff or customer self-check), and the staff list
// that supervisors keep. The services decide who may call what (electron/services/staff/access.ts).
import { z } from 'zod'
import { call, id, none } from '../define'
import type { SessionView, StaffMember, StaffPinResult } from '../staff-views'

/** A staff PIN: digits only; 6 to 12 of them (the first-run and generated PINs have 6). */
export const staffPin = z.string().regex(/^\d{6,12}$/, 'must be 6 to 12 digits')
const staffName = z
  .string()
  .trim()
  .min(1, 'is empty')
  .max(80)
  .regex(/^[^\p{Cc}]+$/u, 'contains control characters')
const role = z.enum(['staff', 'supervisor'])

export const staffCalls = {
  'session.current': call<SessionView>()(none),
  'session.signIn': call<SessionView>()(z.strictObject({ pin: staffPin })),
  'session.signOut': call<SessionView>()(none),
  /** Activity on the screen (taps, keys) that made no call: keeps the session from idling out. */
  'session.touch': call<SessionView>()(none),
  /** To customer self-check mode; back to staff mode only with a staff PIN. */
  'session.setMode': call<SessionView>()(
    z.union([z.strictObject({ mode: z.literal('customer') }), z.strictObject({ mode: z.literal('staff'), pin: staffPin })]),
  ),
  'staff.list': call<StaffMember[]>()(none),
  /** Without `pin`, DropDesk generates one and returns it once. */
  'staff.add': call<StaffPinResult>()(z.strictObject({ name: staffName, role, pin: staffPin.optional() })),
  'staff.remove': call<StaffMember>()(z.strictObject({ staffId: id })),
  /** Supervisors change anyone's PIN; staff change their own with `currentPin`. */
  'staff.changePin': call<StaffPinResult>()(
    z.strictObject({ staffId: id, newPin: staffPin.optional(), currentPin: staffPin.optional() }),
  ),
  /** Supervisors: lift a sign-in lock-out after repeated wrong PINs. */
  'staff.liftSignInLock': call<SessionView>()(none),
  'staff.setIdleLock': call<SessionView>()(z.strictObject({ minutes: z.number().int().min(1).max(240) })),
}
