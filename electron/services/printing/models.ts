// Typed document models: what each printed document shows, built by the services from the
// case and the order. Layout code (zpl/, escpos/, pdf/) turns a model into bytes; nothing
// pastes strings from the UI.
import type { RefusalReason } from '@shared/domain/case-derived'
import type { ExclusionId } from '@shared/domain/exclusions'
import type { WindowVerdict } from '@shared/domain/windows'
import type { CaseType, Category } from '@shared/manifest/record'
import type { Dpi, LabelSize } from '@shared/contract/printing-views'

export type PrintLocale = 'en' | 'fr'

export interface CaseLabelModel {
  caseNumber: string
  orderNumber: string
  category: Category
  /** Local date of the case, YYYY-MM-DD. */
  date: string
  /** Printed as a second barcode on the 4"×6" label when the parcel already has one. */
  trackingNumber?: string
}

export interface LabelFormat {
  size: LabelSize
  dpi: Dpi
}

export interface OrderSlipModel {
  locale: PrintLocale
  caseNumber: string
  marketplace?: string
  firstName?: string
  lastName?: string
  orderNumber: string
  orderDate: string
  reason: CaseType
  /** "Brand Model" as the order names it, else the category's name. */
  device: string
  /** As identified at the counter, else as the order gives it. */
  imei?: string
  serial?: string
  /** Only when the customer gave one: the slip is the one place it is ever printed. */
  unlockPin?: string
}

/** Who took the parcel in: the counter's name and postal address (printing settings). */
export interface CounterIdentity {
  name: string
  address?: string
}

export interface ReceiptModel {
  locale: PrintLocale
  caseNumber: string
  orderNumber: string
  device: string
  carrier?: string
  trackingNumber?: string
  /** Local date and time of the drop-off (the case's start), "YYYY-MM-DD HH:MM". */
  dateTime: string
  counter: CounterIdentity
  kioskId: string
}

/** A customer's self-check ticket, printed in the language the customer chose on the screen. */
export interface TicketModel {
  locale: PrintLocale
  ticket: string
  orderNumber: string
  /** Local date and time the customer finished the self-check, "YYYY-MM-DD HH:MM". */
  dateTime: string
}

export interface PickupManifestModel {
  locale: PrintLocale
  carrier: string
  kioskId: string
  /** The driver's pickup time for a closed batch (else the time of printing). */
  dateTime: string
  parcels: { caseNumber: string; trackingNumber: string }[]
  /** The closed batch: its id is printed as one Code 128 for the carrier's scan. */
  batchId?: string
}

/**
 * The note a refused customer leaves with (their device handed back): who refused, when, what
 * was asked, why in plain words with the rule's dates, what they can do next, the case.
 */
export interface RefusalNoteModel {
  locale: PrintLocale
  caseNumber: string
  orderNumber: string
  device: string
  /** What the customer came for (the case type asked). */
  caseType: CaseType
  refusal: RefusalReason
  /** Local "YYYY-MM-DD HH:MM" of the refusal's close (or of the print while still open). */
  dateTime: string
  counter: CounterIdentity
  /** A verdict's refusal: the window as decided (its start, last day, the day it was decided). */
  window?: Pick<WindowVerdict, 'window' | 'start' | 'deadline' | 'today' | 'unit' | 'limit' | 'days' | 'within'>
  /** A verdict's refusal: the damage observed that this case type does not cover. */
  exclusions?: ExclusionId[]
  /** The case type that may still apply (a repair under warranty after a withdrawal's window). */
  suggestedCaseType?: CaseType
}

/** The port the intake plugs the encrypted PIN store into; the default knows no PIN. */
export type PinSource = (caseId: string) => string | null
export const noPin: PinSource = () => null
