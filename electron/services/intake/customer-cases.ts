// Which case each customer-mode session is on: selfcheck.start binds it, every call the
// customer makes is limited to it, selfcheck.end / finish or leaving customer mode clears it.
import { DomainError, reason } from '@shared/contract/result'
import type { Session } from '../session'

export class CustomerCases {
  private readonly bySession = new Map<string, string>()

  bind(session: Session, caseId: string): void {
    this.bySession.set(session.id, caseId)
  }

  caseOf(session: Session): string | null {
    if (session.mode !== 'customer') {
      // Back in staff mode: the customer's binding must not outlive the customer.
      this.bySession.delete(session.id)
      return null
    }
    return this.bySession.get(session.id) ?? null
  }

  clear(session: Session): void {
    this.bySession.delete(session.id)
  }

  /** Staff may reach any case; a customer only the one their QR code opened. */
  requireAccess(session: Session, caseId: string): void {
    if (session.mode !== 'customer') return
    if (this.caseOf(session) !== caseId) {
      throw new DomainError('forbidden', reason('selfCheck.ownReturnOnly', 'This screen only works on your own return. Scan your return QR code to start.'))
    }
  }
}
