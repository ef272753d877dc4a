// What the intake calls return: the per-step results, photos, hand-over batches, the customer's
// self-check ticket; `IntakeDetail` (intake-detail-views.ts) is the part of CaseDetail the step
// screens read. Never an unlock PIN: only whether one is held.
import type { CaseType } from '../manifest/record'
import type { RefusalReason } from '../domain/case-derived'
import type { HoldReason } from '../domain/case-events-control'
import type { StepId } from '../domain/case-progress'
import type { JobState, PrinterStatus } from './printing-views'
import type { CaseDetail, CaseSummary } from './views'
import type { PhotoView, TicketView } from './intake-detail-views'

export { photoPurposes, type EligibilityInputs, type IntakeDetail, type LabelView, type PhotoPurpose, type PhotoView, type TicketView } from './intake-detail-views'

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
