// The intake's assessment and evidence steps (issue #3). Inputs are what was entered; the
// services compute the identity match, the verdict, the mandatory accessories and the age.
import type { PhotoPurpose } from '@shared/contract/intake-views'
import { DomainError, reason } from '@shared/contract/result'
import { evidenceProgress, refusalOf } from '@shared/domain/case-derived'
import { localDate } from '@shared/domain/dates'
import { decideEligibility } from '@shared/domain/eligibility'
import { checkIdentity } from '@shared/domain/identity'
import { accessoriesRequirement, isAdultOn } from '@shared/domain/prerequisites'
import type { Handlers } from '../dispatch'
import type { ServiceContext } from '../context'
import { counterClock } from '../intake/counter-clock'
import { identityMessage } from '../intake/identity-messages'
import type { IntakeDeps } from '../intake/intake-deps'
import { loadCase, recordStep } from '../intake/step-recorder'
import { refusedError } from '../intake/refusal-messages'
import { actorOf } from './cases'

type IntakeCall =
  | 'intake.identify'
  | 'intake.observeExclusion'
  | 'intake.withdrawExclusion'
  | 'intake.decideEligibility'
  | 'intake.retype'
  | 'intake.backup'
  | 'intake.accountDisconnected'
  | 'intake.accountStillLocked'
  | 'intake.providePin'
  | 'intake.skipPin'
  | 'intake.accessories'
  | 'intake.checkAge'
  | 'intake.completeEvidence'


export function intakeHandlers(ctx: ServiceContext, deps: IntakeDeps): Pick<Handlers, IntakeCall> {
  const order = (orderNumber: string) => {
    const found = ctx.store.orders.get(orderNumber)?.record
    if (!found) throw new DomainError('not_found', reason('order.notCached', `Order ${orderNumber} is no longer in the orders cache: ask a supervisor.`, { orderNumber }))
    return found
  }
  const open = (session: Parameters<typeof actorOf>[0], caseId: string) => {
    deps.customers.requireAccess(session, caseId)
    return loadCase(ctx, caseId)
  }
  const requirePhoto = (caseId: string, sha256: string, purpose: PhotoPurpose) => {
    if (!deps.photoRows.find(caseId, sha256, purpose)) throw new DomainError('not_found', reason('photo.notForCase', 'This photo was not taken for this case: take it again.'))
  }

  return {
    'intake.identify': ({ caseId, imei, serial, assessmentMatches }, session) => {
      const s = open(session, caseId)
      const o = order(s.orderNumber)
      const category = s.category ?? o.item.category
      const entered = { ...(imei !== undefined ? { imei } : {}), ...(serial !== undefined ? { serial } : {}) }
      const check = checkIdentity({ category, caseType: s.caseType, order: { ...(o.item.imei ? { imei: o.item.imei } : {}), ...(o.item.serial ? { serial: o.item.serial } : {}) }, entered, ...(assessmentMatches !== undefined ? { assessmentMatches } : {}) })
      const first = check.problems[0]
      if (first) throw new DomainError('invalid_input', reason(`identity.${first}`, identityMessage(first, imei), { length: (imei ?? '').replace(/\D/g, '').length }), { problems: check.problems })
      const payload = {
        category,
        ...(check.imei ? { imei: check.imei } : {}),
        ...(check.serial ? { serial: check.serial } : {}),
        imeiMatch: check.imeiMatch,
        serialMatch: check.serialMatch,
        ...(assessmentMatches !== undefined ? { assessmentMatches } : {}),
      }
      const result = recordStep(ctx, deps, caseId, [{ type: 'device.identified', payload }], actorOf(session, ctx))
      if (check.hold && result.recorded) {
        const what = check.imeiMatch === 'mismatch' ? 'IMEI' : 'serial number'
        result.notice = `The ${what} differs from the order's: the case is on hold until a supervisor decides.`
      }
      return result
    },
    'intake.observeExclusion': ({ caseId, exclusion, evidence, note }, session) => {
      open(session, caseId)
      for (const e of evidence) requirePhoto(caseId, e.sha256, 'exclusion')
      return recordStep(ctx, deps, caseId, [{ type: 'exclusion.observed', payload: { exclusion, evidence, ...(note ? { note } : {}) } }], actorOf(session, ctx))
    },
    'intake.withdrawExclusion': ({ caseId, exclusion, note }, session) => {
      open(session, caseId)
      return recordStep(ctx, deps, caseId, [{ type: 'exclusion.withdrawn', payload: { exclusion, ...(note ? { note } : {}) } }], actorOf(session, ctx))
    },
    'intake.decideEligibility': ({ caseId }, session) => {
      const s = open(session, caseId)
      if (!s.identity) throw new DomainError('illegal_transition', reason('eligibility.identifyFirst', 'Identify the device (IMEI or serial) before deciding the eligibility.'), { reason: 'identity_missing' })
      const exclusions = Object.keys(s.exclusions) as (keyof typeof s.exclusions)[]
      const decision = decideEligibility({ caseType: s.caseType, order: order(s.orderNumber), exclusions, ...counterClock(ctx) })
      return recordStep(ctx, deps, caseId, [{ type: 'eligibility.decided', payload: decision }], actorOf(session, ctx))
    },
    'intake.retype': ({ caseId, caseType, reason }, session) => {
      open(session, caseId)
      return recordStep(ctx, deps, caseId, [{ type: 'case.retyped', payload: { caseType, reason } }], actorOf(session, ctx))
    },
    'intake.backup': ({ caseId, kind, confirmedBy }, session) => {
      open(session, caseId)
      const by = session.mode === 'customer' ? 'customer' : (confirmedBy ?? 'staff')
      return recordStep(ctx, deps, caseId, [{ type: 'backup.confirmed', payload: { kind, confirmedBy: by } }], actorOf(session, ctx))
    },
    'intake.accountDisconnected': ({ caseId, accounts, proof, photoSha256 }, session) => {
      open(session, caseId)
      if ((proof === 'photo') !== (photoSha256 !== undefined)) throw new DomainError('invalid_input', reason('account.proofMismatch', 'A photo proof needs the photo of the signed-out screen; a staff confirmation has none.'))
      if (session.mode === 'customer' && proof !== 'photo') throw new DomainError('forbidden', reason('account.customerPhoto', 'Take a photo of the signed-out account screen, or ask staff to confirm it.'))
      if (photoSha256) requirePhoto(caseId, photoSha256, 'account_proof')
      const payload = { accounts, proof, ...(photoSha256 ? { photoSha256 } : {}) }
      return recordStep(ctx, deps, caseId, [{ type: 'account.disconnected', payload }], actorOf(session, ctx))
    },
    'intake.accountStillLocked': ({ caseId, accounts }, session) => {
      const s = open(session, caseId)
      const result = recordStep(ctx, deps, caseId, [{ type: 'account.still_locked', payload: { accounts } }], actorOf(session, ctx))
      result.notice ??=
        s.caseType === 'trade_in'
          ? 'A device still locked to an account cannot be traded in: the customer removes the account, or the case is cancelled.'
          : 'Recorded: the device is accepted, but the refund or repair will be delayed until the account is removed.'
      return result
    },
    'intake.providePin': ({ caseId, kind, pin }, session) => {
      open(session, caseId)
      // The sealed PIN commits with pin.provided, or not at all: after a crash it is simply absent.
      return recordStep(ctx, deps, caseId, [{ type: 'pin.provided', payload: { kind } }], actorOf(session, ctx), {
        alongside: (s) => deps.pins.put(caseId, kind, pin, s.updatedAt),
      })
    },
    'intake.skipPin': ({ caseId, reason }, session) => {
      open(session, caseId)
      return recordStep(ctx, deps, caseId, [{ type: 'pin.skipped', payload: { reason } }], actorOf(session, ctx), {
        alongside: () => deps.pins.purge(caseId),
      })
    },
    'intake.accessories': ({ caseId, included }, session) => {
      const s = open(session, caseId)
      const o = order(s.orderNumber)
      const { mandatory } = accessoriesRequirement(s.caseType, s.category ?? o.item.category, o.tradeIn?.accessoriesRequired)
      return recordStep(ctx, deps, caseId, [{ type: 'accessories.recorded', payload: { included: [...new Set(included)], mandatory } }], actorOf(session, ctx))
    },
    'intake.checkAge': ({ caseId, method, dateOfBirth, adult }, session) => {
      open(session, caseId)
      const today = localDate(ctx.now(), ctx.timeZone)
      if (dateOfBirth && dateOfBirth > today) throw new DomainError('invalid_input', reason('age.birthInFuture', 'The date of birth is in the future: check it and enter it again.'))
      // The date of birth decides here and is then forgotten: only the result is recorded.
      const isAdult = method === 'date_of_birth' && dateOfBirth ? isAdultOn(dateOfBirth, today) : adult === true
      return recordStep(ctx, deps, caseId, [{ type: 'age.checked', payload: { method, adult: isAdult } }], actorOf(session, ctx))
    },
    'intake.completeEvidence': ({ caseId }, session) => {
      const s = open(session, caseId)
      const refused = s.status === 'eligibility_decided' ? refusalOf(s) : null
      if (refused) throw refusedError(refused)
      const progress = s.status === 'eligibility_decided' ? evidenceProgress(s) : null
      if (progress && !progress.complete) {
        const shots = progress.photos?.missing.length ? ` (photos: ${progress.photos.missing.join(', ')})` : ''
        throw new DomainError('illegal_transition', reason('evidence.incomplete', `Not recorded: still missing ${progress.missing.join(', ')}${shots}. Complete these steps first.`, { missing: progress.missing.length }), { reason: 'evidence_incomplete', missing: progress.missing })
      }
      return recordStep(ctx, deps, caseId, [{ type: 'evidence.completed', payload: {} }], actorOf(session, ctx))
    },
  }
}
