// Finds who a PIN belongs to. Sign-in is by PIN alone (typed or tapped, then Enter), so the PIN
// is checked against every active staff member's hash; PINs are kept unique when set. Attempts
// run one at a time, so a burst of parallel guesses cannot slip past the lock-out while the
// slow hashes are being computed.
import { DomainError } from '@shared/contract/result'
import type { LockedOutDetails } from '@shared/contract/staff-views'
import type { SignInLockout } from './lockout'
import { verifyPin } from './pin-hash'
import type { StaffStore, StoredStaff } from './staff-store'

export class Authenticator {
  private queue: Promise<unknown> = Promise.resolve()

  constructor(
    private readonly staff: StaffStore,
    private readonly lockout: SignInLockout,
    private readonly formatTime: (d: Date) => string,
  ) {}

  /** The active staff member with this PIN; counts a wrong PIN toward the lock-out. */
  authenticate(pin: string): Promise<StoredStaff> {
    const attempt = this.queue.then(() => this.check(pin))
    this.queue = attempt.catch(() => undefined)
    return attempt
  }

  /** Who else already has this PIN (to keep PINs unique); not a sign-in, so no lock-out count. */
  async holderOf(pin: string, except?: string): Promise<StoredStaff | null> {
    return (await this.match(pin, this.staff.active().filter((s) => s.id !== except))) ?? null
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
    this.refuseWhileLocked()
    const found = await this.match(pin, this.staff.active())
    if (found) {
      this.lockout.succeeded()
      return found
    }
    return this.countFailure()
  }

  private async match(pin: string, candidates: StoredStaff[]): Promise<StoredStaff | undefined> {
    // Every hash is computed (in parallel on libuv's pool), whoever matches: the time taken
    // does not tell which position in the list, if any, holds the PIN.
    const results = await Promise.all(candidates.map((s) => verifyPin(pin, s.pin)))
    return candidates.find((_, i) => results[i])
  }

  private refuseWhileLocked(): void {
    const until = this.lockout.lockedUntil()
    if (until) throw this.lockedError(until)
  }

  private countFailure(): never {
    const outcome = this.lockout.failed()
    if ('lockedUntil' in outcome) throw this.lockedError(outcome.lockedUntil)
    throw new DomainError('unauthorized', 'Wrong PIN. Check it and type it again.', { attemptsLeft: outcome.attemptsLeft })
  }

  private lockedError(until: Date): DomainError {
    const details: LockedOutDetails = { lockedUntil: until.toISOString() }
    return new DomainError(
      'forbidden',
      `Too many wrong PINs: sign-in is locked until ${this.formatTime(until)}. Try again then, or ask a supervisor.`,
      details,
    )
  }
}
