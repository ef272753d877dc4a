import { describe, expect, it } from 'vitest'
import { addDays, daysBetween, localDate } from '@shared/domain/dates'
import { labelValidity } from '@shared/domain/label-validity'

describe('calendar dates in the counter time zone', () => {
  it.each([
    ['2026-10-30T23:30:00Z', 'Europe/Paris', '2026-10-31'],
    ['2026-10-30T23:30:00Z', 'UTC', '2026-10-30'],
    ['2026-10-31T03:00:00Z', 'America/New_York', '2026-10-30'],
  ])('%s in %s is %s', (instant, tz, date) => expect(localDate(instant, tz)).toBe(date))

  it('adds days across month ends and the DST change without drifting', () => {
    expect(addDays('2026-10-20', 14)).toBe('2026-11-03')
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29')
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28')
    expect(daysBetween('2026-03-20', '2026-04-03')).toBe(14)
  })
})

describe('return label validity (14 days from the request)', () => {
  const tz = 'Europe/Paris'
  const requested = '2026-10-20T09:12:00Z'
  it.each([
    ['2026-11-02T12:00:00Z', false, 'day 13'],
    ['2026-11-03T22:59:00Z', false, 'day 14, last minute in Paris'],
    ['2026-11-03T23:00:00Z', true, 'day 15 in Paris (still day 14 in UTC)'],
    ['2026-11-05T08:00:00Z', true, 'day 16'],
  ])('at %s expired=%s (%s)', (now, expired) => {
    expect(labelValidity(requested, new Date(now), tz)).toEqual({ validUntil: '2026-11-03', expired })
  })
  it('counts from the local date of a late-evening request', () => {
    // 23:30 UTC on the 20th is already the 21st in Paris.
    expect(labelValidity('2026-10-20T23:30:00Z', new Date('2026-11-04T12:00:00Z'), tz)).toEqual({ validUntil: '2026-11-04', expired: false })
  })
})
