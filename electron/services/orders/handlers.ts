import { DomainError, reason } from '@shared/contract/result'
import type { HandlersOf } from '../dispatch'
import type { ServiceContext } from '../context'
import { counterHolidays } from '../intake/counter-clock'
import type { ServiceModule } from '../module'
import { toOrderView } from './order-view'

/** The expected returns: look one up by a scanned code, or search them. */
export function createOrdersModule(ctx: ServiceContext): ServiceModule<HandlersOf<'orders'>> {
  return { handlers: ordersHandlers(ctx) }
}

function ordersHandlers(ctx: ServiceContext): HandlersOf<'orders'> {
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
