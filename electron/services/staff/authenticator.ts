// Finds who a PIN belongs to. Sign-in is by PIN alone (typed or tapped, then Enter); PINs are
// kept unique when set. A keyed tag of the PIN (its key outside the database) picks the one
// candidate, so a sign-in costs one slow hash however many staff there are; PINs stored
// without a tag (no key at the time) are checked in full and tagged on their first match.
// Attempts run one at a time, so a burst of parallel guesses cannot slip past the lock-out
// while the slow hashes are being computed.
// A lock-out never stops a supervisor with the right PIN (anyone at the kiosk can type five
// wrong PINs): while sign-in is locked every attempt is slowed down, a supervisor's right PIN
// then signs in, and everything else is refused with the time left.
import { DomainError, reason } from '@shared/contract/result'
import type { LockedOutDetails } from '@shared/contract/staff-views'
import type { SignInLockout } from './lockout'
import { decoyHash, verifyPin } from './pin-hash'
import type { StaffStore, StoredStaff } from './staff-store'

/** Each attempt while locked waits this long: a supervisor waits 3 s, guessing 10⁶ PINs takes a month. */
export const LOCKED_DELAY_MS = 3000

export class Authenticator {
  private queue: Promise<unknown> = Promise.resolve()

  constructor(
    private readonly staff: StaffStore,
    private readonly lockout: SignInLockout,
    private readonly formatTime: (d: Date) => string,
    /** The PIN's lookup tag, or null when no key is available (then every hash is checked). */
    private readonly tagOf: (pin: string) => string | null = () => null,
    /** The wait before each attempt while sign-in is locked: slow guesses, never lock a supervisor out. */
    private readonly lockedDelay: () => Promise<void> = () => new Promise((r) => setTimeout(r, LOCKED_DELAY_MS)),
  ) {}

  /** The active staff member with this PIN; counts a wrong PIN toward the lock-out. */
  authenticate(pin: string): Promise<StoredStaff> {
    const attempt = this.queue.then(() => this.check(pin))
    this.queue = attempt.catch(() => undefined)
    return attempt
  }

  /** Who else already has this PIN (to keep PINs unique); not a sign-in, so no lock-out count. */
  async holderOf(pin: string, except?: string): Promise<StoredStaff | null> {
    return (await this.match(pin, except)) ?? null
  }

  /** Checks one person's own PIN (changing it), counted like a sign-in attempt. */
  verifyOwn(staffId: string, pin: string): Promise<void> {
    const attempt = this.queue.then(async () => {
      this.refuseWhileLocked()
      const me = this.staff.get(staffId)
      if (me && (await verifyPin(pin, me.pin))) return this.lockout.succeeded()
      this.countFailure()
    })
    this.queue = attempt.catch(() => undefined)
    return attempt
  }

  private async check(pin: string): Promise<StoredStaff> {
    const until = this.lockout.lockedUntil()
    if (until) {
      await this.lockedDelay()
      const found = await this.match(pin)
      // The lock stays for everyone else until it ends or a supervisor lifts it.
      if (found?.role === 'supervisor') return found
      if (!found) this.lockout.failed()
      throw this.lockedError(this.lockout.lockedUntil() ?? until)
    }
    const found = await this.match(pin)
    if (found) {
      this.lockout.succeeded()
      return found
    }
    return this.countFailure()
  }

  private async match(pin: string, except?: string): Promise<StoredStaff | undefined> {
    const tag = this.tagOf(pin)
    const candidates = (tag ? this.staff.candidates(tag) : this.staff.active()).filter((s) => s.id !== except)
    // With no candidate, a decoy is hashed: a wrong PIN takes as long as a right one.
    if (!candidates.length) {
      await verifyPin(pin, await decoyHash())
      return undefined
    }
    // Every candidate is hashed (in parallel on libuv's pool), whoever matches: the time taken
    // does not tell which one, if any, holds the PIN.
    const results = await Promise.all(candidates.map((s) => verifyPin(pin, s.pin)))
    const found = candidates.find((_, i) => results[i])
    if (found && tag && found.pin.tag !== tag) this.staff.setTag(found.id, tag)
    return found
  }

  private refuseWhileLocked(): void {
    const until = this.lockout.lockedUntil()
    if (until) throw this.lockedError(until)
  }

  private countFailure(): never {
    const outcome = this.lockout.failed()
    if ('lockedUntil' in outcome) throw this.lockedError(outcome.lockedUntil)
    throw new DomainError('unauthorized', reason('signIn.wrongPin', 'Wrong PIN. Check it and type it again.'), { attemptsLeft: outcome.attemptsLeft })
  }

  private lockedError(until: Date): DomainError {
    const details: LockedOutDetails = { lockedUntil: until.toISOString() }
    const minutes = Math.max(1, Math.ceil((until.getTime() - this.lockout.now().getTime()) / 60_000))
    return new DomainError(
      'forbidden',
      reason('signIn.locked', `Too many wrong PINs: sign-in is locked for ${minutes} more minute${minutes === 1 ? '' : 's'} (until ${this.formatTime(until)}). A supervisor can still sign in and lift the lock.`, { minutes, until: until.toISOString() }),
      details,
    )
  }
}
