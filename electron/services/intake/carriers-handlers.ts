// The counter's carrier list, edited by a supervisor (access declared in the contract): the
// rules and the audit live in carrier-list.ts; staff read the list through label.carriers.
import type { HandlersOf } from '../dispatch'
import type { ServiceContext } from '../context'
import { actorOf } from '../cases/actor'
import { CarrierList } from './carrier-list'

export function carriersHandlers(ctx: ServiceContext): HandlersOf<'carriers'> {
  const carriers = new CarrierList({ db: ctx.store.db, settings: ctx.store.settings, kioskId: ctx.kioskId, now: ctx.now })
  return {
    'carriers.add': ({ name }, session) => carriers.add(name, actorOf(session, ctx)),
    'carriers.remove': ({ name }, session) => carriers.remove(name, actorOf(session, ctx)),
  }
}
