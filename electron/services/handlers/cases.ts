import { randomUUID } from 'node:crypto'
import { DomainError, reason } from '@shared/contract/result'
import { CaseSearch } from '../cases/case-search'
import type { Handlers } from '../dispatch'
import type { ServiceContext } from '../context'
import type { Session } from '../session'
import type { RestartReason } from '@shared/domain/case-restart'

/**
 * Who records an event: the signed-in staff member's id. In customer self-check mode no staff
 * member is signed in, and the customer at this kiosk is the actor. The access guard already
 * refuses recording calls from a session nobody signed in to; this is the second fence.
 */
export function actorOf(session: Session, ctx: ServiceContext): string {
  if (session.mode === 'customer') return `customer@${ctx.kioskId}`
  if (!session.actor) throw new DomainError('unauthorized', reason('access.signInFirst', 'Sign in with your staff PIN first.'))
  return session.actor
}

/**
 * Why a new case starts on an order whose earlier cases are finished: required, so that a
 * re-scan of a parcel already sent never starts a second intake without a word.
 */
function restartOf(ctx: ServiceContext, orderNumber: string, restart: { reason: RestartReason; note?: string } | undefined): { reason: RestartReason; note?: string; earlierCases: string[] } | null {
  const earlier = ctx.caseQueries.finishedCasesFor(orderNumber)
  if (earlier.length === 0) return null
  if (!restart) {
    const list = earlier.map((c) => `${c.caseNumber} (${c.refused ? 'closed as refused' : c.status.replace(/_/g, ' ')} on ${c.endedAt.slice(0, 10)})`).join(', ')
    throw new DomainError('conflict', reason('case.restartReasonRequired', `Order ${orderNumber} already had ${earlier.length === 1 ? 'case' : 'cases'} ${list}. Choose why a new case starts (a second device, a repair that came back, the customer came back, other), then start it.`, { orderNumber, earlierCases: earlier.map((c) => c.caseNumber) }), {
      reason: 'restart_reason_required',
      earlierCases: earlier.map((c) => c.caseNumber),
    })
  }
  const note = restart.note?.trim()
  if (restart.reason === 'other' && !note) throw new DomainError('invalid_input', reason('case.restartNoteRequired', 'Say in a few words why a new case starts on this order.'))
  return { reason: restart.reason, ...(note ? { note } : {}), earlierCases: earlier.map((c) => c.caseNumber) }
}

/** `cases.get` is the intake's (handlers/intake-control.ts): the detail needs its photo rows and PIN vault. */
export function casesHandlers(ctx: ServiceContext): Pick<Handlers, 'cases.start' | 'cases.today' | 'cases.find'> {
  const search = new CaseSearch(ctx.store.db, ctx.caseQueries)
  return {
    'cases.find': ({ query }) => search.find(query),
    'cases.start': ({ orderNumber, via, code, restart }, session) => {
      const order = ctx.store.orders.get(orderNumber)
      if (!order) throw new DomainError('not_found', reason('order.notExpected', `Order ${orderNumber} is not in the expected returns. Scan the label again or search for it.`, { orderNumber }))
      const state = ctx.store.db.transaction(() => {
        // A second confirm of the same order resumes its open case instead of starting another.
        const open = ctx.caseQueries.openCaseFor(orderNumber)
        if (open) return open
        const restarted = restartOf(ctx, orderNumber, restart)
        const now = ctx.now()
        const caseNumber = ctx.caseQueries.nextCaseNumber(ctx.kioskId, now, ctx.timeZone)
        const caseType = order.record.returnRequest?.type ?? 'warranty_repair'
        return ctx.recorder.record(
          randomUUID(),
          [
            { type: 'case.started', payload: { caseNumber, orderNumber, caseType, via, ...(code ? { code } : {}), category: order.record.item.category, ...(restarted ? { restart: restarted } : {}) } },
            { type: 'order.verified', payload: { orderNumber } },
          ],
          actorOf(session, ctx),
        )
      })()
      const summary = ctx.caseQueries.summary(state)
      ctx.bus.emit('case.changed', summary)
      ctx.log.info('case started', { caseId: state.id, caseNumber: state.caseNumber, orderNumber })
      return summary
    },
    'cases.today': () => ctx.caseQueries.today(ctx.now(), ctx.timeZone),
  }
}
