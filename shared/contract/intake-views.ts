// What the intake calls return (issue #3): the per-step results, photos, hand-over batches,
// the customer's self-check ticket, and `IntakeDetail`, the part of CaseDetail the step screens
// read (progress, flags, what this case needs). Never an unlock PIN: only whether one is held.
import type { CaseType, Category } from '../manifest/record'
import type { CaseFlags, EffectiveEligibility, EvidenceProgress, RefusalReason } from '../domain/case-derived'
import type { CaseEventType } from '../domain/case-events'
import type { HoldReason } from '../domain/case-events-control'
import type { CaseProgress, StepId } from '../domain/case-progress'
import type { PackingItemId, PackingProgress } from '../domain/packing'
import type { PhotoPlan } from '../domain/photo-sets'
import type { AccessoriesRequirement, AccountId } from '../domain/prerequisites'
import type { JobState, PrinterStatus } from './printing-views'
import type { CaseDetail, CaseSummary } from './views'

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

/**
 * What every recording call returns: the case as it now stands. `recorded` is false when the
 * same thing was already recorded (a second scan, a double tap): nothing was added, and
 * `notice` says so in words.
 */
export interface StepResult {
  detail: CaseDetail
  recorded: boolean
  notice?: string
}

export interface PhotoCaptureResult extends StepResult {
  photo: PhotoView
}

export interface PhotoBytes {
  sha256: string
  mime: PhotoView['mime']
  /** Base64 of the file's bytes (thumbnails, review). */
  data: string
}

/** A row of the case list for Today, with what the filters need. */
export interface CaseListItem extends CaseSummary {
  /** On hold, or refused and still open: someone must decide what follows. */
  needsSupervisor: boolean
  holdReason?: HoldReason
  /** Refused and still open (the intake stopped there). */
  refusal?: RefusalReason
  /** Closed as refused: the device went back to the customer. */
  closedRefused?: RefusalReason
  nextStep: StepId | null
  labelExpired: boolean
  ticket?: string
}

export interface CaseListFilter {
  status?: string[]
  caseType?: CaseType[]
  needsSupervisor?: boolean
}

export interface ParcelView {
  caseId: string
  caseNumber: string
  orderNumber: string
  trackingNumber: string
  carrier: string
  labelValidUntil?: string
  labelExpired: boolean
}

/** Parcels labelled and waiting for their carrier's pickup. */
export interface CarrierParcels {
  carrier: string
  parcels: ParcelView[]
}

export interface HandoverBatchView {
  id: string
  carrier: string
  /** When the driver took the parcels (UTC ISO), as staff entered it or now. */
  driverAt: string
  localDate: string
  closedAt: string
  closedBy: string
  caseIds: string[]
  /** Parcels left out of the batch, and why (an expired label, already handed over...). */
  refused: { caseId: string; message: string }[]
}

export interface TicketView {
  /** Short number shown large on screen and read out to staff. */
  number: string
  /** What the QR code encodes: staff scan it (cases.pickUp accepts it or the number). */
  qr: string
}

export interface SelfCheckView {
  caseId: string
  detail: CaseDetail
}

/**
 * The customer's printed ticket: its print job's state (held: what the printer said), or why
 * none was printed (no receipt printer set up, one that cannot print it, a failure), so the
 * screen can ask the customer to note or photograph the number instead.
 */
export type TicketPrintView =
  | { state: JobState; jobId: string; heldFor?: PrinterStatus }
  | { state: 'not_printed'; reason: 'no_printer' | 'not_receipt_printer' | 'failed' }

export interface SelfCheckFinish {
  ticket: TicketView
  detail: CaseDetail
  print: TicketPrintView
}
