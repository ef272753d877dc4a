// Privacy calls: supervisors only, never the customer screen (declared in the contract,
// enforced by the dispatcher before these run).
import { actorOf } from '../cases/actor'
import type { HandlersOf } from '../dispatch'
import type { CustomerData } from './customer-data'
import type { PrivacyService } from './privacy-service'

export function privacyHandlers(service: PrivacyService, customers: CustomerData, kioskId: string): HandlersOf<'privacy'> {
  // The supervisor's id: the actor of the privacy log entry.
  const supervisor = (session: Parameters<typeof actorOf>[0]) => actorOf(session, { kioskId })
  return {
    'privacy.find': ({ query }) => customers.find(query),
    'privacy.export': ({ orderNumber }, session) => service.exportCustomer(orderNumber, supervisor(session)),
    'privacy.erase': ({ orderNumber }, session) => service.erase(orderNumber, supervisor(session)),
    'privacy.retention': () => service.retentionView(),
    'privacy.setRetention': ({ days }, session) => service.setRetentionDays(days, supervisor(session)),
    'privacy.runRetention': () => service.runRetention(),
  }
}
