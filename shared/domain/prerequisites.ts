// Before the device is accepted (DOMAIN.md "Before the device is accepted"; seeds: the return
// guide steps 4-6, the label page step 3, the trade-in page): data backup, account
// disconnection, the unlock PIN/pattern, accessories and the trade-in age check.
import type { CaseType, Category } from '../manifest/record'

/** Categories that are phones, tablets, computers or watches: personal storage, an account, a lock screen. */
const personalDevices: readonly Category[] = ['smartphone', 'tablet', 'computer', 'smartwatch']

// --- data backup -------------------------------------------------------------------------

export const backupKinds = [
  'backed_up_and_removed', // the customer confirms their data is backed up and removed
  'acknowledged_data_loss', // the device is dead: the customer accepts it may be fully restored
  'no_personal_storage', // "other" devices only: nothing personal on it (a speaker, a cable)
] as const
export type BackupKind = (typeof backupKinds)[number]

/**
 * The backup step is asked for every device. Phones, tablets, computers and watches always
 * have personal storage; for "other" (consoles have it, a speaker does not) the answer
 * "no personal storage" is accepted.
 */
export function backupKindAllowed(category: Category, kind: BackupKind): boolean {
  return kind !== 'no_personal_storage' || category === 'other'
}

// --- account disconnection ---------------------------------------------------------------

export const accountIds = ['apple_find_my', 'google', 'samsung', 'mi', 'huawei', 'microsoft', 'other'] as const
export type AccountId = (typeof accountIds)[number]

export const proofKinds = ['photo', 'staff_confirmed'] as const
export type ProofKind = (typeof proofKinds)[number]

/** Required for phones, tablets, watches and computers; "other" (AirPods, consoles) when one is linked. */
export function accountDisconnectionRequired(category: Category): boolean {
  return personalDevices.includes(category)
}

/** The accounts to check on a device, from its brand; Android phones also carry a Google account. */
export function accountsFor(category: Category, brand: string | undefined): AccountId[] {
  const b = (brand ?? '').toLowerCase()
  if (b.includes('apple') || b.includes('beats')) return ['apple_find_my']
  if (category === 'computer') return ['microsoft']
  const android = category === 'smartphone' || category === 'tablet' || category === 'smartwatch'
  if (b.includes('samsung')) return android ? ['samsung', 'google'] : ['samsung']
  if (b.includes('xiaomi') || b.includes('redmi') || b.includes('poco')) return android ? ['mi', 'google'] : ['mi']
  if (b.includes('huawei') || b.includes('honor')) return ['huawei', 'google']
  return android ? ['google'] : ['other']
}

// --- unlock PIN / pattern ----------------------------------------------------------------

export const pinKinds = ['pin', 'pattern'] as const
export type PinKind = (typeof pinKinds)[number]
/** Why no PIN is given: the lock was removed, there is none, or the customer declined. */
export const pinSkipReasons = ['lock_removed', 'no_lock', 'customer_declined'] as const
export type PinSkipReason = (typeof pinSkipReasons)[number]

/** The PIN question is part of the intake for devices with a lock screen; optional for "other". */
export function pinStepRequired(category: Category): boolean {
  return personalDevices.includes(category)
}

// --- accessories -------------------------------------------------------------------------

export const accessoryIds = ['charger', 'cable', 'box', 'strap', 'stylus', 'other'] as const
export type AccessoryId = (typeof accessoryIds)[number]

export interface AccessoriesRequirement {
  /** Whether the accessories step is part of this case (trade-ins). */
  step: boolean
  mandatory: AccessoryId[]
}

/**
 * Trade-in of a computer or a monitor: cables and chargers are mandatory. A monitor has no
 * category of its own ("other"), so the order's tradeIn.accessoriesRequired says so; a
 * computer trade-in always requires them. Other cases: accessories are optional and not asked.
 */
export function accessoriesRequirement(caseType: CaseType, category: Category, accessoriesRequired?: boolean): AccessoriesRequirement {
  if (caseType !== 'trade_in') return { step: false, mandatory: [] }
  const mandatory = category === 'computer' || accessoriesRequired === true
  return { step: true, mandatory: mandatory ? ['charger', 'cable'] : [] }
}

export function missingAccessories(mandatory: readonly AccessoryId[], included: readonly AccessoryId[]): AccessoryId[] {
  return mandatory.filter((a) => !included.includes(a))
}

// --- trade-in age ------------------------------------------------------------------------

export const TRADE_IN_MIN_AGE = 18
export const ageMethods = ['date_of_birth', 'id_document', 'customer_declared'] as const
export type AgeMethod = (typeof ageMethods)[number]

/**
 * Whether someone born on `dateOfBirth` is 18 on the local date `today`. The 18th birthday is
 * the same month and day 18 years later; someone born on 29 February becomes 18 on 1 March in a
 * common year (the later, safer reading: never accept a trade-in a day early).
 */
export function isAdultOn(dateOfBirth: string, today: string): boolean {
  const year = Number(dateOfBirth.slice(0, 4)) + TRADE_IN_MIN_AGE
  return today >= `${String(year).padStart(4, '0')}${dateOfBirth.slice(4)}`
}
