import { randomUUID } from 'node:crypto'
import { DomainError } from '@shared/contract/result'
import { nextEventTypes } from '@shared/domain/case-machine'
import type { Handlers } from '../dispatch'
import type { ServiceContext } from '../context'
import type { Session } from '../session'
import { toOrderView } from '../orders/order-view'

/** Until staff sign-in exists, events are recorded as made at this kiosk's counter. */
export function actorOf(session: Session, ctx: ServiceContext): string {
  return session.actor ?? `counter@${ctx.kioskId}`
}

export function casesHandlers(ctx: ServiceContext): Pick<Handlers, 'cases.start' | 'cases.today' | 'cases.get'> {
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
            { type: 'case.started', payload: { caseNumber, orderNumber, caseType, via, ...(code ? { code } : {}) } },
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
    'cases.get': ({ caseId }) => {
      const state = ctx.store.cases.get(caseId)
      if (!state) throw new DomainError('not_found', `No case ${caseId} on this kiosk.`)
      const order = ctx.store.orders.get(state.orderNumber)
      return {
        summary: ctx.caseQueries.summary(state),
        order: order ? toOrderView(order.record, ctx.now(), ctx.timeZone) : null,
        events: ctx.store.events.forCase(caseId).map(({ caseId: _c, ...e }) => e),
        nextEventTypes: nextEventTypes(state),
      }
    },
  }
}
