// Rules of the second half of the intake: packing, the label and the hand-over.
import { reason } from '../contract/result'
import { labelOf } from './case-derived'
import { carrierKey } from './handover'
import { packingChecklist, packingProgress } from './packing'
import { during, notOpen, rank, refuse, sameData, stamp, type Rules } from './case-transition'
import type { CaseState, ProgressStatus } from './case-state'

const packing = during('evidence_captured')

function packingDone(s: CaseState): boolean {
  return packingProgress(s.caseType, Object.keys(s.packing.checked), Object.keys(s.packing.photos), s.packing.slip !== undefined).complete
}

export const closingRules: Rules = {
  'packing.item_checked': {
    when: packing,
    apply: (s, e) => {
      if (!packingChecklist(s.caseType).includes(e.payload.item)) refuse(e, s, 'not_applicable', reason('step.itemNotOnChecklist', 'this item is not on this case\'s checklist'))
      if (s.packing.checked[e.payload.item]) refuse(e, s, 'duplicate', reason('step.itemTicked', 'this item is already ticked'))
      return { ...s, packing: { ...s.packing, checked: { ...s.packing.checked, [e.payload.item]: stamp(e) } } }
    },
  },
  'packing.item_unchecked': {
    when: packing,
    apply: (s, e) => {
      if (!s.packing.checked[e.payload.item]) refuse(e, s, 'not_recorded', reason('step.itemNotTicked', 'this item is not ticked'))
      const checked = { ...s.packing.checked }
      delete checked[e.payload.item]
      return { ...s, packing: { ...s.packing, checked } }
    },
  },
  'slip.recorded': {
    // A reprint (a jammed printer) records the slip again: not a duplicate.
    when: packing,
    apply: (s, e) => ({ ...s, packing: { ...s.packing, slip: { via: e.payload.via, ...stamp(e) } } }),
  },
  'package.photographed': {
    when: packing,
    apply: (s, e) => {
      if (sameData(s.packing.photos[e.payload.shot], e.payload)) refuse(e, s, 'duplicate', reason('step.photoRecorded', 'this photo is already recorded'))
      return { ...s, packing: { ...s.packing, photos: { ...s.packing.photos, [e.payload.shot]: { ...e.payload, ...stamp(e) } } } }
    },
  },
  packed: {
    when: (s) => packing(s) ?? (packingDone(s!) ? null : 'packing_incomplete'),
    apply: (s, e) => ({ ...s, status: 'packed', packedAt: e.at }),
  },
  'label.recorded': {
    // A new label may come at any point before the hand-over. It replaces the order's label;
    // a tracking number bound to another label is unbound (back to "packed": bind the new one).
    when: (s) => notOpen(s) ?? (rank(s!.status as ProgressStatus) >= rank('verified') ? null : 'wrong_status'),
    apply: (s, e) => {
      if (sameData(s.newLabel, e.payload)) refuse(e, s, 'duplicate', reason('step.labelRecorded', 'this label is already recorded'))
      const next: CaseState = { ...s, newLabel: { ...e.payload, ...stamp(e) } }
      if (s.tracking && s.tracking.trackingNumber !== e.payload.trackingNumber) {
        delete next.tracking
        if (next.status === 'labelled') next.status = 'packed'
      }
      return next
    },
  },
  'tracking.bound': {
    when: during('packed'),
    apply: (s, e) => {
      if (s.newLabel && s.newLabel.trackingNumber !== e.payload.trackingNumber) {
        refuse(e, s, 'tracking_mismatch', reason('step.scanNewLabel', 'scan the new label recorded for this case'))
      }
      return { ...s, status: 'labelled', tracking: { ...e.payload, ...stamp(e) } }
    },
  },
  handed_over: {
    when: during('labelled'),
    apply: (s, e) => {
      const label = labelOf(s)
      if (label && e.payload.localDate > label.validUntil) {
        refuse(e, s, 'label_expired', reason('step.labelExpired', `the label was valid until ${label.validUntil}: record a new label and bind it`, { validUntil: label.validUntil }))
      }
      if (carrierKey(e.payload.carrier) !== carrierKey(s.tracking!.carrier)) {
        refuse(e, s, 'carrier_mismatch', reason('step.otherPickup', `this parcel goes with the ${carrierKey(s.tracking!.carrier)} pickup`, { carrier: carrierKey(s.tracking!.carrier) }))
      }
      return { ...s, status: 'handed_over', handedOver: { ...e.payload, ...stamp(e) } }
    },
  },
}

/** The status a reopened step sends the case back to: the status before its commit. */
export const reopenTo: Record<'assessment' | 'evidence' | 'packing' | 'label', ProgressStatus> = {
  assessment: 'verified',
  evidence: 'eligibility_decided',
  packing: 'evidence_captured',
  label: 'packed',
}

/** The status at which a step is committed (its commit event moves the case there). */
export const committedAt: Record<keyof typeof reopenTo, ProgressStatus> = {
  assessment: 'eligibility_decided',
  evidence: 'evidence_captured',
  packing: 'packed',
  label: 'labelled',
}
