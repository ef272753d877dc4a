// Lock-out after repeated wrong PINs. Sign-in is by PIN alone, so the lock is kiosk-wide:
// after 5 wrong PINs in a row, every sign-in is refused for 1 minute, then 2, 4, 8, 16, 32 and
// at most 60 minutes for each further run of 5. The state lives in the settings table, so a
// restart (pulling the plug) does not reset it. A right PIN clears it; while it lasts, only a
// supervisor's right PIN signs in (authenticator.ts), and a supervisor can lift it.
import type { Settings } from '../store/settings'

export const FAILURES_BEFORE_LOCK = 5
const MAX_LOCK_MINUTES = 60
const KEY = 'staff.signInLockout'

interface LockoutState {
  /** Wrong PINs since the last lock (or the last right PIN). */
  failures: number
  /** Locks so far in this run of wrong PINs: each one doubles the next. */
  locks: number
  lockedUntil: string | null
}

const clear: LockoutState = { failures: 0, locks: 0, lockedUntil: null }

export function lockMinutes(locksBefore: number): number {
  return Math.min(2 ** locksBefore, MAX_LOCK_MINUTES)
}

export class SignInLockout {
  constructor(
    private readonly settings: Settings,
    readonly now: () => Date,
    /** Told of each new lock (to log it: a run of wrong PINs is worth a look at the logs). */
    private readonly onLock: (until: Date, lockNumber: number) => void = () => undefined,
  ) {}

  private state(): LockoutState {
    return { ...clear, ...this.settings.get<LockoutState>(KEY) }
  }

  /** The time until which sign-in is refused, or null when it is open. */
  lockedUntil(): Date | null {
    const { lockedUntil } = this.state()
    if (!lockedUntil) return null
    const until = new Date(lockedUntil)
    return until.getTime() > this.now().getTime() ? until : null
  }

  /** Counts a wrong PIN: either the tries left before the lock, or the new lock's end. */
  failed(): { lockedUntil: Date } | { attemptsLeft: number } {
    const s = this.state()
    const failures = s.failures + 1
    if (failures < FAILURES_BEFORE_LOCK) {
      this.settings.set<LockoutState>(KEY, { ...s, failures })
      return { attemptsLeft: FAILURES_BEFORE_LOCK - failures }
    }
    const until = new Date(this.now().getTime() + lockMinutes(s.locks) * 60_000)
    this.settings.set<LockoutState>(KEY, { failures: 0, locks: s.locks + 1, lockedUntil: until.toISOString() })
    this.onLock(until, s.locks + 1)
    return { lockedUntil: until }
  }

  /** A supervisor lifted the lock: sign-in is open, the count starts again. */
  lift(): boolean {
    const locked = this.lockedUntil() !== null
    this.settings.set<LockoutState>(KEY, clear)
    return locked
  }

  succeeded(): void {
    const s = this.state()
    if (s.failures || s.locks || s.lockedUntil) this.settings.set<LockoutState>(KEY, clear)
  }
}
