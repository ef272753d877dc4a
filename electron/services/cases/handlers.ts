// The cases calls: start (or resume) an order's case, today's and the filtered lists, one
// case's detail, finding a case by what staff scan or type, and picking up a self-check ticket.
import { DomainError, reason } from '@shared/contract/result'
import type { RestartReason } from '@shared/domain/case-restart'
import type { ServiceContext } from '../context'
import type { HandlersOf } from '../dispatch'
import { buildCaseDetail } from '../intake/case-detail'
import { listCases } from '../intake/case-list'
import type { IntakeDeps } from '../intake/intake-deps'
import { loadCase, recordStep } from '../intake/step-recorder'
import { ticketFromCode } from '../intake/tickets'
import { actorOf } from './actor'
import { CaseSearch } from './case-search'
import { startCase } from './start-case'

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

export function casesHandlers(ctx: ServiceContext, deps: IntakeDeps): HandlersOf<'cases'> {
  const search = new CaseSearch(ctx.store.db, ctx.caseQueries)
  const byTicket = ctx.store.db.prepare("SELECT id FROM cases WHERE json_extract(state, '$.checkIn.ticket') = ? AND status NOT IN ('handed_over', 'cancelled') LIMIT 1")
  return {
    'cases.find': ({ query }) => search.find(query),
    'cases.start': ({ orderNumber, via, code, restart }, session) => {
      const order = ctx.store.orders.get(orderNumber)
      if (!order) throw new DomainError('not_found', reason('order.notExpected', `Order ${orderNumber} is not in the expected returns. Scan the label again or search for it.`, { orderNumber }))
      const { state } = startCase(ctx, { record: order.record, via, ...(code ? { code } : {}), restart: () => restartOf(ctx, orderNumber, restart) }, actorOf(session, ctx))
      const summary = ctx.caseQueries.summary(state)
      ctx.bus.emit('case.changed', summary)
      ctx.log.info('case started', { caseId: state.id, caseNumber: state.caseNumber, orderNumber })
      return summary
    },
    'cases.today': () => ctx.caseQueries.today(ctx.now(), ctx.timeZone),
    'cases.list': (filter) => listCases(ctx, filter),
    'cases.get': ({ caseId }) => buildCaseDetail(ctx, deps, loadCase(ctx, caseId)),
    'cases.pickUp': ({ ticket }, session) => {
      const number = ticketFromCode(ticket)
      const row = byTicket.get(number) as { id: string } | undefined
      if (!row) throw new DomainError('not_found', reason('selfCheck.noTicket', `No open self-check has ticket ${number}. Check the number, or find the case in Today.`, { ticket: number }))
      const result = recordStep(ctx, deps, row.id, [{ type: 'case.picked_up', payload: { ticket: number } }], actorOf(session, ctx))
      if (!result.recorded) result.notice = 'This ticket was already picked up: the case is open below.'
      return result
    },
  }
}
