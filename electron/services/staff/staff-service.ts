// Staff sign-in, screen mode, idle sign-out and the staff list. The session (one per window
// or browser socket) holds who is signed in; the actor of every event comes from it.
import type { Database } from 'better-sqlite3'
import { DomainError, reason } from '@shared/contract/result'
import type { SessionView, StaffMember, StaffPinResult, StaffRole } from '@shared/contract/staff-views'
import { requireSupervisor } from '../auth'
import type { Log } from '../log'
import type { SecretBox } from '../secrets/secret-box'
import type { Session } from '../session'
import type { Settings } from '../store/settings'
import { Authenticator, LOCKED_DELAY_MS } from './authenticator'
import { FAILURES_BEFORE_LOCK, SignInLockout } from './lockout'
import { generatePin, hashPin, type PinHash } from './pin-hash'
import { FIRST_RUN_PIN_CONTEXT, FIRST_RUN_PIN_SETTING, forgetFirstRunPin } from './first-run-pin'
import { StaffStore } from './staff-store'

export const DEFAULT_IDLE_LOCK_SECONDS = 5 * 60
const IDLE_SETTING = 'staff.idleLockSeconds'

export interface StaffServiceDeps {
  db: Database
  settings: Settings
  kioskId: string
  timeZone: string
  now: () => Date
  log: Log
  /** Overrides the stored idle time (DROPDESK_IDLE_LOCK_SECONDS: tests, demos). */
  idleLockSeconds?: number
  /** The keyed lookup tag of a PIN (SecretBox.tag), or null without a key. */
  tagOf?: (pin: string) => string | null
  /** The wait of each sign-in attempt while sign-in is locked (authenticator.ts LOCKED_DELAY_MS). */
  lockedDelayMs?: number
  /** Seals the first-run PIN until the first supervisor sign-in, so every start can show it again. */
  secrets?: SecretBox
}

const member = ({ id, name, role, createdAt }: StaffMember): StaffMember => ({ id, name, role, createdAt })

export class StaffService {
  readonly store: StaffStore
  readonly auth: Authenticator
  private readonly lockout: SignInLockout

  constructor(private readonly deps: StaffServiceDeps) {
    this.store = new StaffStore(deps.db, deps.kioskId)
    const hhmm = new Intl.DateTimeFormat('en-GB', { timeZone: deps.timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    // Which PINs were tried is never logged: only that sign-in is locked, until when, how often.
    const lockout = (this.lockout = new SignInLockout(deps.settings, deps.now, (until, lockNumber) =>
      deps.log.warn('sign-in locked after repeated wrong PINs', { lockedUntil: until.toISOString(), lockNumber, wrongPins: FAILURES_BEFORE_LOCK }),
    ))
    const delay = deps.lockedDelayMs ?? LOCKED_DELAY_MS
    this.auth = new Authenticator(this.store, lockout, (d) => hhmm.format(d), deps.tagOf, () => new Promise((r) => setTimeout(r, delay)))
  }

  /** The stored form of a PIN: its slow hash and its lookup tag. */
  private async protect(pin: string): Promise<PinHash> {
    return { ...(await hashPin(pin)), tag: this.deps.tagOf?.(pin) ?? null }
  }

  /**
   * On a fresh data dir, creates the first supervisor and returns their PIN. Until a supervisor
   * first signs in, later starts return it again (sealed in the settings, never stored plain),
   * so a start that fails right after printing it (a busy port) does not lose it.
   */
  async ensureFirstSupervisor(): Promise<string | undefined> {
    const { db, settings, secrets } = this.deps
    if (this.store.count() > 0) {
      const sealed = settings.get<string>(FIRST_RUN_PIN_SETTING)
      if (!sealed || !secrets) return undefined
      try {
        return secrets.open(sealed, FIRST_RUN_PIN_CONTEXT)
      } catch {
        return undefined
      }
    }
    const pin = generatePin()
    const protectedPin = await this.protect(pin)
    let sealed: string | null = null
    try {
      sealed = secrets ? secrets.seal(pin, FIRST_RUN_PIN_CONTEXT) : null
    } catch {
      sealed = null // no usable key: shown on this start only; the reset tool recovers.
    }
    // One transaction: the supervisor never exists without their retrievable PIN.
    const created = db.transaction(() => {
      const row = this.store.add({ name: 'Supervisor', role: 'supervisor', pin: protectedPin }, 'staff.first_supervisor', null, this.nowIso())
      if (sealed) settings.set(FIRST_RUN_PIN_SETTING, sealed)
      return row
    })()
    this.deps.log.info('first-run supervisor created', { staffId: created.id })
    return pin
  }

  idleLockSeconds(): number {
    return this.deps.idleLockSeconds ?? this.deps.settings.get<number>(IDLE_SETTING) ?? DEFAULT_IDLE_LOCK_SECONDS
  }

  view(session: Session): SessionView {
    const me = session.actor ? this.store.get(session.actor) : null
    // Supervisors see a lock-out in force, to lift it.
    const locked = me?.role === 'supervisor' ? this.lockout.lockedUntil() : null
    return {
      signedIn: !!me,
      staff: me ? member(me) : null,
      mode: session.mode,
      idleLockSeconds: this.idleLockSeconds(),
      ...(locked ? { signInLockedUntil: locked.toISOString() } : {}),
    }
  }

  /** A supervisor lifts a sign-in lock-out (recorded in the staff events). */
  liftSignInLock(session: Session): SessionView {
    requireSupervisor(session)
    if (this.lockout.lift()) {
      this.store.record(session.actor!, 'staff.sign_in_unlocked', {}, session.actor!, this.nowIso())
      this.deps.log.info('sign-in lock lifted', { by: session.actor })
    }
    return this.view(session)
  }

  async signIn(session: Session, pin: string): Promise<SessionView> {
    const who = await this.auth.authenticate(pin)
    this.begin(session, who.id, who.role)
    if (who.role === 'supervisor') forgetFirstRunPin(this.deps.db)
    this.deps.log.info('signed in', { session: session.id, staffId: who.id, role: who.role })
    return this.view(session)
  }

  signOut(session: Session, why: 'asked' | 'idle' | 'removed' = 'asked'): SessionView {
    if (session.actor) this.deps.log.info('signed out', { session: session.id, staffId: session.actor, why })
    session.actor = null
    session.role = null
    session.lastActiveAt = undefined
    return this.view(session)
  }

  /** Signs an idle staff session out; true when it did. Customer mode has no one signed in. */
  expireIfIdle(session: Session): boolean {
    if (!session.actor || session.lastActiveAt === undefined) return false
    if (this.deps.now().getTime() - session.lastActiveAt < this.idleLockSeconds() * 1000) return false
    this.signOut(session, 'idle')
    return true
  }

  touch(session: Session): void {
    session.lastActiveAt = this.deps.now().getTime()
  }

  /** The customer takes the screen: no staff member stays signed in behind it. */
  toCustomerMode(session: Session): SessionView {
    this.signOut(session)
    session.mode = 'customer'
    return this.view(session)
  }

  async toStaffMode(session: Session, pin: string): Promise<SessionView> {
    const who = await this.auth.authenticate(pin)
    session.mode = 'staff'
    this.begin(session, who.id, who.role)
    this.deps.log.info('back to staff mode', { session: session.id, staffId: who.id })
    return this.view(session)
  }

  list(session: Session): StaffMember[] {
    requireSupervisor(session)
    return this.store.active().map(member)
  }

  async add(session: Session, input: { name: string; role: StaffRole; pin?: string }): Promise<StaffPinResult> {
    requireSupervisor(session)
    const pin = input.pin ?? (await this.unusedPin())
    if (input.pin && (await this.auth.holderOf(input.pin))) throw this.pinTaken()
    const staff = this.store.add({ name: input.name, role: input.role, pin: await this.protect(pin) }, 'staff.added', session.actor, this.nowIso())
    this.deps.log.info('staff added', { staffId: staff.id, role: staff.role, by: session.actor })
    return input.pin ? { staff } : { staff, generatedPin: pin }
  }

  remove(session: Session, staffId: string): StaffMember {
    requireSupervisor(session)
    const target = this.store.get(staffId)
    if (!target) throw new DomainError('not_found', reason('staff.notListed', 'This person is not on the staff list any more. Refresh the list.'))
    const supervisors = this.store.active().filter((s) => s.role === 'supervisor')
    if (target.role === 'supervisor' && supervisors.length <= 1) {
      throw new DomainError('conflict', reason('staff.lastSupervisor', 'This is the last supervisor: add another supervisor first, then remove this one.'))
    }
    this.store.remove(staffId, session.actor!, this.nowIso())
    this.deps.log.info('staff removed', { staffId, by: session.actor })
    if (staffId === session.actor) this.signOut(session, 'removed')
    return member(target)
  }

  async changePin(session: Session, input: { staffId: string; newPin?: string; currentPin?: string }): Promise<StaffPinResult> {
    if (session.mode === 'customer' || !session.actor) throw new DomainError('unauthorized', reason('access.signInFirst', 'Sign in with your staff PIN first.'))
    const target = this.store.get(input.staffId)
    if (session.role !== 'supervisor') {
      if (input.staffId !== session.actor) throw new DomainError('forbidden', reason('staff.othersPin', 'Only a supervisor can change someone else’s PIN.'))
      if (!input.currentPin) throw new DomainError('invalid_input', reason('staff.currentPinNeeded', 'Type your current PIN to change it.'))
      await this.auth.verifyOwn(session.actor, input.currentPin)
    }
    if (!target) throw new DomainError('not_found', reason('staff.notListed', 'This person is not on the staff list any more. Refresh the list.'))
    const pin = input.newPin ?? (await this.unusedPin())
    if (input.newPin && (await this.auth.holderOf(input.newPin, target.id))) throw this.pinTaken()
    this.store.setPin(target.id, await this.protect(pin), session.actor, this.nowIso())
    this.deps.log.info('staff PIN changed', { staffId: target.id, by: session.actor })
    return input.newPin ? { staff: member(target) } : { staff: member(target), generatedPin: pin }
  }

  setIdleLockMinutes(session: Session, minutes: number): SessionView {
    requireSupervisor(session)
    this.deps.settings.set(IDLE_SETTING, minutes * 60)
    return this.view(session)
  }

  isActive(staffId: string): boolean {
    return this.store.get(staffId) !== null
  }

  private begin(session: Session, staffId: string, role: StaffRole): void {
    session.actor = staffId
    session.role = role
    this.touch(session)
  }

  private async unusedPin(): Promise<string> {
    for (;;) {
      const pin = generatePin()
      if (!(await this.auth.holderOf(pin))) return pin
    }
  }

  private pinTaken(): DomainError {
    // PINs alone identify people at sign-in, so two people cannot share one.
    return new DomainError('conflict', reason('staff.pinTaken', 'This PIN cannot be used: choose another one, or leave it empty to get a generated PIN.'))
  }

  private nowIso(): string {
    return this.deps.now().toISOString()
  }
}
