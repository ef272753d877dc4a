// Wires staff sign-in into the services: the staff service, its handlers, the access guard the
// dispatcher consults, and (on a fresh data dir) the first supervisor's PIN to show once.
import type { Database } from 'better-sqlite3'
import { staffHandlers } from '../handlers/staff'
import type { Log } from '../log'
import type { SecretBox } from '../secrets/secret-box'
import type { Settings } from '../store/settings'
import { accessGuard } from './access'
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

export async function setUpStaff(deps: { db: Database; settings: Settings; kioskId: string; timeZone: string; now: () => Date; log: Log; secrets?: SecretBox }) {
  const { secrets } = deps
  // Without a usable key (e.g. a plaintext keyring) PINs are stored untagged and sign-in
  // checks every hash: slower, never weaker.
  const tagOf = (pin: string): string | null => {
    if (!secrets) return null
    try {
      return secrets.tag(pin, 'staff-pin')
    } catch {
      return null
    }
  }
  const lockedDelayMs = lockedDelayFromEnv()
  const staff = new StaffService({ ...deps, idleLockSeconds: idleLockFromEnv(), tagOf, ...(lockedDelayMs !== undefined ? { lockedDelayMs } : {}) })
  const firstRunSupervisorPin = await staff.ensureFirstSupervisor()
  return { staff, firstRunSupervisorPin, handlers: staffHandlers(staff), guard: accessGuard(staff) }
}
