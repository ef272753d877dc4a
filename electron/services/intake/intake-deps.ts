// What the intake handlers share besides the ServiceContext: the photo files and rows, the
// PIN vault, the customers' case bindings, and the supervisor PIN check (staff sign-in's).
import type { PrintJobView } from '@shared/contract/printing-views'
import type { PhotoStore } from '../photos/photo-store'
import type { CustomerCases } from './customer-cases'
import type { PhotoRows } from './photo-rows'
import type { PinVault } from './pin-vault'

/** Who a supervisor's PIN belongs to; throws DomainError (wrong PIN, locked out) otherwise. */
export type SupervisorCheck = (pin: string) => Promise<{ id: string; role: 'staff' | 'supervisor' }>

/** Printing's part in the self-check: the ticket on the receipt printer, and its job's state. */
export interface TicketPrinter {
  printTicket(caseId: string, locale: 'en' | 'fr', actor: string): Promise<PrintJobView>
  job(jobId: string): PrintJobView | null
}

export interface IntakeDeps {
  /** Plugged in once printing exists (it is built after the intake, which gives it the slip's PIN). */
  ticketPrinter?: TicketPrinter
  photos: PhotoStore
  photoRows: PhotoRows
  pins: PinVault
  customers: CustomerCases
  verifySupervisor: SupervisorCheck
}
