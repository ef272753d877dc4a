// Role checks at the service boundary. The renderer may hide a screen, but only this decides.
import { DomainError } from '@shared/contract/result'
import type { Session } from './session'

export function requireSupervisor(session: Session): void {
  if (session.mode === 'customer') throw new DomainError('forbidden', 'Not available at the customer kiosk.')
  if (session.role !== 'supervisor') throw new DomainError('forbidden', 'A supervisor must sign in to do this.')
}
