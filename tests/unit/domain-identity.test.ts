import { describe, expect, it } from 'vitest'
import { checkIdentity, imeiProblemCode, normalizeImei, normalizeSerial, type IdentityInput } from '@shared/domain/identity'

const IMEI = '356938035643809'
const OTHER_IMEI = '490154203237518'
const phone = (entered: IdentityInput['entered'], order: IdentityInput['order'] = { imei: IMEI }): IdentityInput => ({
  category: 'smartphone',
  caseType: 'warranty_repair',
  order,
  entered,
})

describe('IMEI', () => {
  it.each([
    [IMEI, null],
    ['35693803564380', 'imei_wrong_length'],
    ['3569380356438091', 'imei_wrong_length'],
    ['356938035643808', 'imei_check_digit'],
    ['35693803564380X', 'imei_not_digits'],
  ])('%s: %s', (imei, problem) => expect(imeiProblemCode(imei)).toBe(problem))

  it('drops the spaces, dashes and slashes printed between groups', () => {
    expect(normalizeImei('35 693803 564380 9')).toBe(IMEI)
    expect(normalizeImei('35-693803-564380/9')).toBe(IMEI)
  })
})

describe('checkIdentity', () => {
  it.each([
    ['the order IMEI, typed with spaces', phone({ imei: '35 693803 564380 9' }), [], 'match', false],
    ['another valid IMEI: on hold', phone({ imei: OTHER_IMEI }), [], 'mismatch', true],
    ['no IMEI on the order', phone({ imei: OTHER_IMEI }, {}), [], 'no_reference', false],
    ['no IMEI entered for a smartphone', phone({}), ['imei_required'], 'not_entered', false],
    ['a mistyped check digit', phone({ imei: '356938035643808' }), ['imei_check_digit'], 'mismatch', true],
  ] as const)('%s', (_label, input, problems, imeiMatch, hold) => {
    const c = checkIdentity(input)
    expect([c.problems, c.imeiMatch, c.hold]).toEqual([problems, imeiMatch, hold])
  })

  it('records the normalised identifiers', () => {
    const c = checkIdentity(phone({ imei: '35 693803 564380 9', serial: ' f2lx k0ab ' }, { imei: IMEI, serial: 'F2LXK0AB' }))
    expect([c.imei, c.serial, c.serialMatch]).toEqual([IMEI, 'F2LXK0AB', 'match'])
  })

  it.each([
    ['matches without case and spaces', 'c02 xg0 abjg5h', 'C02XG0ABJG5H', [], 'match', false],
    ['a different serial: on hold', 'C02XG0ABJG5J', 'C02XG0ABJG5H', [], 'mismatch', true],
    ['required when the order has one', undefined, 'C02XG0ABJG5H', ['serial_required'], 'not_entered', false],
    ['not required when the order has none', undefined, undefined, [], 'not_entered', false],
    ['blank is refused', '   ', undefined, ['serial_invalid'], 'not_entered', false],
    ['longer than 64 is refused', 'A'.repeat(65), undefined, ['serial_invalid'], 'no_reference', false],
  ] as const)('computer serial: %s', (_label, entered, orderSerial, problems, serialMatch, hold) => {
    const c = checkIdentity({ category: 'computer', caseType: 'warranty_repair', order: orderSerial ? { serial: orderSerial } : {}, entered: entered === undefined ? {} : { serial: entered } })
    expect([c.problems, c.serialMatch, c.hold]).toEqual([problems, serialMatch, hold])
  })

  it('a tablet whose order only knows its IMEI needs the IMEI', () => {
    expect(checkIdentity({ category: 'tablet', caseType: 'withdrawal', order: { imei: IMEI }, entered: {} }).problems).toEqual(['imei_required'])
    expect(checkIdentity({ category: 'tablet', caseType: 'withdrawal', order: {}, entered: {} }).problems).toEqual([])
  })

  it.each([
    [false, true],
    [true, false],
    [undefined, false],
  ])('trade-in, assessment matches=%s: counteroffer=%s', (assessmentMatches, counteroffer) => {
    const c = checkIdentity({ ...phone({ imei: IMEI }), caseType: 'trade_in', assessmentMatches })
    expect([c.counteroffer, c.hold]).toEqual([counteroffer, false])
  })

  it('normalizeSerial upper-cases and drops whitespace only', () => {
    expect(normalizeSerial(' ab-12 cd\t')).toBe('AB-12CD')
  })
})
