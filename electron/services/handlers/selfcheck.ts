// The customer's self-check at the kiosk and staff picking it up (issue #3). In customer mode
// the session is bound to the case its QR code opened; nothing else is reachable from it.
import { randomUUID } from 'node:crypto'
import type { TicketPrintView } from '@shared/contract/intake-views'
import { DomainError, reason } from '@shared/contract/result'
import type { Handlers } from '../dispatch'
import type { ServiceContext } from '../context'
import type { Session } from '../session'
import { buildCaseDetail } from '../intake/case-detail'
import type { IntakeDeps } from '../intake/intake-deps'
import { loadCase, recordStep } from '../intake/step-recorder'
import { newTicketNumber, ticketFromCode, ticketView } from '../intake/tickets'
import { actorOf } from './cases'

type SelfCheckCall = 'selfcheck.start' | 'selfcheck.current' | 'selfcheck.finish' | 'selfcheck.ticketPrint' | 'selfcheck.end' | 'cases.pickUp'

const OPEN = "status NOT IN ('handed_over', 'cancelled')"

export function selfcheckHandlers(ctx: ServiceContext, deps: IntakeDeps): Pick<Handlers, SelfCheckCall> {
  const byTicket = ctx.store.db.prepare(`SELECT id FROM cases WHERE json_extract(state, '$.checkIn.ticket') = ? AND ${OPEN} LIMIT 1`)
  const requireCustomer = (session: Session): void => {
    if (session.mode !== 'customer') throw new DomainError('forbidden', reason('selfCheck.customerModeOnly', 'The self-check runs on the customer screen: switch this kiosk to customer mode.'))
  }
  const boundCase = (session: Session): string => {
    const caseId = deps.customers.caseOf(session)
    if (!caseId) throw new DomainError('not_found', reason('selfCheck.scanFirst', 'Scan the QR code of your return to start.'))
    return caseId
  }

  /** The ticket printed on the receipt printer; never a reason to lose the check-in just recorded. */
  const printTicket = async (caseId: string, locale: 'en' | 'fr', actor: string): Promise<TicketPrintView> => {
    if (!deps.ticketPrinter) return { state: 'not_printed', reason: 'no_printer' }
    try {
      const job = await deps.ticketPrinter.printTicket(caseId, locale, actor)
      return { state: job.state, jobId: job.id }
    } catch (e) {
      const reason = e instanceof DomainError ? (e.details as { reason?: string } | undefined)?.reason : undefined
      if (reason === 'no_printer' || reason === 'not_receipt_printer') return { state: 'not_printed', reason }
      ctx.log.error('self-check ticket not printed', { caseId, error: e instanceof Error ? e.message : String(e) })
      return { state: 'not_printed', reason: 'failed' }
    }
  }

  return {
    'selfcheck.start': ({ code }, session) => {
      requireCustomer(session)
      const found = ctx.store.orders.findByCode(code)
      // Only the return's own codes open it here: an order number is easy to guess.
      if (!found || !found.record.returnRequest || found.matchedBy === 'orderNumber') {
        throw new DomainError('not_found', reason('selfCheck.notFound', 'We could not find a return for this code. Scan the QR code of your return again, or ask at the counter.'))
      }
      const record = found.record
      const actor = actorOf(session, ctx)
      const state = ctx.store.db.transaction(() => {
        const open = ctx.caseQueries.openCaseFor(record.orderNumber)
        if (open) return open
        const caseNumber = ctx.caseQueries.nextCaseNumber(ctx.kioskId, ctx.now(), ctx.timeZone)
        const caseType = record.returnRequest?.type ?? 'warranty_repair'
        return ctx.recorder.record(
          randomUUID(),
          [
            { type: 'case.started', payload: { caseNumber, orderNumber: record.orderNumber, caseType, via: 'scan', category: record.item.category } },
            { type: 'order.verified', payload: { orderNumber: record.orderNumber } },
          ],
          actor,
        )
      })()
      // A case staff already took further, or closed, is not the customer's to change.
      if (!['verified', 'eligibility_decided'].includes(state.status) || state.checkIn) {
        throw new DomainError('conflict', reason('selfCheck.atCounter', 'This return is already being handled at the counter: please go to the counter.'))
      }
      deps.customers.bind(session, state.id)
      ctx.bus.emit('case.changed', ctx.caseQueries.summary(state))
      return { caseId: state.id, detail: buildCaseDetail(ctx, deps, state) }
    },
    'selfcheck.current': (_input, session) => {
      requireCustomer(session)
      const caseId = deps.customers.caseOf(session)
      if (!caseId) return null
      return { caseId, detail: buildCaseDetail(ctx, deps, loadCase(ctx, caseId)) }
    },
    'selfcheck.finish': async ({ locale }, session) => {
      requireCustomer(session)
      const caseId = boundCase(session)
      const s = loadCase(ctx, caseId)
      const ticket = s.checkIn?.ticket ?? newTicketNumber((n) => byTicket.get(n) !== undefined)
      const actor = actorOf(session, ctx)
      const result = recordStep(ctx, deps, caseId, [{ type: 'customer.checked_in', payload: { ticket } }], actor)
      // The screen is the next customer's once the ticket is shown.
      deps.customers.clear(session)
      return { ticket: ticketView(ticket), detail: result.detail, print: await printTicket(caseId, locale ?? 'en', actor) }
    },
    'selfcheck.ticketPrint': ({ jobId }, session) => {
      requireCustomer(session)
      const job = deps.ticketPrinter?.job(jobId)
      if (!job || job.document !== 'ticket') throw new DomainError('not_found', reason('selfCheck.ticketNotPrinting', 'This ticket is not being printed: note the number on the screen.'))
      return { state: job.state, jobId: job.id, ...(job.heldFor ? { heldFor: job.heldFor } : {}) }
    },
    'selfcheck.end': (_input, session) => {
      requireCustomer(session)
      deps.customers.clear(session)
      return null
    },
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
