// Rules of the events that steer a case: self-check ticket, hold / resume, supervisor
// override, reopening a committed step (the only way back after a commit), cancellation.
import { reason } from '../contract/result'
import { refusalOf } from './case-derived'
import { supervisorHoldReasons } from './case-events-control'
import type { CaseState, ProgressStatus } from './case-state'
import { committedAt, reopenTo } from './case-rules-closing'
import { during, lineStatus, notOpen, rank, refuse, stamp, type Rules } from './case-transition'

/** Resumes a held case at the status it was put on hold from. */
function resume(s: CaseState): CaseState {
  const next: CaseState = { ...s, status: s.hold?.resumeTo ?? 'verified' }
  delete next.hold
  return next
}

export const controlRules: Rules = {
  'customer.checked_in': {
    when: (s) => during('verified', 'eligibility_decided')(s) ?? (s!.checkIn ? 'duplicate' : null),
    apply: (s, e) => ({ ...s, checkIn: { ticket: e.payload.ticket, at: e.at } }),
  },
  'case.picked_up': {
    when: (s) => notOpen(s) ?? (!s!.checkIn ? 'not_recorded' : s!.checkIn.pickedUpAt ? 'duplicate' : null),
    apply: (s, e) => {
      if (e.payload.ticket !== s.checkIn!.ticket) refuse(e, s, 'not_recorded', reason('step.ticketOtherCase', 'this ticket belongs to another case'))
      return { ...s, checkIn: { ...s.checkIn!, pickedUpAt: e.at, pickedUpBy: e.actor } }
    },
  },
  'case.put_on_hold': {
    when: notOpen,
    apply: (s, e) => ({
      ...s,
      status: 'on_hold',
      hold: {
        reason: e.payload.reason,
        resumeTo: s.status as ProgressStatus,
        needsSupervisor: supervisorHoldReasons.includes(e.payload.reason),
        ...(e.payload.note ? { note: e.payload.note } : {}),
        since: e.at,
        by: e.actor,
      },
    }),
  },
  'case.resumed': {
    when: (s) => (s?.status !== 'on_hold' ? 'wrong_status' : s.hold?.needsSupervisor ? 'needs_supervisor' : null),
    apply: (s) => resume(s),
  },
  'supervisor.override': {
    // Resolves a hold (identity mismatch, verdict to review, any other) or changes a decided
    // verdict (a supervisor overriding an exclusion). The verdict's override is kept apart
    // from the decision: case-derived.ts effectiveEligibility applies it.
    when: (s) => {
      if (!s) return 'not_started'
      if (s.status === 'on_hold') return null
      const closed = notOpen(s)
      if (closed) return closed
      if (s.status === 'eligibility_decided' && s.eligibility && !s.eligibility.stale) return null
      return refusalOf(s) ? null : 'override_subject'
    },
    apply: (s, e) => {
      const p = e.payload
      const held = s.status === 'on_hold' ? s.hold?.reason : undefined
      const ok =
        p.subject === 'eligibility'
          ? (held === 'eligibility_review' || (held === undefined && s.status === 'eligibility_decided')) && s.eligibility && !s.eligibility.stale
          : p.subject === 'identity_mismatch'
            ? held === 'identity_mismatch'
            : p.subject === 'refusal'
              ? held === undefined && refusalOf(s) !== null && refusalOf(s) !== 'not_eligible'
              : held !== undefined && held !== 'eligibility_review'
      if (!ok) refuse(e, s, 'override_subject', held === 'eligibility_review' || refusalOf(s) === 'not_eligible' ? reason('step.overrideVerdict', 'decide the verdict (subject "eligibility")') : reason('step.overrideNothing', 'nothing of this kind is waiting for a decision'))
      const next: CaseState = { ...s, overrides: [...s.overrides, { ...p, ...stamp(e) }] }
      return held ? resume(next) : next
    },
  },
  'step.reopened': {
    when: (s) => notOpen(s) ?? (rank(s!.status as ProgressStatus) >= rank('eligibility_decided') ? null : 'step_not_committed'),
    apply: (s, e) => {
      const step = e.payload.step
      if (rank(s.status as ProgressStatus) < rank(committedAt[step])) refuse(e, s, 'step_not_committed', reason('step.notDoneYet', 'this step is not done yet: just record it'))
      const next: CaseState = { ...s, status: reopenTo[step] }
      // Everything recorded stays; the commits from this step on must be made again.
      if (step === 'assessment' && next.eligibility) next.eligibility = { ...next.eligibility, stale: true }
      if (rank(reopenTo[step]) < rank('evidence_captured')) delete next.evidenceCompletedAt
      if (rank(reopenTo[step]) < rank('packed')) delete next.packedAt
      delete next.tracking
      return next
    },
  },
  // A reprint changes nothing in the case: the log keeps who printed what again, in any status
  // (a receipt lost after the hand-over is printed again too).
  'document.reprinted': {
    when: (s) => (s ? null : 'not_started'),
    apply: (s) => s,
  },
  'case.cancelled': {
    when: (s) => (!s ? 'not_started' : s.status === 'handed_over' || s.status === 'cancelled' ? 'closed' : null),
    apply: (s, e) => {
      // "Refused" closes a refused case (the device goes back, with a refusal note); a case
      // nothing refuses is cancelled with its real reason.
      const refusal = e.payload.reason === 'refused' ? refusalOf(s) : null
      if (e.payload.reason === 'refused' && !refusal) refuse(e, s, 'not_applicable', reason('step.nothingRefuses', 'nothing refuses this case: cancel it with another reason'))
      return {
        ...s,
        status: 'cancelled',
        cancelled: { reason: e.payload.reason, ...(e.payload.note ? { note: e.payload.note } : {}), at: e.at, by: e.actor, from: lineStatus(s), ...(refusal ? { refusal } : {}) },
      }
    },
  },
}
