import { describe, expect, it } from 'vitest'
import { addBusinessDays, addMonths, businessDaysBetween, isBusinessDay, weekday } from '@shared/domain/calendar'

describe('addMonths: the same day N months later, clamped to the end of a shorter month', () => {
  it.each([
    ['2026-01-15', 1, '2026-02-15'],
    ['2026-01-31', 1, '2026-02-28'], // end-of-month rule: the last day of February
    ['2028-01-31', 1, '2028-02-29'], // leap year
    ['2026-03-31', 1, '2026-04-30'],
    ['2026-08-31', 1, '2026-09-30'],
    ['2028-02-29', 12, '2029-02-28'],
    ['2026-09-17', 12, '2027-09-17'],
    ['2026-12-31', 2, '2027-02-28'],
    ['2026-11-30', 3, '2027-02-28'],
    ['2026-10-31', 24, '2028-10-31'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2026-01-10', -1, '2025-12-10'],
    ['2026-05-20', 0, '2026-05-20'],
  ])('%s + %i months = %s', (date, months, expected) => expect(addMonths(date, months)).toBe(expected))

  it('refuses what is not a date', () => {
    expect(() => addMonths('2026-1-5', 1)).toThrow(RangeError)
  })
})

describe('business days: Monday to Friday minus the configured public holidays', () => {
  const holidays = ['2026-11-11', '2026-12-25', '2027-01-01']
  it.each([
    ['2026-10-02', 5, true], // Friday
    ['2026-10-03', 6, false], // Saturday
    ['2026-10-04', 0, false], // Sunday
    ['2026-11-11', 3, false], // Wednesday, Armistice Day
    ['2026-11-12', 4, true],
  ])('%s: weekday %i, business day %s', (date, day, business) => {
    expect(weekday(date)).toBe(day)
    expect(isBusinessDay(date, holidays)).toBe(business)
  })

  it.each([
    ['2026-10-05', 3, '2026-10-08', 'Monday + 3 = Thursday'],
    ['2026-10-02', 3, '2026-10-07', 'Friday + 3 skips the weekend'],
    ['2026-10-03', 3, '2026-10-07', 'delivered on a Saturday: Mon, Tue, Wed'],
    ['2026-11-09', 3, '2026-11-13', 'the Wednesday holiday does not count'],
    ['2026-12-23', 3, '2026-12-29', 'Thu 24, (Christmas Friday and the weekend), Mon 28, Tue 29'],
    ['2026-12-30', 2, '2027-01-04', 'New Year on a Friday'],
    ['2026-10-05', 0, '2026-10-05', 'zero business days'],
  ])('%s + %i business days = %s (%s)', (date, n, expected) => expect(addBusinessDays(date, n, holidays)).toBe(expected))

  it.each([
    ['2026-10-02', '2026-10-02', 0],
    ['2026-10-02', '2026-10-04', 0], // the weekend after a Friday delivery
    ['2026-10-02', '2026-10-05', 1],
    ['2026-10-02', '2026-10-08', 4],
    ['2026-11-10', '2026-11-12', 1], // over the holiday
    ['2026-10-08', '2026-10-02', -4],
  ])('from %s to %s: %i business days', (from, to, n) => expect(businessDaysBetween(from, to, holidays)).toBe(n))

  it('without holidays, only weekends are skipped', () => {
    expect(addBusinessDays('2026-11-09', 3)).toBe('2026-11-12')
  })

  it('refuses a negative or fractional count', () => {
    expect(() => addBusinessDays('2026-10-05', -1)).toThrow(RangeError)
    expect(() => addBusinessDays('2026-10-05', 1.5)).toThrow(RangeError)
  })
})
