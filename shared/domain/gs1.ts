// GS1 element strings, as printed on device boxes (GS1-128, GS1 DataMatrix, GS1 QR): the
// GTIN (AI 01) and the serial number (AI 21) are what the counter needs from them.
//
// Structure (GS1 General Specifications, section 3 and 7.8): a string of AI + value pairs.
// Some AIs have a predefined length (table below); every other value runs until the FNC1
// separator, which a scanner transmits as the GS character (0x1D), or to the end. A scanner
// with AIM identifiers on prefixes the data with `]C1` (GS1-128), `]d2` (GS1 DataMatrix),
// `]Q3` (GS1 QR) or `]e0` (GS1 DataBar). Printed, human-readable form: "(01)…(21)…".
import { gs1CheckDigit } from './tracking-number'

export const GS = '\u001d'
export const GS1_SYMBOLOGIES = [']C1', ']d2', ']Q3', ']e0'] as const

export interface Gs1Elements {
  /** AI → value, in the order found. */
  elements: Record<string, string>
  gtin?: string
  serial?: string
}

// AIs with a predefined total length (AI digits + value), by their first two digits
// (GS1 General Specifications, figure 5.10.1-2). The AI's own length is given separately.
const PREDEFINED: Record<string, number> = {
  '00': 20, '01': 16, '02': 16, '03': 16, '04': 18, '11': 8, '12': 8, '13': 8, '14': 8, '15': 8,
  '16': 8, '17': 8, '18': 8, '19': 8, '20': 4, '31': 10, '32': 10, '33': 10, '34': 10, '35': 10,
  '36': 10, '41': 16,
}

/** How many digits the AI starting `s` has (2, 3 or 4), or null for an unassigned range. */
function aiLength(s: string): number | null {
  const two = s.slice(0, 2)
  if (!/^\d{2}$/.test(two)) return null
  const n = Number(two)
  if (n <= 22 || n === 30 || n === 37 || n >= 90) return 2
  if ((n >= 23 && n <= 29) || (n >= 40 && n <= 42)) return 3
  if ((n >= 31 && n <= 36) || n === 39 || (n >= 70 && n <= 72) || (n >= 80 && n <= 82)) return 4
  return null
}

/** A GTIN-8/12/13/14 with a correct GS1 check digit. */
export function isValidGtin(gtin: string): boolean {
  return /^(\d{8}|\d{12,14})$/.test(gtin) && gs1CheckDigit(gtin.slice(0, -1)) === Number(gtin.at(-1))
}

/** Parses "(01)09506000134352(21)ABC" (human-readable form). */
function parseBracketed(text: string): Record<string, string> | null {
  const re = /\((\d{2,4})\)([^()]+)/gy
  const out: Record<string, string> = {}
  let m: RegExpExecArray | null
  let at = 0
  while ((m = re.exec(text))) {
    out[m[1]!] = m[2]!
    at = re.lastIndex
  }
  return at === text.length && Object.keys(out).length > 0 ? out : null
}

/** Parses raw element strings with GS separators; null if any AI is unknown or a value is cut short. */
function parseRaw(text: string): Record<string, string> | null {
  const out: Record<string, string> = {}
  let i = text.startsWith(GS) ? 1 : 0
  while (i < text.length) {
    const len = aiLength(text.slice(i))
    if (len === null) return null
    const ai = text.slice(i, i + len)
    if (!/^\d+$/.test(ai)) return null
    const fixed = PREDEFINED[ai.slice(0, 2)]
    let value: string
    if (fixed !== undefined) {
      value = text.slice(i + len, i + fixed)
      if (value.length !== fixed - len || value.includes(GS)) return null
      i += fixed
      if (text[i] === GS) i++ // a separator after a fixed-length value is tolerated
    } else {
      const end = text.indexOf(GS, i + len)
      value = text.slice(i + len, end === -1 ? undefined : end)
      if (value === '' || value.length > 90) return null
      i = end === -1 ? text.length : end + 1
    }
    out[ai] = value
  }
  return Object.keys(out).length > 0 ? out : null
}

/**
 * The element strings of `code`, or null if it is not a GS1 string. `symbology` is the AIM
 * identifier when the source reported it apart from the data. Without an AIM GS1 identifier,
 * only a string starting with GS, or the bracketed form, or one that starts with AI 01 and a
 * valid GTIN counts, so plain numbers are not mistaken for element strings.
 */
export function parseGs1(code: string, symbology?: string): Gs1Elements | null {
  let text = code
  let gs1Symbology = (GS1_SYMBOLOGIES as readonly string[]).includes(symbology ?? '')
  const aim = /^\][A-Za-z]\d/.exec(text)?.[0]
  if (aim) {
    gs1Symbology = (GS1_SYMBOLOGIES as readonly string[]).includes(aim)
    if (!gs1Symbology) return null
    text = text.slice(3)
  }
  const elements = text.startsWith('(') ? parseBracketed(text) : parseRaw(text)
  if (!elements) return null
  const gtin = elements['01']
  if (gtin !== undefined && !isValidGtin(gtin)) return null
  if (!gs1Symbology && !text.startsWith(GS) && !text.startsWith('(') && gtin === undefined) return null
  return { elements, ...(gtin ? { gtin } : {}), ...(elements['21'] ? { serial: elements['21'] } : {}) }
}
