// Steering a case (issue #3): hold, resume, a supervisor's override with their own PIN,
// reopening a committed step (the only way back), cancelling; and the case list for Today.
import { DomainError, reason } from '@shared/contract/result'
import { refusalOf } from '@shared/domain/case-derived'
import { requireSupervisor } from '../auth'
import type { Handlers } from '../dispatch'
import type { ServiceContext } from '../context'
import { buildCaseDetail } from '../intake/case-detail'
import { listCases } from '../intake/case-list'
import { counterHolidays, HOLIDAYS_KEY } from '../intake/counter-clock'
import type { IntakeDeps } from '../intake/intake-deps'
import { loadCase, recordStep } from '../intake/step-recorder'
import { actorOf } from './cases'

type ControlCall = 'cases.get' | 'counter.holidays' | 'counter.setHolidays' | 'intake.hold' | 'intake.resume' | 'intake.override' | 'intake.reopen' | 'intake.cancel' | 'intake.closeRefused' | 'cases.list'

export function intakeControlHandlers(ctx: ServiceContext, deps: IntakeDeps): Pick<Handlers, ControlCall> {
  return {
    'cases.get': ({ caseId }) => buildCaseDetail(ctx, deps, loadCase(ctx, caseId)),
    'intake.hold': ({ caseId, reason, note }, session) =>
      recordStep(ctx, deps, caseId, [{ type: 'case.put_on_hold', payload: { reason, ...(note ? { note } : {}) } }], actorOf(session, ctx)),
    'intake.resume': ({ caseId, note }, session) =>
      recordStep(ctx, deps, caseId, [{ type: 'case.resumed', payload: { ...(note ? { note } : {}) } }], actorOf(session, ctx)),
    'intake.override': async ({ caseId, supervisorPin, subject, verdict, reason: why }, session) => {
      const actor = actorOf(session, ctx)
      loadCase(ctx, caseId)
      if (subject === 'eligibility' && !verdict) throw new DomainError('invalid_input', reason('override.verdictMissing', 'Say the verdict the supervisor decides (covered or not covered).'))
      if (subject !== 'eligibility' && verdict) throw new DomainError('invalid_input', reason('override.verdictNotApplicable', 'A verdict is only given when overriding the eligibility.'))
      // The supervisor confirms at this screen with their own PIN, whoever is signed in.
      const who = await deps.verifySupervisor(supervisorPin)
      if (who.role !== 'supervisor') throw new DomainError('forbidden', reason('override.notSupervisor', 'This PIN is not a supervisor\'s: a supervisor must enter their own PIN.'))
      const payload = { supervisor: who.id, subject, reason: why, ...(verdict ? { verdict } : {}) }
      const result = recordStep(ctx, deps, caseId, [{ type: 'supervisor.override', payload }], actor)
      ctx.log.info('supervisor override', { caseId, subject, supervisor: who.id })
      return result
    },
    'intake.reopen': ({ caseId, step, reason }, session) =>
      recordStep(ctx, deps, caseId, [{ type: 'step.reopened', payload: { step, reason } }], actorOf(session, ctx)),
    'intake.cancel': ({ caseId, reason, note }, session) =>
      recordStep(ctx, deps, caseId, [{ type: 'case.cancelled', payload: { reason, ...(note ? { note } : {}) } }], actorOf(session, ctx)),
    'intake.closeRefused': ({ caseId, note }, session) => {
      const s = loadCase(ctx, caseId)
      if (s.status !== 'cancelled' && s.status !== 'handed_over' && !refusalOf(s)) {
        throw new DomainError('conflict', reason('case.notRefused', 'This case is not refused, so it cannot be closed as refused: go on with the intake, or cancel it with its real reason.'))
      }
      return recordStep(ctx, deps, caseId, [{ type: 'case.cancelled', payload: { reason: 'refused', ...(note ? { note } : {}) } }], actorOf(session, ctx))
    },
    'cases.list': (filter) => listCases(ctx, filter),
    'counter.holidays': () => counterHolidays(ctx),
    'counter.setHolidays': ({ dates }, session) => {
      requireSupervisor(session)
      ctx.store.settings.set(HOLIDAYS_KEY, [...new Set(dates)].sort())
      return counterHolidays(ctx)
    },
  }
}
