// What a scanned code is, from the code alone: the counter's scanners read return labels,
// customers' QR codes, device boxes and IMEI stickers, and the active step decides what to do
// with each kind (renderer/src/stores/scan-router.ts). Used to guide in the renderer; the
// services check again whatever the code is then used for.
//
// Kinds, in the order they are tried:
// - gs1: GS1 element strings (AIM ]C1/]d2/]Q3/]e0, a leading GS, "(01)…" or a raw "01"+GTIN);
//   AI 01 is the GTIN, AI 21 the serial, which on phone boxes is often the IMEI.
// - label: a return QR payload (a URL whose last path segment or `code` parameter is the
//   label code) or a return code shaped like the marketplace's (RMA-…, BMR-…, RL-…).
// - order: an order number (BM-48213377: 2-4 letters, a dash, 6-10 digits).
// - case: DropDesk's own case number (KX4J2-261204-007: kiosk, day, number), as its case label
//   prints it in Code 128 and QR.
// - ticket: a customer's self-check ticket QR (DROPDESK-TICKET:482913).
// - imei: 15 digits with a Luhn check digit (a FedEx Ground number that also passes Luhn is
//   given as an alternative).
// - tracking: a carrier tracking number whose format and check digit match (tracking-number.ts).
// - unknown: fits nothing; `message` says what to do. `lookup` tells whether it is still
//   shaped like a code the manifest could hold (label codes are free-form per marketplace).
import { GS, GS1_SYMBOLOGIES, parseGs1 } from './gs1'
import { isValidImei } from './imei'
import { identifyCarrier, normalizeTrackingNumber, validateTrackingNumber, type Carrier } from './tracking-number'

interface Base {
  /** The code as scanned (AIM prefix included). */
  code: string
  /** The AIM symbology identifier, from the source or the code's own prefix. */
  symbology?: string
}

export type ClassifiedCode =
  | (Base & { kind: 'gs1'; gtin?: string; serial?: string; imei?: string; elements: Record<string, string> })
  | (Base & { kind: 'label'; labelCode: string })
  | (Base & { kind: 'order'; orderNumber: string })
  | (Base & { kind: 'case'; caseNumber: string })
  | (Base & { kind: 'ticket'; ticket: string })
  | (Base & { kind: 'imei'; imei: string; alternative?: { carrier: Carrier; trackingNumber: string } })
  | (Base & { kind: 'tracking'; carrier: Carrier; trackingNumber: string })
  | (Base & { kind: 'unknown'; reason: UnknownReason; message: string; lookup: boolean })

export type CodeKind = ClassifiedCode['kind']
export type UnknownReason = 'unreadableGs1' | 'badImei' | 'badTracking' | 'notRecognised' | 'notACode'

/** What to do next, for each reason (English; the renderer shows its i18n text for the reason). */
export const unknownCodeMessages: Record<UnknownReason, string> = {
  unreadableGs1: 'This box code could not be read: scan the IMEI or serial barcode on its own.',
  badImei: 'This looks like an IMEI but its check digit is wrong: scan it again or type it.',
  badTracking: 'This looks like a tracking number but its check digit is wrong: scan the label again.',
  notRecognised: 'This code is not a label, order, tracking number or IMEI this counter knows.',
  notACode: 'This is not a code DropDesk can use: scan the return label, the order number or the device IMEI.',
}

const unknown = (base: Base, reason: UnknownReason, lookup: boolean): ClassifiedCode => ({
  ...base,
  kind: 'unknown',
  reason,
  message: unknownCodeMessages[reason],
  lookup,
})

const AIM = /^\][A-Za-z][0-9A-Za-z]/
const ORDER = /^[A-Z]{2,4}-\d{6,10}$/
const LABEL = /^(RMA|BMR|RL)-[0-9A-Z]+(-[0-9A-Z]+)?$/
/** KIOSK-YYMMDD-NNN (cases/case-queries.ts nextCaseNumber). */
export const CASE_NUMBER = /^[A-Z][0-9A-Z]{0,15}-\d{6}-\d{3,5}$/
const TICKET = /^DROPDESK-TICKET:\s*(\d{4,10})$/
// Manifest codes are letters, digits and a few separators; anything else cannot be looked up.
const CODE_SHAPED = /^[0-9A-Za-z][0-9A-Za-z._/-]{2,63}$/

/** The label code in a return QR code's URL, if it is one. */
function labelFromUrl(text: string): string | null {
  // shared/ has no URL class (no DOM, no node): scheme, host, path, query by hand.
  const m = /^https?:\/\/[^/?#\s]+(\/[^?#\s]*)?(\?[^#\s]*)?(#\S*)?$/i.exec(text)
  if (!m) return null
  const query = new Map(
    (m[2] ?? '').slice(1).split('&').filter(Boolean).map((pair) => {
      const [k, v = ''] = pair.split('=')
      return [safeDecode(k!), safeDecode(v)] as const
    }),
  )
  const last = (m[1] ?? '').split('/').filter(Boolean).at(-1)
  const candidate = query.get('code') ?? query.get('label') ?? (last ? safeDecode(last) : null)
  return candidate && CODE_SHAPED.test(candidate) ? candidate : null
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '))
  } catch {
    return s
  }
}

export function classifyCode(scanned: string, sourceSymbology?: string): ClassifiedCode {
  const aim = AIM.exec(scanned)?.[0]
  const symbology = sourceSymbology ?? aim
  const base: Base = symbology ? { code: scanned, symbology } : { code: scanned }
  const gs1 = parseGs1(scanned, sourceSymbology)
  if (gs1) {
    const imei = gs1.serial && isValidImei(gs1.serial) ? gs1.serial : undefined
    return { ...base, kind: 'gs1', elements: gs1.elements, ...(gs1.gtin ? { gtin: gs1.gtin } : {}), ...(gs1.serial ? { serial: gs1.serial } : {}), ...(imei ? { imei } : {}) }
  }
  const text = (aim ? scanned.slice(3) : scanned).trim()
  const saidGs1 = (GS1_SYMBOLOGIES as readonly string[]).includes(symbology ?? '')
  if (saidGs1 || text.includes(GS)) return unknown(base, 'unreadableGs1', false)

  const upperText = text.toUpperCase()
  const ticket = TICKET.exec(upperText)?.[1]
  if (ticket) return { ...base, kind: 'ticket', ticket }
  const fromUrl = labelFromUrl(text)
  if (fromUrl) return { ...base, kind: 'label', labelCode: fromUrl }
  const upper = text.toUpperCase()
  if (LABEL.test(upper)) return { ...base, kind: 'label', labelCode: upper }
  if (ORDER.test(upper)) return { ...base, kind: 'order', orderNumber: upper }
  if (CASE_NUMBER.test(upper)) return { ...base, kind: 'case', caseNumber: upper }

  const compact = normalizeTrackingNumber(text)
  const carrier = identifyCarrier(compact)
  const tracking = carrier && validateTrackingNumber(carrier, compact).ok ? carrier : null
  if (/^\d{15}$/.test(compact) && isValidImei(compact)) {
    return { ...base, kind: 'imei', imei: compact, ...(tracking ? { alternative: { carrier: tracking, trackingNumber: compact } } : {}) }
  }
  if (tracking) return { ...base, kind: 'tracking', carrier: tracking, trackingNumber: compact }
  if (/^\d{15}$/.test(compact)) return unknown(base, 'badImei', false)
  if (carrier) return unknown(base, 'badTracking', true)
  return CODE_SHAPED.test(text)
    ? unknown(base, 'notRecognised', true)
    : unknown(base, 'notACode', false)
}
