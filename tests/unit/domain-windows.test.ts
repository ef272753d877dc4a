import { describe, expect, it } from 'vitest'
import {
  damagedOnArrivalWindow,
  returnLabelWindow,
  tradeInWindow,
  warrantyWindow,
  windowForCase,
  withdrawalWindow,
} from '@shared/domain/windows'

const paris = (now: string) => ({ now, timeZone: 'Europe/Paris', holidays: ['2026-11-11', '2026-12-25'] })

describe('withdrawal: 30 days from delivery, delivery + 30 is the last day', () => {
  it.each([
    ['2026-10-16T10:00:00Z', true, 29, 1, 'day N-1'],
    ['2026-10-17T21:59:00Z', true, 30, 0, 'day N, 23:59 in Paris'],
    ['2026-10-17T22:00:00Z', false, 31, -1, 'day N+1 from midnight in Paris (still day N in UTC)'],
  ])('delivered 2026-09-17, at %s within=%s', (now, within, days, remaining) => {
    expect(withdrawalWindow('2026-09-17', paris(now))).toEqual({
      window: 'withdrawal',
      within,
      start: '2026-09-17',
      deadline: '2026-10-17',
      today: now.startsWith('2026-10-16') ? '2026-10-16' : within ? '2026-10-17' : '2026-10-18',
      unit: 'days',
      limit: 30,
      days,
      remaining,
    })
  })

  // Paris leaves summer time on 2026-10-25 at 03:00 (UTC+2 -> UTC+1).
  it.each([
    ['2026-10-24T21:59:00Z', true, '2026-10-24'],
    ['2026-10-24T22:30:00Z', true, '2026-10-25'], // 00:30 in Paris, summer time
    ['2026-10-25T22:59:00Z', true, '2026-10-25'], // 23:59 in Paris, winter time
    ['2026-10-25T23:00:00Z', false, '2026-10-26'],
  ])('across the DST change, deadline 2026-10-25: at %s within=%s', (now, within, today) => {
    const v = withdrawalWindow('2026-09-25', paris(now))
    expect([v.deadline, v.within, v.today]).toEqual(['2026-10-25', within, today])
  })

  // Paris enters summer time on 2026-03-29 at 02:00 (UTC+1 -> UTC+2): the day is 23 hours long.
  it.each([
    ['2026-03-29T21:59:00Z', true, '2026-03-29'], // 23:59 in Paris, summer time
    ['2026-03-29T22:00:00Z', false, '2026-03-30'],
  ])('across the spring DST change, deadline 2026-03-29: at %s within=%s', (now, within, today) => {
    const v = withdrawalWindow('2026-02-27', paris(now))
    expect([v.deadline, v.within, v.today, v.days]).toEqual(['2026-03-29', within, today, within ? 30 : 31])
  })

  // New York leaves summer time on 2026-11-01 (UTC-4 -> UTC-5).
  it.each([
    ['2026-11-02T04:59:00Z', true],
    ['2026-11-02T05:00:00Z', false],
  ])('in New York across its DST change, deadline 2026-11-01: at %s within=%s', (now, within) => {
    expect(withdrawalWindow('2026-10-02', { now, timeZone: 'America/New_York' }).within).toBe(within)
  })

  it('counts in the counter time zone, not UTC: New York is still on the deadline day', () => {
    const v = withdrawalWindow('2026-09-17', { now: '2026-10-18T03:00:00Z', timeZone: 'America/New_York' })
    expect([v.today, v.within]).toEqual(['2026-10-17', true])
  })
})

describe('warranty: warrantyMonths (12 by default) from delivery', () => {
  it.each([
    ['2026-09-17', undefined, '2027-09-16T12:00:00Z', true, '2027-09-17'],
    ['2026-09-17', undefined, '2027-09-17T12:00:00Z', true, '2027-09-17'],
    ['2026-09-17', undefined, '2027-09-18T12:00:00Z', false, '2027-09-17'],
    ['2026-09-17', 24, '2027-09-18T12:00:00Z', true, '2028-09-17'],
    ['2027-01-31', 13, '2028-02-29T12:00:00Z', true, '2028-02-29'], // end of month, leap year
    ['2027-01-31', 13, '2028-03-01T12:00:00Z', false, '2028-02-29'],
  ])('delivered %s, %s months, at %s within=%s (deadline %s)', (delivered, months, now, within, deadline) => {
    const v = warrantyWindow(delivered, months, paris(now))
    expect([v.within, v.deadline, v.unit, v.limit]).toEqual([within, deadline, 'months', months ?? 12])
  })
})

describe('damaged on arrival: within 3 business days following delivery', () => {
  it.each([
    // Delivered Friday 2026-10-02: Mon 5 (1), Tue 6 (2), Wed 7 (3) is the deadline.
    ['2026-10-02', '2026-10-04T10:00:00Z', true, 0, 3, 'the weekend right after'],
    ['2026-10-02', '2026-10-06T10:00:00Z', true, 2, 1, 'day N-1'],
    ['2026-10-02', '2026-10-07T21:59:00Z', true, 3, 0, 'day N, last minute in Paris'],
    ['2026-10-02', '2026-10-07T22:00:00Z', false, 4, -1, 'day N+1 from midnight in Paris'],
    ['2026-10-02', '2026-10-10T10:00:00Z', false, 5, -2, 'the Saturday after: still 5 business days'],
    // Delivered Monday 2026-11-09, Wednesday 11 is a public holiday: the deadline is Friday 13.
    ['2026-11-09', '2026-11-12T10:00:00Z', true, 2, 1, 'over the holiday'],
    ['2026-11-09', '2026-11-13T10:00:00Z', true, 3, 0, 'day N after the holiday'],
    ['2026-11-09', '2026-11-16T10:00:00Z', false, 4, -1, 'the next Monday'],
  ])('delivered %s, at %s within=%s (%s business days)', (delivered, now, within, days, remaining) => {
    const v = damagedOnArrivalWindow(delivered, paris(now))
    expect([v.within, v.days, v.remaining, v.unit, v.limit]).toEqual([within, days, remaining, 'business_days', 3])
  })

  it('without the holiday configured, the Wednesday counts', () => {
    expect(damagedOnArrivalWindow('2026-11-09', { now: '2026-11-13T10:00:00Z', timeZone: 'Europe/Paris' }).within).toBe(false)
  })
})

describe('trade-in: shipped within 21 days of the offer', () => {
  it.each([
    ['2026-10-28T10:00:00Z', '2026-11-17T12:00:00Z', true, '2026-11-18', 'day N-1'],
    ['2026-10-28T10:00:00Z', '2026-11-18T22:59:00Z', true, '2026-11-18', 'day N'],
    ['2026-10-28T10:00:00Z', '2026-11-18T23:00:00Z', false, '2026-11-18', 'day N+1 in Paris'],
    ['2026-10-28T23:30:00Z', '2026-11-19T12:00:00Z', true, '2026-11-19', 'an offer late in the evening counts from the next local day'],
  ])('offer %s, at %s within=%s', (offerAt, now, within, deadline) => {
    const v = tradeInWindow(offerAt, paris(now))
    expect([v.within, v.deadline]).toEqual([within, deadline])
  })
})

describe('return label: valid 14 days from the request', () => {
  it.each([
    ['2026-11-02T12:00:00Z', true],
    ['2026-11-03T22:59:00Z', true],
    ['2026-11-03T23:00:00Z', false],
  ])('requested 2026-10-20, at %s within=%s', (now, within) => {
    const v = returnLabelWindow('2026-10-20T09:12:00Z', paris(now))
    expect([v.deadline, v.within]).toEqual(['2026-11-03', within])
  })
})

describe('windowForCase', () => {
  const order = { orderDate: '2026-09-14', deliveredAt: '2026-09-17', warrantyMonths: 24, tradeIn: { offerAt: '2026-10-28T10:00:00Z' } }
  const clock = paris('2026-10-05T10:00:00Z')
  it.each([
    ['withdrawal', 'withdrawal', '2026-10-17'],
    ['warranty_repair', 'warranty', '2028-09-17'],
    ['damaged_on_arrival', 'damaged_on_arrival', '2026-09-22'],
    ['trade_in', 'trade_in', '2026-11-18'],
  ] as const)('%s uses the %s window', (caseType, window, deadline) => {
    const w = windowForCase(caseType, order, clock)
    expect([w?.verdict.window, w?.verdict.deadline, w?.startAssumed]).toEqual([window, deadline, false])
  })

  it('counts from the order date when the delivery date is unknown, and says so', () => {
    const w = windowForCase('withdrawal', { orderDate: '2026-09-14' }, clock)
    expect([w?.verdict.start, w?.startAssumed]).toEqual(['2026-09-14', true])
  })

  it('has no window for a trade-in without its offer', () => {
    expect(windowForCase('trade_in', { orderDate: '2026-09-14' }, clock)).toBeNull()
  })
})
