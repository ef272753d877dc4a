// What the services return to the renderer. Only what a screen shows: no e-mail or phone,
// and never an unlock PIN.
import type { CaseStatus } from '../domain/case-machine'
import type { CaseType, Category } from '../manifest/record'
import type { CaseState } from '../domain/case-state'
import type { IntakeDetail } from './intake-views'
import type { WindowVerdict } from '../domain/windows'

export type LookupKey = 'labelCode' | 'returnRequestId' | 'trackingNumber' | 'orderNumber'

export interface OrderView {
  orderNumber: string
  marketplace?: string
  orderDate: string
  deliveredAt?: string
  seller?: string
  customer: { firstName?: string; lastName?: string }
  item: { category: Category; brand?: string; model?: string; grade?: string; imei?: string; serial?: string }
  warrantyMonths: number
  /** The return request's type, or a warranty repair for a walk-in without one. */
  caseType: CaseType
  returnRequest?: {
    id: string
    requestedAt: string
    carrier?: string
    trackingNumber?: string
    labelCode?: string
    /** The last local date on which the label may be handed over. */
    labelValidUntil: string
    labelExpired: boolean
  }
  tradeIn?: { offerAt: string; offerAmount?: number; currency?: string; accessoriesRequired?: boolean }
  /** The case type's window today (absent for a trade-in without its offer date). */
  window?: WindowVerdict & { startAssumed: boolean }
}

export interface CaseSummary {
  id: string
  caseNumber: string
  orderNumber: string
  caseType: CaseType
  status: CaseStatus
  /** From the orders cache; absent once the order's personal data is gone. */
  customerName?: string
  device?: string
  startedAt: string
  startedBy: string
  updatedAt: string
}

/** A case found by its case number, a self-check ticket number or its order's number. */
export interface CaseMatch {
  case: CaseSummary
  matchedBy: 'caseNumber' | 'ticket' | 'orderNumber'
  /** The ticket of a customer's self-check still waiting for staff: opening it picks it up. */
  ticketToPickUp?: string
}

export interface OrderMatch {
  order: OrderView
  matchedBy: LookupKey
  /** A case already open today for this order, so a second scan resumes it. */
  openCase: CaseSummary | null
  /**
   * The order's finished cases (handed over, cancelled), oldest first: a new case on it needs
   * a reason (cases.start `restart`). Absent when there are none.
   */
  earlierCases?: EarlierCaseView[]
}

export interface EarlierCaseView {
  id: string
  caseNumber: string
  caseType: CaseType
  status: CaseStatus
  startedAt: string
  /** When it was handed over or cancelled (its last event). */
  endedAt: string
  /** A case closed as refused (the device went back to the customer). */
  refused?: boolean
}

export interface CaseEventView {
  id: string
  caseSeq: number
  type: string
  payload: unknown
  actor: string
  kioskId: string
  at: string
}

export interface CaseDetail {
  summary: CaseSummary
  order: OrderView | null
  events: CaseEventView[]
  nextEventTypes: readonly string[]
  /** The full reducer state: every step's data so far (never a PIN). */
  state: CaseState
  /** What the intake's step screens need (intake-views.ts). */
  intake: IntakeDetail
}

export interface AppInfo {
  version: string
  kioskId: string
  /** How the renderer reaches the services. */
  transport: 'electron' | 'browser'
  timeZone: string
  ordersCount: number
  /** True while the orders cache holds the embedded demo manifest. */
  demo: boolean
}

export interface ScanEvent {
  code: string
  symbology?: string
  source: 'wedge' | 'hid' | 'serial' | 'camera'
  /** UTC ISO time of the scan. */
  at: string
}

/** A scan made at a signed-out screen: which source and when, never the code it read. */
export type ScanAtSignIn = Pick<ScanEvent, 'source' | 'at'>
