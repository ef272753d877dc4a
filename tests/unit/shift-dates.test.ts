import { describe, expect, it } from 'vitest'
import { daysBetween } from '@shared/domain/dates'
import { labelValidity } from '@shared/domain/label-validity'
import { manifestRecordSchema, type ManifestRecord } from '@shared/manifest/record'
import { shiftDateText, shiftRecordDates } from '@shared/manifest/shift-dates'

const record: ManifestRecord = {
  orderNumber: 'BM-48213377',
  marketplace: 'Back Market',
  orderDate: '2026-09-14',
  deliveredAt: '2026-09-17',
  customer: { firstName: 'Inès', lastName: 'Moreau' },
  item: { category: 'smartphone', imei: '356938035643809' },
  returnRequest: {
    id: 'RMA-7731902',
    type: 'trade_in',
    requestedAt: '2026-10-30T09:12:00Z',
    carrier: 'UPS',
    trackingNumber: '1Z999AA10123456784',
  },
  tradeIn: { offerAt: '2026-10-28T10:00:00.250+02:00', offerAmount: 182.5 },
  futureField: { kept: true },
}

describe('shiftRecordDates', () => {
  it('moves the four dates by whole days, keeping times and offsets', () => {
    const shifted = shiftRecordDates(record, 40)
    expect(shifted.orderDate).toBe('2026-10-24')
    expect(shifted.deliveredAt).toBe('2026-10-27')
    expect(shifted.returnRequest?.requestedAt).toBe('2026-12-09T09:12:00Z')
    expect(shifted.tradeIn?.offerAt).toBe('2026-12-07T10:00:00.250+02:00')
    expect(manifestRecordSchema.safeParse(shifted).success).toBe(true)
  })

  it('keeps every other field, unknown ones included, and leaves the input alone', () => {
    const before = structuredClone(record)
    const shifted = shiftRecordDates(record, -3)
    expect(record).toEqual(before)
    expect(shifted.futureField).toEqual({ kept: true })
    expect(shifted.returnRequest?.trackingNumber).toBe('1Z999AA10123456784')
    expect(shifted.customer).toEqual(record.customer)
    expect(shifted.tradeIn?.offerAmount).toBe(182.5)
  })

  it('crosses month ends, year ends and leap days', () => {
    expect(shiftDateText('2026-12-30', 3)).toBe('2027-01-02')
    expect(shiftDateText('2028-02-28', 1)).toBe('2028-02-29')
    expect(shiftDateText('2026-03-01T00:30:00+01:00', -1)).toBe('2026-02-28T00:30:00+01:00')
  })

  it('keeps the wall-clock time across a DST change (Paris, end of October)', () => {
    expect(shiftDateText('2026-10-20T09:00:00+02:00', 10)).toBe('2026-10-30T09:00:00+02:00')
  })

  it('handles records without the optional dates, and zero days', () => {
    const walkIn: ManifestRecord = { orderNumber: 'BM-1', orderDate: '2026-01-05', item: { category: 'other' } }
    expect(shiftRecordDates(walkIn, 10)).toEqual({ ...walkIn, orderDate: '2026-01-15' })
    expect('deliveredAt' in shiftRecordDates(walkIn, 10)).toBe(false)
    expect(shiftRecordDates(record, 0)).toEqual(record)
  })

  it('refuses fractions of a day', () => {
    expect(() => shiftRecordDates(record, 1.5)).toThrow(RangeError)
  })

  it('keeps what a demo record means: an expired label stays expired any day', () => {
    const anchor = '2026-11-20'
    const today = '2027-06-03'
    const days = daysBetween(anchor, today)
    const shifted = shiftRecordDates(record, days)
    const atAnchor = labelValidity(record.returnRequest!.requestedAt, new Date(`${anchor}T12:00:00Z`), 'Europe/Paris')
    const atToday = labelValidity(shifted.returnRequest!.requestedAt, new Date(`${today}T12:00:00Z`), 'Europe/Paris')
    expect(atToday.expired).toBe(atAnchor.expired)
    expect(daysBetween(atToday.validUntil, today)).toBe(daysBetween(atAnchor.validUntil, anchor))
  })
})
