// The demo manifest is written around a fixed anchor date; when the app loads it, every date
// is moved by (today - anchor) whole days so that the demo means the same on any day: an
// expired label stays expired, a fresh request stays fresh (resources/demo/README.md).
//
// A date-time is shifted on its calendar-date part only: its clock time and its offset stay
// as written, so "09:12 at +02:00" is still 09:12 at +02:00, whatever DST does in between.
import { addDays } from '../domain/dates'
import type { ManifestRecord } from './record'

const DATE_PREFIX = /^\d{4}-\d{2}-\d{2}/

/** `value` (YYYY-MM-DD or an ISO date-time) `days` later; anything else is returned as is. */
export function shiftDateText(value: string, days: number): string {
  const date = DATE_PREFIX.exec(value)?.[0]
  return date ? addDays(date, days) + value.slice(date.length) : value
}

type Shiftable = Pick<ManifestRecord, 'orderDate' | 'deliveredAt' | 'returnRequest' | 'tradeIn'>

/**
 * A copy of `record` with orderDate, deliveredAt, returnRequest.requestedAt and
 * tradeIn.offerAt moved by `days` whole days; every other field, unknown ones included, is
 * kept. The record passed in is not changed.
 */
export function shiftRecordDates<T extends Shiftable>(record: T, days: number): T {
  if (!Number.isInteger(days)) throw new RangeError(`shiftRecordDates: whole days only, got ${days}`)
  const shifted: T = { ...record, orderDate: shiftDateText(record.orderDate, days) }
  if (record.deliveredAt !== undefined) shifted.deliveredAt = shiftDateText(record.deliveredAt, days)
  if (record.returnRequest) {
    shifted.returnRequest = { ...record.returnRequest, requestedAt: shiftDateText(record.returnRequest.requestedAt, days) }
  }
  if (record.tradeIn) shifted.tradeIn = { ...record.tradeIn, offerAt: shiftDateText(record.tradeIn.offerAt, days) }
  return shifted
}
