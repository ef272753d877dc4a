// Staff sign-in by PIN and the screen's mode (staff or customer self-check). Who may make each
// call is declared with it; the services' dispatcher enforces it.
import { z } from 'zod'
import { call, none } from '../define'
import type { SessionView } from '../staff-views'

/** A staff PIN: digits only; 6 to 12 of them (the first-run and generated PINs have 6). */
export const staffPin = z.string().regex(/^\d{6,12}$/, 'must be 6 to 12 digits')

export const sessionCalls = {
  'session.current': call<SessionView>(['open', 'customer'], { passive: true })(none),
  'session.signIn': call<SessionView>('open')(z.strictObject({ pin: staffPin })),
  'session.signOut': call<SessionView>('open')(none),
  /** Activity on the screen (taps, keys) that made no call: keeps the session from idling out. */
  'session.touch': call<SessionView>('staff')(none),
  /** To customer self-check mode; back to staff mode only with a staff PIN. */
  'session.setMode': call<SessionView>('customer')(
    z.union([z.strictObject({ mode: z.literal('customer') }), z.strictObject({ mode: z.literal('staff'), pin: staffPin })]),
  ),
}
