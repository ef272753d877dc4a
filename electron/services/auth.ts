// Role checks at the service boundary. The renderer may hide a screen, but only this decides.
import { DomainError, reason } from '@shared/contract/result'
import type { Session } from './session'

export function requireSupervisor(session: Session): void {
  if (session.mode === 'customer') throw new DomainError('forbidden', reason('access.notAtCustomerKiosk', 'Not available at the customer kiosk.'))
  if (session.role !== 'supervisor') throw new DomainError('forbidden', reason('access.supervisorOnly', 'A supervisor must sign in to do this.'))
}
