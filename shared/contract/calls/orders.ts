import { z } from 'zod'
import { call, code } from '../define'
import type { OrderMatch, OrderView } from '../views'

export const orderCalls = {
  'orders.lookup': call<OrderMatch>()(z.strictObject({ code })),
  'orders.search': call<OrderView[]>()(
    z.strictObject({
      query: z.string().trim().min(2, 'needs at least 2 characters').max(120),
      limit: z.number().int().min(1).max(50).default(20),
    }),
  ),
}
