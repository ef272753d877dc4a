/** Luhn (mod 10) check over a string of digits; the last digit is the check digit. */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false
  let sum = 0
  let double = false
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48
    if (double) {
      d *= 2
      if (d > 9) d -= 9
    }
    sum += d
    double = !double
  }
  return sum % 10 === 0
}

/** The check digit that makes `body` + digit Luhn-valid. */
export function luhnCheckDigit(body: string): number {
  for (let d = 0; d <= 9; d++) if (luhnValid(body + d)) return d
  throw new Error(`not a digit string: ${body}`)
}
