// Calendar arithmetic on plain local dates (YYYY-MM-DD), for the windows of DOMAIN.md
// ("Dates"): months for the warranty, business days for a damaged delivery. Working on date
// strings (never instants) means no DST change or time zone can shift a deadline; the caller
// turns instants into the counter's local date first (dates.ts localDate).
import { addDays } from './dates'

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/

function parts(date: string): [number, number, number] {
  const m = DATE_RE.exec(date)
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${date}`)
  return [Number(m[1]), Number(m[2]), Number(m[3])]
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0')

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/**
 * The same day of the month `months` later (earlier when negative). When the target month is
 * shorter, the result is that month's last day: Jan 31 + 1 month = Feb 28 (Feb 29 in a leap
 * year), Feb 29 2028 + 12 months = Feb 28 2029. This is the usual civil rule (and that of
 * java.time and date-fns); it never jumps into the month after.
 */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = parts(date)
  const index = y * 12 + (m - 1) + months
  const year = Math.floor(index / 12)
  const month = (index % 12) + 1
  return `${pad(year, 4)}-${pad(month)}-${pad(Math.min(d, daysInMonth(year, month)))}`
}

/** 0 = Sunday ... 6 = Saturday, for a calendar date (no time zone involved). */
export function weekday(date: string): number {
  const [y, m, d] = parts(date)
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay()
}

/** Monday to Friday and not one of the counter's configured public holidays. */
export function isBusinessDay(date: string, holidays: readonly string[] = []): boolean {
  const day = weekday(date)
  return day !== 0 && day !== 6 && !holidays.includes(date)
}

/** The `count`-th business day after `date` (the start date itself never counts). */
export function addBusinessDays(date: string, count: number, holidays: readonly string[] = []): string {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`a whole, non-negative number of business days: ${count}`)
  let d = date
  for (let n = 0; n < count; ) {
    d = addDays(d, 1)
    if (isBusinessDay(d, holidays)) n++
  }
  return d
}

/**
 * Business days from `from` to `to`: those after `from` up to and including `to`; negative
 * (counted the same way backwards) when `to` is earlier. Delivered on Friday, reported on
 * the next Monday = 1.
 */
export function businessDaysBetween(from: string, to: string, holidays: readonly string[] = []): number {
  if (to < from) return -businessDaysBetween(to, from, holidays)
  let n = 0
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isBusinessDay(d, holidays)) n++
  return n
}
