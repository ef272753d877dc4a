// The staff list that supervisors keep, and each person's PIN.
import { z } from 'zod'
import { call, id, none } from '../define'
import type { SessionView, StaffMember, StaffPinResult } from '../staff-views'
import { staffPin } from './session'

const staffName = z
  .string()
  .trim()
  .min(1, 'is empty')
  .max(80)
  .regex(/^[^\p{Cc}]+$/u, 'contains control characters')
const role = z.enum(['staff', 'supervisor'])

export const staffCalls = {
  'staff.list': call<StaffMember[]>('supervisor')(none),
  /** Without `pin`, DropDesk generates one and returns it once. */
  'staff.add': call<StaffPinResult>('supervisor')(z.strictObject({ name: staffName, role, pin: staffPin.optional() })),
  'staff.remove': call<StaffMember>('supervisor')(z.strictObject({ staffId: id })),
  /** Supervisors change anyone's PIN; staff change their own with `currentPin`. */
  'staff.changePin': call<StaffPinResult>('staff')(
    z.strictObject({ staffId: id, newPin: staffPin.optional(), currentPin: staffPin.optional() }),
  ),
  /** Supervisors: lift a sign-in lock-out after repeated wrong PINs. */
  'staff.liftSignInLock': call<SessionView>('supervisor')(none),
  'staff.setIdleLock': call<SessionView>('supervisor')(z.strictObject({ minutes: z.number().int().min(1).max(240) })),
}
