// What the sign-in, session and staff calls return. Never a PIN or its hash, except the one
// PIN DropDesk generated on request, returned once to the supervisor who asked for it.
export type StaffRole = 'staff' | 'supervisor'
export type ScreenMode = 'staff' | 'customer'

export interface StaffMember {
  id: string
  name: string
  role: StaffRole
  createdAt: string
}

export interface SessionView {
  signedIn: boolean
  staff: StaffMember | null
  mode: ScreenMode
  /** Seconds without activity after which the services sign the session out. */
  idleLockSeconds: number
  /** To supervisors only: sign-in is locked after repeated wrong PINs until then (they may lift it). */
  signInLockedUntil?: string
}

export interface StaffPinResult {
  staff: StaffMember
  /** Only when DropDesk generated the PIN: show it once, it is not stored in clear anywhere. */
  generatedPin?: string
}

/** `details` of the `forbidden` error while sign-in is locked after repeated wrong PINs. */
export interface LockedOutDetails {
  lockedUntil: string
}
