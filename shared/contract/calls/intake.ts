// The guided intake's calls (issue #3), one per step. Inputs are what staff or the customer
// enter, never what the services compute: the identity match, the eligibility verdict, the
// mandatory accessories and the adult check are all decided on the service side.
// Contract history: v1 published 2026-11-22 04:06 UTC (/work/main/.out/intake-contract-ready);
// 04:15 added counter.holidays / counter.setHolidays (backward compatible).
// Photos: calls/photos.ts; packing, label: calls/packing.ts; hand-over: calls/handover.ts;
// customer self-check and pick-up: calls/selfcheck.ts. Step-by-step map: ../intake-contract.md.
import { z } from 'zod'
import { caseTypes } from '../../manifest/record'
import { cancelReasons, holdReasons, overrideSubjects, reopenableSteps } from '../../domain/case-events-control'
import { caseStatuses } from '../../domain/case-state'
import { verdicts } from '../../domain/eligibility'
import { exclusionIds, exclusionShotIds } from '../../domain/exclusions'
import { accessoryIds, accountIds, ageMethods, backupKinds, pinKinds, pinSkipReasons, proofKinds } from '../../domain/prerequisites'
import { call, code, id, none } from '../define'
import type { CaseListItem, StepResult } from '../intake-views'

const caseId = id
const note = z.string().trim().min(1).max(500)
const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'must be the sha256 photos.capture returned')
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')

/**
 * An unlock PIN: 4-16 digits. A pattern: the dots in order, numbered 1-9 from the top left,
 * 4-9 of them. Masked on screen, sealed at rest, never returned.
 */
const secretPin = z.string().regex(/^\d{4,16}$/, 'must be 4 to 16 digits')

export const intakeCalls = {
  // --- assessment ----------------------------------------------------------------------------
  /** IMEI and/or serial as typed or scanned; the services normalise, check Luhn and compare with the order. */
  'intake.identify': call<StepResult>()(
    z.strictObject({ caseId, imei: z.string().trim().max(40).optional(), serial: z.string().trim().max(80).optional(), assessmentMatches: z.boolean().optional() }),
  ),
  /** Evidence: the sha256 of photos taken with photos.capture purpose 'exclusion'. */
  'intake.observeExclusion': call<StepResult>()(
    z.strictObject({
      caseId,
      exclusion: z.enum(exclusionIds),
      evidence: z.array(z.strictObject({ shot: z.enum(exclusionShotIds), sha256 })).min(1).max(10),
      note: note.optional(),
    }),
  ),
  'intake.withdrawExclusion': call<StepResult>()(z.strictObject({ caseId, exclusion: z.enum(exclusionIds), note: note.optional() })),
  /** The verdict, computed from the order, the case's exclusions, now, the time zone and the holidays. */
  'intake.decideEligibility': call<StepResult>()(z.strictObject({ caseId })),
  'intake.retype': call<StepResult>()(
    z.strictObject({ caseId, caseType: z.enum(caseTypes), reason: z.enum(['customer_choice', 'window_passed', 'staff_correction']) }),
  ),

  // --- evidence (photos: calls/photos.ts) ------------------------------------------------------
  /** `confirmedBy` defaults to staff; in customer mode it is always the customer. */
  'intake.backup': call<StepResult>()(z.strictObject({ caseId, kind: z.enum(backupKinds), confirmedBy: z.enum(['customer', 'staff']).optional() })),
  /** Proof: a photo (its sha256 from photos.capture purpose 'account_proof') or staff's confirmation on the device. */
  'intake.accountDisconnected': call<StepResult>()(
    z.strictObject({ caseId, accounts: z.array(z.enum(accountIds)).min(1), proof: z.enum(proofKinds), photoSha256: sha256.optional() }),
  ),
  'intake.accountStillLocked': call<StepResult>()(z.strictObject({ caseId, accounts: z.array(z.enum(accountIds)).min(1) })),
  /** The PIN is sealed (AES-256-GCM) in the same transaction as pin.provided; only the slip printer reads it. */
  'intake.providePin': call<StepResult>()(z.strictObject({ caseId, kind: z.enum(pinKinds), pin: secretPin })),
  'intake.skipPin': call<StepResult>()(z.strictObject({ caseId, reason: z.enum(pinSkipReasons) })),
  /** What came with the device; the mandatory ones are the services' (prerequisites.ts). */
  'intake.accessories': call<StepResult>()(z.strictObject({ caseId, included: z.array(z.enum(accessoryIds)).max(6) })),
  /**
   * Trade-in age: with `dateOfBirth` the services compute the result (the date is not kept);
   * with an ID document or the customer's word, staff say `adult`.
   */
  'intake.checkAge': call<StepResult>()(
    z
      .strictObject({ caseId, method: z.enum(ageMethods), dateOfBirth: isoDate.optional(), adult: z.boolean().optional() })
      .refine((p) => (p.method === 'date_of_birth' ? p.dateOfBirth !== undefined : p.adult !== undefined), 'give dateOfBirth for method date_of_birth, else adult'),
  ),
  'intake.completeEvidence': call<StepResult>()(z.strictObject({ caseId })),

  // --- control -------------------------------------------------------------------------------
  'intake.hold': call<StepResult>()(z.strictObject({ caseId, reason: z.enum(holdReasons), note: note.optional() })),
  'intake.resume': call<StepResult>()(z.strictObject({ caseId, note: note.optional() })),
  /** A supervisor decides at this screen with their own PIN (verified by the services), whoever is signed in. */
  'intake.override': call<StepResult>()(
    z.strictObject({
      caseId,
      supervisorPin: z.string().regex(/^\d{4,12}$/, 'must be the supervisor\'s PIN'),
      subject: z.enum(overrideSubjects),
      verdict: z.enum(verdicts).exclude(['needs_supervisor']).optional(),
      reason: z.string().trim().min(3).max(500),
    }),
  ),
  /** Back-navigation after a committed step: only by reopening it explicitly, with a reason. */
  'intake.reopen': call<StepResult>()(z.strictObject({ caseId, step: z.enum(reopenableSteps), reason: note })),
  'intake.cancel': call<StepResult>()(z.strictObject({ caseId, reason: z.enum(cancelReasons), note: note.optional() })),
  /** Closes a refused case: the device goes back to the customer (then print its refusal note). */
  'intake.closeRefused': call<StepResult>()(z.strictObject({ caseId, note: note.optional() })),

  // --- counter settings the verdict depends on ------------------------------------------------
  /** The counter's public holidays (not business days for a damaged-on-arrival report). */
  'counter.holidays': call<string[]>()(none),
  /** Supervisor only: replaces the list of public holidays (YYYY-MM-DD). */
  'counter.setHolidays': call<string[]>()(z.strictObject({ dates: z.array(isoDate).max(200) })),

  // --- lists ---------------------------------------------------------------------------------
  /** Today's cases and every open one, filtered (all filters optional, combined with AND). */
  'cases.list': call<CaseListItem[]>()(
    z.strictObject({
      status: z.array(z.enum(caseStatuses)).optional(),
      caseType: z.array(z.enum(caseTypes)).optional(),
      needsSupervisor: z.boolean().optional(),
      /** today: started today or still open (the default); open: still open only. */
      scope: z.enum(['today', 'open']).optional(),
      query: code.optional(),
    }),
  ),
}
