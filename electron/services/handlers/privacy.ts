// Privacy calls: supervisors only, never the customer screen (the access guard refuses the
// customer mode before this; requireSupervisor refuses staff).
import { requireSupervisor } from '../auth'
import type { Handlers } from '../dispatch'
import type { PrivacyService } from '../privacy/privacy-service'
import type { CustomerData } from '../privacy/customer-data'
import type { Session } from '../session'

type PrivacyCallName = 'privacy.find' | 'privacy.export' | 'privacy.erase' | 'privacy.retention' | 'privacy.setRetention' | 'privacy.runRetention'

/** The supervisor's id: the actor of the privacy log entry. */
function supervisor(session: Session): string {
  requireSupervisor(session)
  return session.actor!
}

export function privacyHandlers(service: PrivacyService, customers: CustomerData): Pick<Handlers, PrivacyCallName> {
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
