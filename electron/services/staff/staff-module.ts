// Staff sign-in as a module: the staff service, its calls (session.*, staff.*), the keeper of
// signed-in sessions the dispatcher consults, and at start (on a data dir without a supervisor
// yet) the first supervisor's PIN to show.
import type { ServiceContext } from '../context'
import type { HandlersOf } from '../dispatch'
import type { ServiceModule } from '../module'
import { staffHandlers } from './handlers'
import { StaffService } from './staff-service'

/** DROPDESK_IDLE_LOCK_SECONDS overrides the stored idle time (end-to-end tests, demos). */
export function idleLockFromEnv(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const raw = env.DROPDESK_IDLE_LOCK_SECONDS
  if (!raw) return undefined
  const seconds = Number(raw)
  if (!Number.isInteger(seconds) || seconds < 1) throw new Error('DROPDESK_IDLE_LOCK_SECONDS must be a whole number of seconds, 1 or more.')
  return seconds
}

/** DROPDESK_LOCKED_SIGNIN_DELAY_MS shortens the wait of each attempt while sign-in is locked (tests). */
export function lockedDelayFromEnv(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const raw = env.DROPDESK_LOCKED_SIGNIN_DELAY_MS
  if (!raw) return undefined
  const ms = Number(raw)
  if (!Number.isInteger(ms) || ms < 0) throw new Error('DROPDESK_LOCKED_SIGNIN_DELAY_MS must be a whole number of milliseconds, 0 or more.')
  return ms
}

export interface StaffModule extends ServiceModule<HandlersOf<'session' | 'staff'>> {
  readonly staff: StaffService
  /** After start: the first supervisor's PIN while no supervisor has signed in yet. */
  firstRunSupervisorPin(): string | undefined
}

export function createStaffModule(ctx: Pick<ServiceContext, 'store' | 'kioskId' | 'timeZone' | 'now' | 'log' | 'secrets'>): StaffModule {
  const { secrets } = ctx
  // Without a usable key (e.g. a plaintext keyring) PINs are stored untagged and sign-in
  // checks every hash: slower, never weaker.
  const tagOf = (pin: string): string | null => {
    try {
      return secrets.tag(pin, 'staff-pin')
    } catch {
      return null
    }
  }
  const lockedDelayMs = lockedDelayFromEnv()
  const staff = new StaffService({
    db: ctx.store.db,
    settings: ctx.store.settings,
    kioskId: ctx.kioskId,
    timeZone: ctx.timeZone,
    now: ctx.now,
    log: ctx.log,
    secrets,
    idleLockSeconds: idleLockFromEnv(),
    tagOf,
    ...(lockedDelayMs !== undefined ? { lockedDelayMs } : {}),
  })
  let firstRunPin: string | undefined
  return {
    staff,
    handlers: staffHandlers(staff),
    start: async () => {
      firstRunPin = await staff.ensureFirstSupervisor()
    },
    firstRunSupervisorPin: () => firstRunPin,
    endSession: (session) => void staff.signOut(session, 'closed'),
  }
}
