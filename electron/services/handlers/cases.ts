import { randomUUID } from 'node:crypto'
import { DomainError } from '@shared/contract/result'
import type { Handlers } from '../dispatch'
import type { ServiceContext } from '../context'
import type { Session } from '../session'

/**
 * Who records an event: the signed-in staff member's id. In customer self-check mode no staff
 * member is signed in, and the customer at this kiosk is the actor. The access guard already
 * refuses recording calls from a session nobody signed in to; this is the second fence.
 */
export function actorOf(session: Session, ctx: ServiceContext): string {
  if (session.mode === 'customer') return `customer@${ctx.kioskId}`
  if (!session.actor) throw new DomainError('unauthorized', 'Sign in with your staff PIN first.')
  return session.actor
}

/** `cases.get` is the intake's (handlers/intake-control.ts): the detail needs its photo rows and PIN vault. */
export function casesHandlers(ctx: ServiceContext): Pick<Handlers, 'cases.start' | 'cases.today'> {
  return {
    'cases.start': ({ orderNumber, via, code }, session) => {
      const order = ctx.store.orders.get(orderNumber)
      if (!order) throw new DomainError('not_found', `Order ${orderNumber} is not in the expected returns. Scan the label again or search for it.`)
      const state = ctx.store.db.transaction(() => {
        // A second confirm of the same order resumes its open case instead of starting another.
        const open = ctx.caseQueries.openCaseFor(orderNumber)
        if (open) return open
        const now = ctx.now()
        const caseNumber = ctx.caseQueries.nextCaseNumber(ctx.kioskId, now, ctx.timeZone)
        const caseType = order.record.returnRequest?.type ?? 'warranty_repair'
        return ctx.recorder.record(
          randomUUID(),
          [
            { type: 'case.started', payload: { caseNumber, orderNumber, caseType, via, ...(code ? { code } : {}), category: order.record.item.category } },
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
