// The events a case is made of. Each is appended to the event log with who, when and which
// kiosk (the envelope); the payload below is what the event itself says. Payloads carry
// references (order number, photo SHA-256) rather than personal data, so the log can be kept
// and synced while names stay in the orders cache. Exceptions, on purpose: the device's IMEI /
// serial (the identity the central system needs). Never a PIN: pin.provided is a strict
// object, so a payload with a `pin` field is refused.
// Which event may follow which state, and what each does, is case-machine.ts.
import { z } from 'zod'
import { caseTypes, categories } from '../manifest/record'
import { outcomes, eligibilityReasonCodes, verdicts } from './eligibility'
import { exclusionIds, exclusionShotIds } from './exclusions'
import { matchResults } from './identity'
import { packageShotIds, packingItemIds } from './packing'
import { conditionShotIds, skipReasons } from './photo-sets'
import { accessoryIds, accountIds, ageMethods, backupKinds, pinKinds, pinSkipReasons, proofKinds } from './prerequisites'
import { caseEventSchemasControl } from './case-events-control'
import { restartReasons } from './case-restart'
import { windowKinds } from './windows'

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)
const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'must be a lowercase hex SHA-256')
const photo = { sha256, size: z.number().int().positive(), mime: z.enum(['image/jpeg', 'image/png', 'image/webp']) }
const note = z.string().trim().min(1).max(500)
const trackingNumber = z.string().regex(/^[0-9A-Z]{8,34}$/, 'a normalised tracking number (tracking-number.ts)')

const windowVerdict = z.object({
  window: z.enum(windowKinds),
  within: z.boolean(),
  start: isoDate,
  deadline: isoDate,
  today: isoDate,
  unit: z.enum(['days', 'business_days', 'months']),
  limit: z.number().int(),
  days: z.number().int(),
  remaining: z.number().int(),
})

export const caseEventPayloads = {
  // --- order ------------------------------------------------------------------------------
  'case.started': z.object({
    caseNumber: z.string().min(1),
    orderNumber: z.string().min(1),
    caseType: z.enum(caseTypes),
    /** How staff found the order: a scan of one of its codes, or a manual search. */
    via: z.enum(['scan', 'search']),
    code: z.string().optional(),
    /** The order's device category, when known at the start: lets the photo step begin before identification. */
    category: z.enum(categories).optional(),
    /** Why a new case starts on an order that already had finished ones (case-restart.ts). */
    restart: z
      .object({ reason: z.enum(restartReasons), note: note.optional(), earlierCases: z.array(z.string().min(1)).min(1).max(50) })
      .refine((r) => r.reason !== 'other' || r.note !== undefined, 'a reason "other" says why in its note')
      .optional(),
  }),
  'order.verified': z.object({
    orderNumber: z.string().min(1),
  }),
  /** The customer chose another case type (e.g. a withdrawal too late becomes a repair). */
  'case.retyped': z.object({ caseType: z.enum(caseTypes), reason: z.enum(['customer_choice', 'window_passed', 'staff_correction']) }),

  // --- assessment: identity, exclusions, verdict --------------------------------------------
  /** What was entered (normalised, identity.ts) and how it compares with the order. */
  'device.identified': z.object({
    category: z.enum(categories),
    imei: z.string().regex(/^\d{15}$/).optional(),
    serial: z.string().min(1).max(64).optional(),
    imeiMatch: z.enum(matchResults),
    serialMatch: z.enum(matchResults),
    /** Trade-in: whether the device matches the customer's assessment. */
    assessmentMatches: z.boolean().optional(),
  }),
  'exclusion.observed': z.object({
    exclusion: z.enum(exclusionIds),
    evidence: z.array(z.object({ shot: z.enum(exclusionShotIds), sha256 })).min(1).max(10),
    note: note.optional(),
  }),
  /** Staff recorded an exclusion by mistake. */
  'exclusion.withdrawn': z.object({ exclusion: z.enum(exclusionIds), note: note.optional() }),
  'eligibility.decided': z.object({
    verdict: z.enum(verdicts),
    outcome: z.enum(outcomes),
    reasons: z.array(z.object({ code: z.enum(eligibilityReasonCodes), params: z.record(z.string(), z.union([z.string(), z.number()])).optional() })),
    window: windowVerdict.nullable(),
    label: z.object({ validUntil: isoDate, expired: z.boolean() }).nullable(),
    returnShippingPaidBySeller: z.boolean(),
    counteroffer: z.boolean(),
    suggestedCaseType: z.enum(caseTypes).optional(),
  }),

  // --- evidence: photos and prerequisites ---------------------------------------------------
  // `replaces`: the photo of the same shot this one retakes (kept in the log, no longer the shot's photo).
  'photo.captured': z.object({ shot: z.enum(conditionShotIds), ...photo, replaces: sha256.optional() }),
  'photo.skipped': z.object({ shot: z.enum(conditionShotIds), reason: z.enum(skipReasons), note: note.optional() }),
  'backup.confirmed': z.object({ kind: z.enum(backupKinds), confirmedBy: z.enum(['customer', 'staff']) }),
  'account.disconnected': z
    .object({ accounts: z.array(z.enum(accountIds)).min(1), proof: z.enum(proofKinds), photoSha256: sha256.optional() })
    .refine((p) => (p.proof === 'photo') === (p.photoSha256 !== undefined), 'a photo proof has its photoSha256, a staff confirmation has none'),
  /** The device is still locked to an account: refused for a trade-in, a delayed refund otherwise. */
  'account.still_locked': z.object({ accounts: z.array(z.enum(accountIds)).min(1) }),
  /** That a PIN or pattern was given (it is stored encrypted elsewhere), never the PIN itself. */
  'pin.provided': z.strictObject({ kind: z.enum(pinKinds) }),
  'pin.skipped': z.object({ reason: z.enum(pinSkipReasons) }),
  'accessories.recorded': z.object({
    included: z.array(z.enum(accessoryIds)),
    /** The accessories that were mandatory for this case (prerequisites.ts accessoriesRequirement). */
    mandatory: z.array(z.enum(accessoryIds)),
  }),
  /** The age check of a trade-in: only the method and its result; the date of birth is not kept. */
  'age.checked': z.object({ method: z.enum(ageMethods), adult: z.boolean() }),
  'evidence.completed': z.object({}),

  // --- packing ------------------------------------------------------------------------------
  'packing.item_checked': z.object({ item: z.enum(packingItemIds) }),
  'packing.item_unchecked': z.object({ item: z.enum(packingItemIds) }),
  'slip.recorded': z.object({ via: z.enum(['printed', 'written']) }),
  'package.photographed': z.object({ shot: z.enum(packageShotIds), ...photo }),
  packed: z.object({}),

  // --- label and hand-over ------------------------------------------------------------------
  /** A new return label replacing the order's (expired, lost, or none for a walk-in). */
  'label.recorded': z.object({ carrier: z.string().trim().min(1).max(60), trackingNumber, validUntil: isoDate }),
  'tracking.bound': z.object({ carrier: z.string().trim().min(1).max(60), trackingNumber }),
  /** `localDate` is the counter's date of the pickup: the label must still be valid on it. */
  handed_over: z.object({ batchId: z.string().min(1).max(64), carrier: z.string().trim().min(1).max(60), localDate: isoDate }),

  ...caseEventSchemasControl,
} as const

export type CaseEventType = keyof typeof caseEventPayloads
export type CaseEventPayload<T extends CaseEventType> = z.infer<(typeof caseEventPayloads)[T]>

/** An event as stored: the envelope plus its payload. */
export interface CaseEvent<T extends CaseEventType = CaseEventType> {
  id: string
  caseId: string
  caseSeq: number
  type: T
  payload: CaseEventPayload<T>
  actor: string
  kioskId: string
  at: string
}

/** Every event type, in the order of the intake (also the order nextEventTypes lists them). */
export const caseEventTypes = Object.keys(caseEventPayloads) as CaseEventType[]

export function isCaseEventType(type: string): type is CaseEventType {
  return Object.hasOwn(caseEventPayloads, type)
}
