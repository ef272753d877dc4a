import { DomainError, reason } from '@shared/contract/result'
import type { Handlers } from '../dispatch'
import type { ServiceContext } from '../context'
import { toOrderView } from '../orders/order-view'
import { counterHolidays } from '../intake/counter-clock'

export function ordersHandlers(ctx: ServiceContext): Pick<Handlers, 'orders.lookup' | 'orders.search'> {
  return {
    'orders.lookup': ({ code }) => {
      const found = ctx.store.orders.findByCode(code)
      if (!found) {
        throw new DomainError(
          'not_found',
          reason('order.noMatch', `No expected return matches "${code}". Search by order number, customer name or tracking number.`, { code }),
        )
      }
      const open = ctx.caseQueries.openCaseFor(found.record.orderNumber)
      const earlier = ctx.caseQueries.finishedCasesFor(found.record.orderNumber)
      return {
        order: toOrderView(found.record, ctx.now(), ctx.timeZone, counterHolidays(ctx)),
        matchedBy: found.matchedBy,
        openCase: open ? ctx.caseQueries.summary(open) : null,
        ...(earlier.length > 0 ? { earlierCases: earlier } : {}),
      }
    },
    'orders.search': ({ query, limit }) =>
      ctx.store.orders.search(query, limit).map((o) => toOrderView(o.record, ctx.now(), ctx.timeZone, counterHolidays(ctx))),
  }
}
