// `IntakeDetail`, the part of CaseDetail the step screens read (progress, flags, what this case
// needs), and the views it is made of. Never an unlock PIN: only whether one is held.
import type { Category } from '../manifest/record'
import type { CaseFlags, EffectiveEligibility, EvidenceProgress } from '../domain/case-derived'
import type { CaseEventType } from '../domain/case-events'
import type { CaseProgress } from '../domain/case-progress'
import type { PackingItemId, PackingProgress } from '../domain/packing'
import type { PhotoPlan } from '../domain/photo-sets'
import type { AccessoriesRequirement, AccountId } from '../domain/prerequisites'

/** Why a photo is taken: the case's condition shots, the package, an exclusion's evidence, an account proof. */
export const photoPurposes = ['condition', 'package', 'exclusion', 'account_proof'] as const
export type PhotoPurpose = (typeof photoPurposes)[number]

export interface PhotoView {
  sha256: string
  purpose: PhotoPurpose
  shot: string
  mime: 'image/jpeg' | 'image/png' | 'image/webp'
  size: number
  capturedAt: string
}

/** The dates and settings the verdict is computed from, shown next to it ("delivered 3 Oct, ..."). */
export interface EligibilityInputs {
  /** The counter's local date now. */
  today: string
  timeZone: string
  /** The counter's configured public holidays (settings key `counter.holidays`). */
  holidays: string[]
  orderDate?: string
  deliveredAt?: string
  warrantyMonths?: number
  offerAt?: string
  requestedAt?: string
}

export interface LabelView {
  /** Where the label comes from: the order's return label, a new one recorded here, or none yet. */
  source: 'order' | 'new' | 'none'
  carrier?: string
  trackingNumber?: string
  validUntil?: string
  /** Not valid on the counter's today: hand-over refused until a new label is recorded. */
  expired: boolean
}

export interface TicketView {
  /** Short number shown large on screen and read out to staff. */
  number: string
  /** What the QR code encodes: staff scan it (cases.pickUp accepts it or the number). */
  qr: string
}

/** Everything a step screen needs besides the raw state (CaseDetail.state). */
export interface IntakeDetail {
  category?: Category
  progress: CaseProgress
  evidence: EvidenceProgress
  flags: CaseFlags
  /** The verdict in force (after a supervisor's override); null while undecided or stale. */
  eligibility: EffectiveEligibility | null
  eligibilityInputs: EligibilityInputs
  /** The photos this device needs; null until its category is known. */
  photoPlan: PhotoPlan | null
  /** The accounts to check for this device's brand, and whether the step applies. */
  accounts: AccountId[]
  accountRequired: boolean
  pinRequired: boolean
  accessories: AccessoriesRequirement
  packing: { checklist: PackingItemId[]; progress: PackingProgress }
  label: LabelView
  /** An encrypted PIN is held for the slip (absent after a restart if never committed, and once purged). */
  pinStored: boolean
  /** Every photo stored for this case (condition, package, exclusion evidence, account proof). */
  photos: PhotoView[]
  /** The events the screen's next step may record now. */
  nextStepEvents: CaseEventType[]
  /** Set once the customer finished a self-check. */
  ticket?: TicketView
}
