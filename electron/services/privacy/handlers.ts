// Privacy calls: supervisors only, never the customer screen (the access guard refuses the
// customer mode before this; requireSupervisor refuses staff).
import { requireSupervisor } from '../auth'
import type { HandlersOf } from '../dispatch'
import type { Session } from '../session'
import type { CustomerData } from './customer-data'
import type { PrivacyService } from './privacy-service'

/** The supervisor's id: the actor of the privacy log entry. */
function supervisor(session: Session): string {
  requireSupervisor(session)
  return session.actor!
}

export function privacyHandlers(service: PrivacyService, customers: CustomerData): HandlersOf<'privacy'> {
  return {
    'privacy.find': ({ query }, session) => {
      supervisor(session)
      return customers.find(query)
    },
    'privacy.export': ({ orderNumber }, session) => service.exportCustomer(orderNumber, supervisor(session)),
    'privacy.erase': ({ orderNumber }, session) => service.erase(orderNumber, supervisor(session)),
    'privacy.retention': (_input, session) => {
      supervisor(session)
      return service.retentionView()
    },
    'privacy.setRetention': ({ days }, session) => service.setRetentionDays(days, supervisor(session)),
    'privacy.runRetention': (_input, session) => {
      supervisor(session)
      return service.runRetention()
    },
  }
}
