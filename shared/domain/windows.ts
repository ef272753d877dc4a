// The time windows of DOMAIN.md "Case types", as verdicts with their dates so a screen can say
// "within the 30 days (until 17 Oct)" or "4 business days after delivery, the limit is 3".
// Every window is counted on local calendar dates in the counter's time zone; the deadline is
// the LAST day that is still within (the same reading as the return label: valid 14 days from
// the request = up to and including request date + 14).
import type { CaseType } from '../manifest/record'
import { addBusinessDays, addMonths, businessDaysBetween } from './calendar'
import { addDays, daysBetween, localDate } from './dates'
import { LABEL_VALID_DAYS } from './label-validity'

export const WITHDRAWAL_DAYS = 30
export const DEFAULT_WARRANTY_MONTHS = 12
export const DAMAGED_ON_ARRIVAL_BUSINESS_DAYS = 3
export const TRADE_IN_SHIP_DAYS = 21

export const windowKinds = ['withdrawal', 'warranty', 'damaged_on_arrival', 'trade_in', 'return_label'] as const
export type WindowKind = (typeof windowKinds)[number]

export interface WindowVerdict {
  window: WindowKind
  /** Whether `today` is on or before `deadline`. */
  within: boolean
  /** The local date the window counts from (delivery, offer or request date). */
  start: string
  /** The last local date still within the window. */
  deadline: string
  /** The counter's local date the verdict was made for. */
  today: string
  /** What `limit` and `days` count: calendar days, business days, or months (then `days` is calendar days). */
  unit: 'days' | 'business_days' | 'months'
  limit: number
  /** Days elapsed from `start` to `today` (business days for a business-day window). */
  days: number
  /** Days from `today` to `deadline` in the same unit as `days`; negative once passed. */
  remaining: number
}

/** "Now" as the counter sees it: an instant, its time zone and its public holidays. */
export interface CounterClock {
  now: Date | string
  timeZone: string
  /** The counter's public holidays (YYYY-MM-DD), from configuration. */
  holidays?: readonly string[]
}

function calendarVerdict(window: WindowKind, start: string, deadline: string, clock: CounterClock, unit: 'days' | 'months', limit: number): WindowVerdict {
  const today = localDate(clock.now, clock.timeZone)
  return { window, within: today <= deadline, start, deadline, today, unit, limit, days: daysBetween(start, today), remaining: daysBetween(today, deadline) }
}

/** Withdrawal: 30 days from the delivery date (delivery + 30 is the last day). */
export function withdrawalWindow(deliveredAt: string, clock: CounterClock): WindowVerdict {
  return calendarVerdict('withdrawal', deliveredAt, addDays(deliveredAt, WITHDRAWAL_DAYS), clock, 'days', WITHDRAWAL_DAYS)
}

/** Warranty: `months` from the delivery date, month arithmetic of calendar.ts addMonths. */
export function warrantyWindow(deliveredAt: string, months: number | undefined, clock: CounterClock): WindowVerdict {
  const m = months ?? DEFAULT_WARRANTY_MONTHS
  return calendarVerdict('warranty', deliveredAt, addMonths(deliveredAt, m), clock, 'months', m)
}

/** Damaged on arrival: reported within 3 business days following the delivery date. */
export function damagedOnArrivalWindow(deliveredAt: string, clock: CounterClock): WindowVerdict {
  const holidays = clock.holidays ?? []
  const today = localDate(clock.now, clock.timeZone)
  const deadline = addBusinessDays(deliveredAt, DAMAGED_ON_ARRIVAL_BUSINESS_DAYS, holidays)
  return {
    window: 'damaged_on_arrival',
    within: today <= deadline,
    start: deliveredAt,
    deadline,
    today,
    unit: 'business_days',
    limit: DAMAGED_ON_ARRIVAL_BUSINESS_DAYS,
    days: businessDaysBetween(deliveredAt, today, holidays),
    remaining: businessDaysBetween(today, deadline, holidays),
  }
}

/** Trade-in: shipped (= dropped at this counter) within 21 days of the offer's local date. */
export function tradeInWindow(offerAt: string, clock: CounterClock): WindowVerdict {
  const start = localDate(offerAt, clock.timeZone)
  return calendarVerdict('trade_in', start, addDays(start, TRADE_IN_SHIP_DAYS), clock, 'days', TRADE_IN_SHIP_DAYS)
}

/** Return label: valid 14 days from the help request's local date (same rule as label-validity.ts). */
export function returnLabelWindow(requestedAt: string, clock: CounterClock): WindowVerdict {
  const start = localDate(requestedAt, clock.timeZone)
  return calendarVerdict('return_label', start, addDays(start, LABEL_VALID_DAYS), clock, 'days', LABEL_VALID_DAYS)
}

/** The order facts the windows count from: a ManifestRecord fits as is. */
export interface OrderDates {
  orderDate: string
  deliveredAt?: string
  warrantyMonths?: number
  returnRequest?: { requestedAt: string }
  tradeIn?: { offerAt: string }
}

export interface CaseWindow {
  verdict: WindowVerdict
  /**
   * True when the order has no delivery date and the window was counted from the order date
   * instead: the real window ends later, so "within" is certain but "passed" is not.
   */
  startAssumed: boolean
}

/** The window that decides a case type, or null when its start date is unknown (a trade-in without an offer). */
export function windowForCase(caseType: CaseType, order: OrderDates, clock: CounterClock): CaseWindow | null {
  if (caseType === 'trade_in') {
    return order.tradeIn ? { verdict: tradeInWindow(order.tradeIn.offerAt, clock), startAssumed: false } : null
  }
  const start = order.deliveredAt ?? order.orderDate
  const startAssumed = order.deliveredAt === undefined
  if (caseType === 'withdrawal') return { verdict: withdrawalWindow(start, clock), startAssumed }
  if (caseType === 'damaged_on_arrival') return { verdict: damagedOnArrivalWindow(start, clock), startAssumed }
  return { verdict: warrantyWindow(start, order.warrantyMonths, clock), startAssumed }
}
