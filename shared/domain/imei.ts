import { luhnValid } from './luhn'

/** An IMEI is 15 digits whose last digit is a Luhn check digit (3GPP TS 23.003). */
export function isValidImei(value: string): boolean {
  return /^\d{15}$/.test(value) && luhnValid(value)
}

/** Why an IMEI is not valid, in words staff can act on; null when it is valid. */
export function imeiProblem(value: string): string | null {
  if (!/^\d+$/.test(value)) return 'An IMEI has digits only.'
  if (value.length !== 15) return `An IMEI has 15 digits; this one has ${value.length}.`
  if (!luhnValid(value)) return 'The check digit is wrong: a digit was misread or mistyped.'
  return null
}
