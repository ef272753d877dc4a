// An expired return label cannot go with the carrier, whatever it is scanned as: not bound to
// the case, not recorded as the "new" label, not put in a pickup batch. The order's own label
// is known by its tracking number; its validity runs 14 days from the return request.
import { DomainError, reason } from '@shared/contract/result'
import type { CaseState } from '@shared/domain/case-machine'
import { labelValidity } from '@shared/domain/label-validity'
import { normalizeTrackingNumber } from '@shared/domain/tracking-number'
import type { ManifestRecord } from '@shared/manifest/record'

export interface ExpiredLabel {
  trackingNumber: string
  validUntil: string
}

/** The order's return label when it has expired on the counter's today, else null. */
export function expiredOrderLabel(order: ManifestRecord | undefined, now: Date, timeZone: string): ExpiredLabel | null {
  const rr = order?.returnRequest
  if (!rr?.trackingNumber) return null
  const validity = labelValidity(rr.requestedAt, now, timeZone)
  return validity.expired ? { trackingNumber: normalizeTrackingNumber(rr.trackingNumber), validUntil: validity.validUntil } : null
}

/** What staff do with a parcel that carries an expired label. */
export function expiredLabelMessage(validUntil: string): string {
  return `This label expired (it was valid until ${validUntil}) and cannot go with the carrier. Stick a new label on the parcel, choose its carrier, then scan the new label.`
}

export function expiredLabelError(validUntil: string): DomainError {
  return new DomainError('illegal_transition', reason('label.expired', expiredLabelMessage(validUntil), { validUntil }), { reason: 'label_expired', validUntil })
}

/** The expired label a labelled parcel still carries (bound to the order's expired number), or null. */
export function parcelExpiredLabel(s: CaseState, order: ManifestRecord | undefined, now: Date, timeZone: string): ExpiredLabel | null {
  const expired = expiredOrderLabel(order, now, timeZone)
  return expired && s.tracking && normalizeTrackingNumber(s.tracking.trackingNumber) === expired.trackingNumber ? expired : null
}
