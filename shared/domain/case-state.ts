// The state of a case as the reducer (case-machine.ts) folds it from the events: the status
// plus everything each step recorded, so a screen can reopen a case at the exact step with
// what was entered so far. Each recorded datum keeps the `seq` of the event that set it: a
// re-recorded datum replaces the previous one by its key (shot id, item id, ...), the event
// log keeps the history.
import type { CaseType, Category } from '../manifest/record'
import type { CaseEventPayload } from './case-events'
import type { HoldReason, CancelReason } from './case-events-control'
import type { ExclusionId } from './exclusions'
import type { RefusalReason } from './case-derived'

export const caseStatuses = [
  'started',
  'verified',
  'eligibility_decided',
  'evidence_captured',
  'packed',
  'labelled',
  'handed_over',
  'on_hold',
  'cancelled',
] as const
export type CaseStatus = (typeof caseStatuses)[number]

/** The statuses of the main line, in order (not on_hold / cancelled). */
export const progressStatuses = caseStatuses.slice(0, 7) as readonly Exclude<CaseStatus, 'on_hold' | 'cancelled'>[]
export type ProgressStatus = (typeof progressStatuses)[number]

/** Who recorded a datum, when, with which event. */
export interface Stamp {
  seq: number
  at: string
  by: string
}

type Recorded<T> = T & Stamp

export type IdentityRecord = Recorded<CaseEventPayload<'device.identified'>>
export type EligibilityRecord = Recorded<CaseEventPayload<'eligibility.decided'>> & {
  /** An assessment fact changed after the verdict (an exclusion, the identity): decide again. */
  stale: boolean
}
export type ExclusionRecord = Recorded<CaseEventPayload<'exclusion.observed'>>
export type PhotoRecord = Recorded<CaseEventPayload<'photo.captured'>>
export type SkipRecord = Recorded<CaseEventPayload<'photo.skipped'>>
export type BackupRecord = Recorded<CaseEventPayload<'backup.confirmed'>>
export type AccountRecord = Recorded<{
  outcome: 'signed_out' | 'still_locked'
  accounts: CaseEventPayload<'account.disconnected'>['accounts']
  proof?: CaseEventPayload<'account.disconnected'>['proof']
  photoSha256?: string
}>
export type PinRecord = Recorded<{ provided: true; kind: CaseEventPayload<'pin.provided'>['kind'] } | { provided: false; reason: CaseEventPayload<'pin.skipped'>['reason'] }>
export type AccessoriesRecord = Recorded<CaseEventPayload<'accessories.recorded'>>
export type AgeRecord = Recorded<CaseEventPayload<'age.checked'>>
export type PackagePhotoRecord = Recorded<CaseEventPayload<'package.photographed'>>
export type LabelRecord = Recorded<CaseEventPayload<'label.recorded'>>
export type TrackingRecord = Recorded<CaseEventPayload<'tracking.bound'>>
export type OverrideRecord = Recorded<CaseEventPayload<'supervisor.override'>>

export interface HoldState {
  reason: HoldReason
  /** The status the case returns to when the hold is resolved. */
  resumeTo: ProgressStatus
  needsSupervisor: boolean
  note?: string
  since: string
  by: string
}

export interface CaseState {
  id: string
  caseNumber: string
  orderNumber: string
  caseType: CaseType
  status: CaseStatus
  startedAt: string
  startedBy: string
  updatedAt: string
  /** The last applied event's per-case sequence number. */
  lastSeq: number
  verifiedAt?: string
  verifiedBy?: string

  /** Known once the device is identified (the order's category). */
  category?: Category
  identity?: IdentityRecord
  exclusions: Partial<Record<ExclusionId, ExclusionRecord>>
  eligibility?: EligibilityRecord
  /** Supervisor decisions, in order; the last eligibility one sets the effective verdict. */
  overrides: OverrideRecord[]
  photos: Record<string, PhotoRecord>
  skippedShots: Record<string, SkipRecord>
  backup?: BackupRecord
  account?: AccountRecord
  pin?: PinRecord
  accessories?: AccessoriesRecord
  age?: AgeRecord
  evidenceCompletedAt?: string
  packing: { checked: Record<string, Stamp>; slip?: Stamp & { via: 'printed' | 'written' }; photos: Record<string, PackagePhotoRecord> }
  packedAt?: string
  /** A new label recorded at the counter; replaces the order's return label. */
  newLabel?: LabelRecord
  tracking?: TrackingRecord
  handedOver?: Recorded<CaseEventPayload<'handed_over'>>
  checkIn?: { ticket: string; at: string; pickedUpAt?: string; pickedUpBy?: string }
  hold?: HoldState
  /** `refusal`: closed as refused (the device handed back to the customer) and why. */
  cancelled?: { reason: CancelReason; note?: string; at: string; by: string; from: CaseStatus; refusal?: RefusalReason }
}
