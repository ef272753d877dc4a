// Case events that steer the case rather than record a step: self-check ticket, hold and
// resume, supervisor override, reopening a committed step, cancellation. Merged into
// caseEventPayloads (case-events.ts).
import { z } from 'zod'
import { verdicts } from './eligibility'

/**
 * Why a case is on hold. The first five need a supervisor to resolve (supervisor.override);
 * the others can be resumed by staff (case.resumed). DOMAIN.md "Case lifecycle".
 */
export const holdReasons = [
  'identity_mismatch', // IMEI or serial differs from the order's (set by device.identified)
  'eligibility_review', // the verdict is "needs a supervisor" (set by eligibility.decided)
  'device_locked', // staff chose to hold a device still locked to an account
  'exclusion_dispute', // the customer disputes an exclusion
  'label_expired', // staff chose to hold until a supervisor arranges a new label
  'waiting_for_customer', // e.g. the customer went to fetch a charger or unlock the device
  'other',
] as const
export type HoldReason = (typeof holdReasons)[number]

export const supervisorHoldReasons: readonly HoldReason[] = holdReasons.slice(0, 5)

export const cancelReasons = [
  'customer_withdrew', // the customer changed their mind / took the device back
  'refused', // the case cannot be accepted (trade-in locked, under 18, not covered and declined)
  'counteroffer_declined',
  'duplicate_case',
  'other',
] as const
export type CancelReason = (typeof cancelReasons)[number]

/** The committed steps that can be reopened (see README.md, back-navigation). */
export const reopenableSteps = ['assessment', 'evidence', 'packing', 'label'] as const
export type ReopenableStep = (typeof reopenableSteps)[number]

/** What a supervisor overrides: an identity mismatch, the eligibility verdict, any hold, or a refusal. */
/** "refusal" lifts a trade-in's refusal (locked device, under 18, accessories missing). */
export const overrideSubjects = ['identity_mismatch', 'eligibility', 'hold', 'refusal'] as const
export type OverrideSubject = (typeof overrideSubjects)[number]

const note = z.string().trim().min(1).max(500)

/** The printed documents of a case (printing's document kinds, less the batch manifest). */
export const reprintableDocuments = ['caseLabel', 'orderSlip', 'receipt'] as const

export const caseEventSchemasControl = {
  /** The customer finished the self-check part; staff pick the case up by scanning the ticket. */
  'customer.checked_in': z.object({ ticket: z.string().min(1).max(32) }),
  'case.picked_up': z.object({ ticket: z.string().min(1).max(32) }),
  'case.put_on_hold': z.object({ reason: z.enum(holdReasons), note: note.optional() }),
  'case.resumed': z.object({ note: note.optional() }),
  /**
   * A supervisor's decision. `supervisor` is who decided (signed in with their PIN, possibly
   * not the event's actor); `verdict` is required for (and only for) an eligibility override.
   */
  'supervisor.override': z
    .object({
      supervisor: z.string().min(1).max(64),
      subject: z.enum(overrideSubjects),
      verdict: z.enum(verdicts).exclude(['needs_supervisor']).optional(),
      reason: z.string().trim().min(3).max(500),
    })
    .refine((p) => (p.subject === 'eligibility') === (p.verdict !== undefined), 'an eligibility override says the verdict; others have none'),
  'step.reopened': z.object({ step: z.enum(reopenableSteps), reason: note }),
  'case.cancelled': z.object({ reason: z.enum(cancelReasons), note: note.optional() }),
  /** A document of the case printed again (a torn label, a lost receipt): who and which job. */
  'document.reprinted': z.object({
    document: z.enum(reprintableDocuments),
    jobId: z.string().min(1).max(64),
    reprintOf: z.string().min(1).max(64),
  }),
} as const
