// What the intake handlers share besides the ServiceContext: the photo files and rows, the
// PIN vault, the customers' case bindings, and the supervisor PIN check (staff sign-in's).
import type { PhotoStore } from '../photos/photo-store'
import type { CustomerCases } from './customer-cases'
import type { PhotoRows } from './photo-rows'
import type { PinVault } from './pin-vault'

/** Who a supervisor's PIN belongs to; throws DomainError (wrong PIN, locked out) otherwise. */
export type SupervisorCheck = (pin: string) => Promise<{ id: string; role: 'staff' | 'supervisor' }>

export interface IntakeDeps {
  photos: PhotoStore
  photoRows: PhotoRows
  pins: PinVault
  customers: CustomerCases
  verifySupervisor: SupervisorCheck
}
