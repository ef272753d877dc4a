// What staff read when an identifier is refused: what is wrong and what to do next.
import type { IdentityProblem } from '@shared/domain/identity'

export function identityMessage(problem: IdentityProblem, imei: string | undefined): string {
  switch (problem) {
    case 'imei_required':
      return 'Enter the IMEI: dial *#06# on the phone, or read it under Settings > About, or on the SIM tray.'
    case 'imei_not_digits':
      return 'An IMEI has digits only: check what was typed and enter it again.'
    case 'imei_wrong_length':
      return `An IMEI has 15 digits; this one has ${(imei ?? '').replace(/\D/g, '').length}. Enter it again.`
    case 'imei_check_digit':
      return 'This IMEI fails its check digit (Luhn): a digit was misread or mistyped. Scan or type it again.'
    case 'serial_required':
      return 'Enter the serial number: the order has one to compare (see the back, the box or Settings > About).'
    case 'serial_invalid':
      return 'The serial number is empty or too long (64 characters at most): enter it again.'
  }
}
