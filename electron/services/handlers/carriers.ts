// The counter's carrier list, edited by a supervisor: the rules and the audit live in
// intake/carrier-list.ts; staff read the list through label.carriers.
import type { Handlers } from '../dispatch'
import type { ServiceContext } from '../context'
import { requireSupervisor } from '../auth'
import { CarrierList } from '../intake/carrier-list'
import { actorOf } from './cases'

type CarrierCall = 'carriers.add' | 'carriers.remove'

export function carrierHandlers(ctx: ServiceContext): Pick<Handlers, CarrierCall> {
  const carriers = new CarrierList({ db: ctx.store.db, settings: ctx.store.settings, kioskId: ctx.kioskId, now: ctx.now })
  return {
    'carriers.add': ({ name }, session) => {
      requireSupervisor(session)
      return carriers.add(name, actorOf(session, ctx))
    },
    'carriers.remove': ({ name }, session) => {
      requireSupervisor(session)
      return carriers.remove(name, actorOf(session, ctx))
    },
  }
}
