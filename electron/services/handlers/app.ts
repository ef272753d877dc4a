import type { Handlers } from '../dispatch'
import type { ServiceContext } from '../context'
import { servesDemo } from '../orders/demo-manifest'

declare const __APP_VERSION__: string | undefined

export function appHandlers(ctx: ServiceContext): Pick<Handlers, 'app.info'> {
  return {
    'app.info': () => ({
      version: typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : (process.env.npm_package_version ?? 'dev'),
      kioskId: ctx.kioskId,
      transport: ctx.transport,
      timeZone: ctx.timeZone,
      ordersCount: ctx.store.orders.count(),
      demo: servesDemo(ctx.store),
    }),
  }
}
