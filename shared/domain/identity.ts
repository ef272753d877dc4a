// Identity of the device (DOMAIN.md "Identity of the device"): the IMEI or serial entered at
// the counter against the order's. Input problems (a mistyped IMEI) are refused before
// anything is recorded; a well-formed identifier that differs from the order's is recorded
// and puts the case on hold for a supervisor; a trade-in that differs from its assessment is
// flagged for a counteroffer.
import type { CaseType, Category } from '../manifest/record'
import { luhnValid } from './luhn'

export const identityProblems = [
  'imei_required', // smartphones, or a device whose order only knows its IMEI
  'imei_not_digits',
  'imei_wrong_length',
  'imei_check_digit',
  'serial_required', // the order has a serial number
  'serial_invalid', // empty after normalising, or longer than 64
] as const
export type IdentityProblem = (typeof identityProblems)[number]

/** match: equals the order's; no_reference: the order has none to compare; not_entered: not asked. */
export const matchResults = ['match', 'mismatch', 'no_reference', 'not_entered'] as const
export type MatchResult = (typeof matchResults)[number]

/** IMEIs are printed in groups ("35 693803 564380 9"): keep the digits, drop spaces, dashes, slashes. */
export function normalizeImei(value: string): string {
  return value.replace(/[\s\-/.]+/g, '')
}

/** Serials compare without case and without spaces (labels print them in groups, staff type lower case). */
export function normalizeSerial(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase()
}

/** Why a (normalised) IMEI is malformed, as a code; null when it is valid. */
export function imeiProblemCode(imei: string): IdentityProblem | null {
  if (!/^\d+$/.test(imei)) return 'imei_not_digits'
  if (imei.length !== 15) return 'imei_wrong_length'
  if (!luhnValid(imei)) return 'imei_check_digit'
  return null
}

export interface IdentityInput {
  category: Category
  caseType: CaseType
  order: { imei?: string; serial?: string }
  entered: { imei?: string; serial?: string }
  /** Trade-in only: whether the device matches the customer's assessment (model, condition). */
  assessmentMatches?: boolean
}

export interface IdentityCheck {
  /** Problems with what was entered: when not empty, nothing is recorded (ask again). */
  problems: IdentityProblem[]
  /** The normalised identifiers, as they are recorded. */
  imei?: string
  serial?: string
  imeiMatch: MatchResult
  serialMatch: MatchResult
  /** A mismatch: the case stops until a supervisor resolves it. */
  hold: boolean
  /** Trade-in differs from its assessment: flagged for a counteroffer. */
  counteroffer: boolean
}

function compare(entered: string | undefined, reference: string | undefined): MatchResult {
  if (entered === undefined) return 'not_entered'
  if (reference === undefined) return 'no_reference'
  return entered === reference ? 'match' : 'mismatch'
}

/**
 * Required identifiers: a smartphone always needs its IMEI. Any other device needs the serial
 * when the order has one, else the IMEI when the order has only that (a cellular tablet or
 * watch). Whatever else is entered is checked too.
 */
export function checkIdentity(input: IdentityInput): IdentityCheck {
  const problems: IdentityProblem[] = []
  const imei = input.entered.imei !== undefined ? normalizeImei(input.entered.imei) : undefined
  const serial = input.entered.serial !== undefined ? normalizeSerial(input.entered.serial) : undefined
  const orderImei = input.order.imei !== undefined ? normalizeImei(input.order.imei) : undefined
  const orderSerial = input.order.serial !== undefined ? normalizeSerial(input.order.serial) : undefined

  const needImei = input.category === 'smartphone' || (orderSerial === undefined && orderImei !== undefined)
  const needSerial = input.category !== 'smartphone' && orderSerial !== undefined
  if (imei === undefined || imei === '') {
    if (needImei) problems.push('imei_required')
  } else {
    const p = imeiProblemCode(imei)
    if (p) problems.push(p)
  }
  if (serial === undefined || serial === '') {
    if (needSerial) problems.push('serial_required')
    else if (serial === '') problems.push('serial_invalid')
  } else if (serial.length > 64) problems.push('serial_invalid')

  const imeiMatch = imei ? compare(imei, orderImei) : 'not_entered'
  const serialMatch = serial ? compare(serial, orderSerial) : 'not_entered'
  const counteroffer = input.caseType === 'trade_in' && input.assessmentMatches === false
  const check: IdentityCheck = { problems, imeiMatch, serialMatch, hold: imeiMatch === 'mismatch' || serialMatch === 'mismatch', counteroffer }
  if (imei) check.imei = imei
  if (serial) check.serial = serial
  return check
}
