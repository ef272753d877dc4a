import { describe, expect, it } from 'vitest'
import { classifyCode } from '@shared/domain/code-classifier'
import { GS, isValidGtin, parseGs1 } from '@shared/domain/gs1'
import { luhnCheckDigit } from '@shared/domain/luhn'

// Published sample numbers per carrier (the same as tracking-number.test.ts).
const tracking: Array<[string, string]> = [
  ['UPS', '1Z999AA10123456784'],
  ['UPS', '1Z5R89390357567127'],
  ['USPS', '9400111201080805483016'],
  ['USPS', '9361289878700317633795'],
  ['USPS', 'EC123456785US'],
  ['FedEx', '986578788855'],
  ['FedEx', '477179081230'],
  ['FedEx', '041441760228964'],
  ['FedEx', '00012345000000000027'],
  ['FedEx', '9611020987654312345672'],
  ['DHL', '3318810025'],
  ['DHL', '8487135506'],
]

// One character off: each must not be taken for a tracking number.
const badTracking = ['1Z999AA10123456785', '9400111201080805483017', '986578788856', '3318810026', 'EC123456786US']

const imei = (body: string): string => body + luhnCheckDigit(body)
const imeis = ['356938035643809', '490154203237518', imei('35302011000042'), imei('35544561999999')]
const badImeis = ['356938035643808', '490154203237519', '12345678901234']

describe('classifyCode: tracking numbers', () => {
  it.each(tracking)('%s %s is a tracking number of that carrier', (carrier, code) => {
    expect(classifyCode(code)).toMatchObject({ kind: 'tracking', carrier, trackingNumber: code })
  })

  it('reads a number printed with spaces as the same number', () => {
    expect(classifyCode('1Z 999 AA1 01 2345 6784')).toMatchObject({ kind: 'tracking', carrier: 'UPS', trackingNumber: '1Z999AA10123456784' })
  })

  it.each(badTracking)('%s (one character off) is refused with a reason', (code) => {
    const c = classifyCode(code)
    expect(c.kind).toBe('unknown')
    if (c.kind === 'unknown') expect(c.reason).toMatch(/badTracking|notRecognised/)
  })
})

describe('classifyCode: IMEIs', () => {
  it.each(imeis)('%s is an IMEI', (code) => {
    expect(classifyCode(code)).toMatchObject({ kind: 'imei', imei: code })
  })

  it.each(['356938035643808', '490154203237519'])('%s (wrong check digit) says so', (code) => {
    expect(classifyCode(code)).toMatchObject({ kind: 'unknown', reason: 'badImei', lookup: false })
  })

  it.each(badImeis.slice(2))('%s (14 digits) is not an IMEI', (code) => {
    expect(classifyCode(code).kind).not.toBe('imei')
  })

  it('offers the FedEx Ground reading of a 15-digit number that passes both checks', () => {
    // Find one: Luhn-valid and GS1-mod-10 valid at once.
    let both = ''
    for (let i = 0; !both; i++) {
      const candidate = imei(String(35_000_000_000_000 + i))
      if (classifyCode(candidate).kind === 'imei' && (classifyCode(candidate) as { alternative?: unknown }).alternative) both = candidate
    }
    expect(classifyCode(both)).toMatchObject({ kind: 'imei', imei: both, alternative: { carrier: 'FedEx', trackingNumber: both } })
  })
})

describe('classifyCode: GS1 element strings from device boxes', () => {
  const gtin = '09506000134352'
  it.each([
    [`]C101${gtin}21356938035643809`, undefined, '356938035643809'],
    [`]d201${gtin}21356938035643809`, undefined, '356938035643809'],
    [`01${gtin}21356938035643809`, ']C1', '356938035643809'],
    [`${GS}01${gtin}21SN-ABC123${GS}10LOT7`, undefined, 'SN-ABC123'],
    [`(01)${gtin}(21)SN-ABC123`, undefined, 'SN-ABC123'],
    [`01${gtin}21SN-ABC123`, undefined, 'SN-ABC123'],
  ])('%j gives the GTIN and the serial', (code, symbology, serial) => {
    const c = classifyCode(code, symbology)
    expect(c).toMatchObject({ kind: 'gs1', gtin, serial })
    if (c.kind === 'gs1') expect(c.imei).toBe(serial === '356938035643809' ? serial : undefined)
  })

  it('keeps every element, fixed-length ones included', () => {
    expect(parseGs1(`]C101${gtin}17261231${'10'}LOT1${GS}21XYZ`)?.elements).toEqual({ '01': gtin, '17': '261231', '10': 'LOT1', '21': 'XYZ' })
  })

  it.each([
    [`]C101${gtin.slice(0, -1)}3`, 'a wrong GTIN check digit'],
    [`]C101${gtin.slice(0, 10)}`, 'a GTIN cut short'],
    [`]C1${'55'}ABC`, 'an unassigned AI'],
    [`${GS}0109506000134352${GS}${GS}`, 'an empty element'],
  ])('%j (%s) is an unreadable box code', (code) => {
    expect(classifyCode(code)).toMatchObject({ kind: 'unknown', reason: 'unreadableGs1', lookup: false })
  })

  it('checks GTIN check digits', () => {
    expect(isValidGtin(gtin)).toBe(true)
    expect(isValidGtin('4006381333931')).toBe(true)
    expect(isValidGtin('4006381333932')).toBe(false)
  })
})

describe('classifyCode: labels, orders, and what fits nothing', () => {
  it.each([
    ['BMR-7731902-00', 'BMR-7731902-00'],
    ['rma-7731902', 'RMA-7731902'],
    ['RL-7000042', 'RL-7000042'],
    ['https://returns.example.com/r/BMR-7731902-00', 'BMR-7731902-00'],
    ['https://returns.example.com/label?code=RMA-7731902&lang=fr', 'RMA-7731902'],
  ])('%s is a return label code (%s)', (code, labelCode) => {
    expect(classifyCode(code)).toMatchObject({ kind: 'label', labelCode })
  })

  it('reads an AIM prefix sent with the data', () => {
    expect(classifyCode(']Q1BMR-7731902-00')).toMatchObject({ kind: 'label', labelCode: 'BMR-7731902-00', symbology: ']Q1' })
  })

  it('recognises order numbers', () => {
    expect(classifyCode('BM-48213377')).toMatchObject({ kind: 'order', orderNumber: 'BM-48213377' })
  })

  it('still offers a code-shaped unknown for lookup (label codes are free-form)', () => {
    expect(classifyCode('ZZ-NOT-A-LABEL-42')).toMatchObject({ kind: 'unknown', reason: 'notRecognised', lookup: true })
  })

  it.each(['hello world, this is a sentence', '!!', 'https://example.com/'])('%j is no code at all, with a message', (code) => {
    const c = classifyCode(code)
    expect(c).toMatchObject({ kind: 'unknown', reason: 'notACode', lookup: false })
    if (c.kind === 'unknown') expect(c.message).toMatch(/scan the return label/)
  })
})
