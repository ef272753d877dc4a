// What a scan means on "Identify the device": inside a case the step owns the scan, so a
// serial, an IMEI or a box's GS1 code is the device's identity there, never an order to look
// up. Serials are free-form per maker (FVFH0GRNHIA, C02G13XVNSP, DX70ZZDJUP): any code-shaped
// text is taken as one when the step asks for a serial. Return labels, order numbers, case
// labels and tickets are never a device's identity.
import type { ClassifiedCode } from './code-classifier'

export interface IdentityAsked {
  imei: boolean
  serial: boolean
}

export type ScannedIdentity = { imei: string } | { serial: string }

const AIM = /^\][A-Za-z][0-9A-Za-z]/
const SERIAL_SHAPED = /^[0-9A-Za-z][0-9A-Za-z./-]{2,63}$/

/** The identifier a scan fills in, or null when the scan is no device identity for this step. */
export function identityFromScan(code: ClassifiedCode, asked: IdentityAsked): ScannedIdentity | null {
  const text = code.code.replace(AIM, '').trim()
  switch (code.kind) {
    case 'imei':
      return asked.imei ? { imei: code.imei } : asked.serial ? { serial: code.imei } : null
    case 'gs1':
      if (code.imei && asked.imei) return { imei: code.imei }
      if (code.serial && asked.serial) return { serial: code.serial }
      // A box serial that is no valid IMEI, where only an IMEI is asked: the step says why.
      return code.serial && asked.imei ? { imei: code.serial } : null
    case 'unknown':
      // A 15-digit number with a wrong check digit: the step names the problem.
      if (code.reason === 'badImei' && asked.imei) return { imei: text }
      return asked.serial && SERIAL_SHAPED.test(text) ? { serial: text } : null
    case 'tracking':
      // Some serials have a carrier's shape (ten digits); the step asks for a serial, so it is one.
      return asked.serial && SERIAL_SHAPED.test(text) ? { serial: text } : null
    case 'label':
    case 'order':
    case 'case':
    case 'ticket':
      return null
  }
}
