import { describe, expect, it } from 'vitest'
import {
  identifyCarrier,
  makeDhlTrackingNumber,
  makeFedExExpressTrackingNumber,
  makeFedExGroundTrackingNumber,
  makeS10TrackingNumber,
  makeUpsTrackingNumber,
  makeUspsTrackingNumber,
  normalizeTrackingNumber,
  validateTrackingNumber,
  type Carrier,
} from '@shared/domain/tracking-number'

// Published sample numbers (DOMAIN.md; tracking_number_data; UPU S10 examples).
const valid: Array<[Carrier, string]> = [
  ['UPS', '1Z999AA10123456784'],
  ['UPS', '1Z5R89390357567127'],
  ['UPS', '1Z879E930346834440'],
  ['UPS', '1Z410E7W0392751591'],
  ['USPS', '9400111201080805483016'],
  ['USPS', '9361289878700317633795'],
  ['USPS', '03071790000523483741'],
  ['USPS', 'EC123456785US'],
  ['USPS', 'RB123456785US'],
  ['FedEx', '986578788855'],
  ['FedEx', '477179081230'],
  ['FedEx', '799531274483'],
  ['FedEx', '041441760228964'],
  ['FedEx', '568283610012734'],
  ['FedEx', '00012345000000000027'],
  ['FedEx', '9611020987654312345672'],
  ['DHL', '3318810025'],
  ['DHL', '8487135506'],
  ['DHL', '1099255990'],
]

/** The same number with one digit changed (the last digit, unless the check is that digit). */
function flipDigit(code: string, at: number): string {
  const i = code.length - 1 - at
  const ch = code[i]!
  const next = /\d/.test(ch) ? String((Number(ch) + 1) % 10) : ch === 'Z' ? 'A' : String.fromCharCode(ch.charCodeAt(0) + 1)
  return code.slice(0, i) + next + code.slice(i + 1)
}

describe('validateTrackingNumber', () => {
  it.each(valid)('%s %s is valid and identified', (carrier, code) => {
    expect(validateTrackingNumber(carrier, code)).toEqual({ ok: true })
    expect(identifyCarrier(code)).toBe(carrier)
  })

  it.each(valid)('%s %s with its check digit changed is rejected', (carrier, code) => {
    // S10 ends in the country code: its check digit is the third character from the end.
    const checkAt = /[A-Z]{2}$/.test(code) ? 2 : 0
    const result = validateTrackingNumber(carrier, flipDigit(code, checkAt))
    expect(result).toEqual({ ok: false, reason: expect.stringContaining('check digit does not match'), problem: 'check_digit', params: {} })
  })

  it.each(valid)('%s %s with a body digit changed is rejected', (carrier, code) => {
    const result = validateTrackingNumber(carrier, flipDigit(code, /[A-Z]{2}$/.test(code) ? 4 : 3))
    expect(result.ok).toBe(false)
  })

  it.each<[Carrier, string]>([
    ['UPS', '1Z999AA1012345678'],
    ['UPS', '1Z999AA101234567844'],
    ['UPS', '2Z999AA10123456784'],
    ['USPS', '9400111201080805483'],
    ['USPS', '94001112010808054830161'],
    ['USPS', 'EC12345678US'],
    ['FedEx', '98657878885'],
    ['FedEx', '9865787888551'],
    ['DHL', '331881002'],
    ['DHL', '33188100255'],
  ])('%s %s has the wrong length and is rejected', (carrier, code) => {
    const result = validateTrackingNumber(carrier, code)
    expect(result).toEqual({ ok: false, reason: expect.stringContaining(`not a ${carrier} tracking number`), problem: expect.stringMatching(/^(wrong_format|other_carrier)$/), params: expect.objectContaining({ carrier }) })
  })

  it('tells staff when the number belongs to another carrier', () => {
    const result = validateTrackingNumber('DHL', '1Z999AA10123456784')
    expect(result).toEqual({ ok: false, reason: expect.stringContaining('looks like a UPS number'), problem: 'other_carrier', params: { carrier: 'DHL', other: 'UPS' } })
  })

  it('accepts scanner and typing variants: spaces, dashes, lower case, carrier spelling', () => {
    expect(validateTrackingNumber('ups', '1z 999 aa1 0123 4567 84')).toEqual({ ok: true })
    expect(validateTrackingNumber('Fedex', '9611-0209-8765-4312-3456-72')).toEqual({ ok: true })
    expect(normalizeTrackingNumber(' 1z999aa1-0123456784 ')).toBe('1Z999AA10123456784')
  })

  it('rejects empty input and foreign characters in words staff can act on', () => {
    expect(validateTrackingNumber('UPS', '  ')).toEqual({ ok: false, reason: expect.stringContaining('scan the barcode'), problem: 'empty', params: {} })
    expect(validateTrackingNumber('UPS', '1Z999AA1012345678#')).toEqual({ ok: false, reason: expect.stringContaining('only letters and digits'), problem: 'characters', params: {} })
  })

  it('checks other carriers by format only, 8 to 34 letters and digits', () => {
    expect(validateTrackingNumber('Colissimo', '6A22918473015')).toEqual({ ok: true })
    expect(validateTrackingNumber('Colissimo', '1234567')).toEqual({ ok: false, reason: expect.stringContaining('8 to 34'), problem: 'length', params: { length: 7 } })
    expect(validateTrackingNumber('Colissimo', 'A'.repeat(35)).ok).toBe(false)
  })

  it('checks the S10 check digit of other posts (Colissimo international)', () => {
    expect(validateTrackingNumber('Colissimo', 'CB123456785FR')).toEqual({ ok: true })
    expect(validateTrackingNumber('Colissimo', 'CB123456786FR').ok).toBe(false)
  })
})

describe('identifyCarrier', () => {
  it('returns null for what is no known carrier format', () => {
    expect(identifyCarrier('6A22918473015')).toBeNull()
    expect(identifyCarrier('CB123456785FR')).toBeNull()
    expect(identifyCarrier('12345')).toBeNull()
    expect(identifyCarrier('')).toBeNull()
  })

  it('still names the carrier of a number whose check digit is wrong', () => {
    expect(identifyCarrier('1Z999AA10123456785')).toBe('UPS')
    expect(identifyCarrier('3318810024')).toBe('DHL')
  })
})

describe('makers', () => {
  it('make valid numbers for each carrier', () => {
    const made: Array<[Carrier, string]> = [
      ['UPS', makeUpsTrackingNumber('999AA1', '01', '2345678')],
      ['UPS', makeUpsTrackingNumber('4r8e21', 'A8', '0000001')],
      ['USPS', makeUspsTrackingNumber('940011120108080548301')],
      ['USPS', makeUspsTrackingNumber('9205590164917312751')],
      ['USPS', makeS10TrackingNumber('EC', '12345678')],
      ['FedEx', makeFedExExpressTrackingNumber('98657878885')],
      ['FedEx', makeFedExGroundTrackingNumber('04144176022896')],
      ['DHL', makeDhlTrackingNumber('331881002')],
    ]
    for (const [carrier, code] of made) {
      expect(validateTrackingNumber(carrier, code), code).toEqual({ ok: true })
      expect(identifyCarrier(code), code).toBe(carrier)
    }
    expect(made[0]![1]).toBe('1Z999AA10123456784')
    expect(makeS10TrackingNumber('EC', '12345678')).toBe('EC123456785US')
  })

  it('refuse bodies of the wrong shape', () => {
    expect(() => makeUpsTrackingNumber('999AA', '01', '2345678')).toThrow(RangeError)
    expect(() => makeDhlTrackingNumber('12345678a')).toThrow(RangeError)
  })
})
