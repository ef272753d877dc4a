// Rules of the first half of the intake: the order, the assessment (identity, exclusions,
// verdict) and the evidence (photos, backup, account, PIN, accessories, age).
//
// Assessment facts (device.identified, exclusion.*, case.retyped) may be recorded again while
// the evidence is not committed; recorded after the verdict, they make it stale and send the
// case back to "verified" for a new eligibility.decided. Evidence data may be recorded from
// "verified" on (a customer at the kiosk takes the photos before staff identify the device).
import { reason } from '../contract/result'
import type { CaseEvent } from './case-events'
import type { CaseState, EligibilityRecord } from './case-state'
import { effectiveEligibility, evidenceProgress, refusalOf, type RefusalReason } from './case-derived'
import { outcomeFor } from './eligibility'
import { missingExclusionEvidence } from './exclusions'
import { photoPlan, shotInPlan, skippableShots } from './photo-sets'
import { backupKindAllowed } from './prerequisites'
import { during, refuse, sameData, stamp, type Rules, type TransitionRefusal } from './case-transition'
import type { CaseState as State } from './case-state'

const assessing = during('verified', 'eligibility_decided')

/**
 * Evidence is recorded while assessing, and not once the case is refused: a refusal ends the
 * intake where it happens. Only the answer that caused the refusal (`fixes`) may be recorded
 * again, e.g. the account once the customer has signed out of it.
 */
function evidence(...fixes: RefusalReason[]): (s: State | null) => TransitionRefusal | null {
  return (s) => {
    const r = assessing(s)
    if (r) return r
    const refusal = refusalOf(s!)
    return refusal && !fixes.includes(refusal) ? 'refused' : null
  }
}

/** After a changed assessment fact: the verdict no longer holds, decide again. */
function reassess(s: CaseState): CaseState {
  if (!s.eligibility || s.eligibility.stale) return s
  const eligibility: EligibilityRecord = { ...s.eligibility, stale: true }
  return { ...s, eligibility, status: s.status === 'eligibility_decided' ? 'verified' : s.status }
}

/** Refuses an event that records exactly what is already recorded (`data` defaults to its payload). */
function dup(s: CaseState, e: CaseEvent, record: object | undefined, data: object = e.payload): void {
  if (sameData(record, data)) refuse(e, s, 'duplicate', reason('step.alreadyRecorded', 'this is already recorded'))
}

export const intakeRules: Rules = {
  'case.started': {
    when: (s) => (s ? 'wrong_status' : null),
    apply: (_s, e) => {
      const p = e.payload
      const state: CaseState = {
        id: e.caseId,
        caseNumber: p.caseNumber,
        orderNumber: p.orderNumber,
        caseType: p.caseType,
        status: 'started',
        startedAt: e.at,
        startedBy: e.actor,
        updatedAt: e.at,
        lastSeq: e.caseSeq,
        exclusions: {},
        overrides: [],
        photos: {},
        skippedShots: {},
        packing: { checked: {}, photos: {} },
      }
      if (p.category) state.category = p.category
      return state
    },
  },
  'order.verified': {
    when: during('started'),
    apply: (s, e) => ({ ...s, status: 'verified', verifiedAt: e.at, verifiedBy: e.actor }),
  },
  'case.retyped': {
    when: assessing,
    apply: (s, e) => {
      if (e.payload.caseType === s.caseType) refuse(e, s, 'duplicate', reason('step.sameCaseType', `the case is already a ${s.caseType.replace(/_/g, ' ')}`, { caseType: s.caseType }))
      return reassess({ ...s, caseType: e.payload.caseType })
    },
  },
  'device.identified': {
    when: assessing,
    apply: (s, e) => {
      dup(s, e, s.identity)
      const next = reassess({ ...s, category: e.payload.category, identity: { ...e.payload, ...stamp(e) } })
      if (e.payload.imeiMatch !== 'mismatch' && e.payload.serialMatch !== 'mismatch') return next
      // A mismatch stops the case until a supervisor resolves it (DOMAIN.md "Identity").
      return { ...next, status: 'on_hold', hold: { reason: 'identity_mismatch', resumeTo: 'verified', needsSupervisor: true, since: e.at, by: e.actor } }
    },
  },
  'exclusion.observed': {
    when: assessing,
    apply: (s, e) => {
      const missing = missingExclusionEvidence(e.payload.exclusion, e.payload.evidence)
      if (missing.length) refuse(e, s, 'exclusion_evidence_missing', reason('step.exclusionPhotos', `take the evidence photos first: ${missing.join(', ')}`, { photos: missing.length }))
      dup(s, e, s.exclusions[e.payload.exclusion])
      return reassess({ ...s, exclusions: { ...s.exclusions, [e.payload.exclusion]: { ...e.payload, ...stamp(e) } } })
    },
  },
  'exclusion.withdrawn': {
    when: assessing,
    apply: (s, e) => {
      if (!s.exclusions[e.payload.exclusion]) refuse(e, s, 'not_recorded', reason('step.exclusionNotRecorded', 'this exclusion was not recorded'))
      const exclusions = { ...s.exclusions }
      delete exclusions[e.payload.exclusion]
      return reassess({ ...s, exclusions })
    },
  },
  'eligibility.decided': {
    when: (s) => {
      const r = during('verified')(s)
      if (r) return r
      return s!.identity ? null : 'identity_missing'
    },
    apply: (s, e) => {
      if (e.payload.outcome !== outcomeFor(s.caseType, e.payload.verdict)) refuse(e, s, 'inconsistent_decision', reason('step.decideAgain', 'decide with eligibility.ts decideEligibility'))
      const eligibility: EligibilityRecord = { ...e.payload, ...stamp(e), stale: false }
      if (e.payload.outcome !== 'hold_for_supervisor') return { ...s, eligibility, status: 'eligibility_decided' }
      return {
        ...s,
        eligibility,
        status: 'on_hold',
        hold: { reason: 'eligibility_review', resumeTo: 'eligibility_decided', needsSupervisor: true, since: e.at, by: e.actor },
      }
    },
  },
  'photo.captured': {
    when: evidence(),
    apply: (s, e) => {
      if (s.category && !shotInPlan(photoPlan(s.category, s.caseType), e.payload.shot)) refuse(e, s, 'shot_not_in_plan', reason('step.shotNotInPlan', 'this shot is not one of this device\'s photos'))
      // The same photo again is a duplicate, whatever the earlier one replaced.
      const before = s.photos[e.payload.shot]
      dup(s, e, before && { sha256: before.sha256 }, { sha256: e.payload.sha256 })
      const skippedShots = { ...s.skippedShots }
      delete skippedShots[e.payload.shot]
      return { ...s, photos: { ...s.photos, [e.payload.shot]: { ...e.payload, ...stamp(e) } }, skippedShots }
    },
  },
  'photo.skipped': {
    when: evidence(),
    apply: (s, e) => {
      const skippable = s.category ? photoPlan(s.category, s.caseType).skippable : skippableShots
      if (!skippable.includes(e.payload.shot)) refuse(e, s, 'shot_not_skippable', reason('step.shotNotSkippable', 'only "screen on" may be skipped, for a device that cannot show its screen'))
      dup(s, e, s.skippedShots[e.payload.shot])
      // A skip supersedes a photo of the same shot taken before.
      const photos = { ...s.photos }
      delete photos[e.payload.shot]
      return { ...s, photos, skippedShots: { ...s.skippedShots, [e.payload.shot]: { ...e.payload, ...stamp(e) } } }
    },
  },
  'backup.confirmed': {
    when: evidence(),
    apply: (s, e) => {
      if (s.category && !backupKindAllowed(s.category, e.payload.kind)) refuse(e, s, 'not_applicable', reason('step.backupRequired', 'this device holds personal data: confirm the backup'))
      dup(s, e, s.backup)
      return { ...s, backup: { ...e.payload, ...stamp(e) } }
    },
  },
  'account.disconnected': {
    when: evidence('device_locked'),
    apply: (s, e) => {
      dup(s, e, s.account, { outcome: 'signed_out', ...e.payload })
      return { ...s, account: { outcome: 'signed_out', ...e.payload, ...stamp(e) } }
    },
  },
  'account.still_locked': {
    when: evidence('device_locked'),
    apply: (s, e) => {
      dup(s, e, s.account, { outcome: 'still_locked', ...e.payload })
      return { ...s, account: { outcome: 'still_locked', ...e.payload, ...stamp(e) } }
    },
  },
  'pin.provided': {
    when: evidence(),
    apply: (s, e) => {
      // Not a duplicate even when the kind is the same: a new PIN replaces the stored one.
      return { ...s, pin: { provided: true, kind: e.payload.kind, ...stamp(e) } }
    },
  },
  'pin.skipped': {
    when: evidence(),
    apply: (s, e) => {
      if (s.pin?.provided === false && s.pin.reason === e.payload.reason) refuse(e, s, 'duplicate', reason('step.alreadyRecorded', 'this is already recorded'))
      return { ...s, pin: { provided: false, reason: e.payload.reason, ...stamp(e) } }
    },
  },
  'accessories.recorded': {
    when: evidence('accessories_missing'),
    apply: (s, e) => {
      dup(s, e, s.accessories)
      return { ...s, accessories: { ...e.payload, ...stamp(e) } }
    },
  },
  'age.checked': {
    when: (s) => assessing(s) ?? (s!.caseType === 'trade_in' ? evidence('under_18')(s) : 'not_applicable'),
    apply: (s, e) => {
      dup(s, e, s.age)
      return { ...s, age: { ...e.payload, ...stamp(e) } }
    },
  },
  'evidence.completed': {
    when: (s) => {
      const r = during('eligibility_decided')(s)
      if (r) return r
      if (!effectiveEligibility(s!)) return 'wrong_status'
      if (refusalOf(s!)) return 'refused'
      return evidenceProgress(s!).complete ? null : 'evidence_incomplete'
    },
    apply: (s, e) => ({ ...s, status: 'evidence_captured', evidenceCompletedAt: e.at }),
  },
}
