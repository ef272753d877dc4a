// The personal fields of case events, declared in one place: what retention and a customer's
// erasure replace by an erased marker, what the event hash commits to only through a digest
// (electron/services/audit/event-hash-v2.ts), and what the events_no_update trigger lets change
// (migration 007). Payloads otherwise carry references, never names (case-events.ts).
//
// An erased field keeps its place in the payload as `{"erased": true, "digest": "<hex>"}`: the
// digest is what the audit chain committed to, so the chain still verifies after the erasure,
// while the value itself (and the per-event salt that could confirm a guess) is gone.
import type { CaseEventType } from './case-events'

/** Event type → its personal fields (top-level payload keys holding a string). */
export const personalFields: Readonly<Partial<Record<CaseEventType, readonly string[]>>> = {
  'device.identified': ['imei', 'serial'],
}

export interface ErasedMarker {
  erased: true
  /** SHA-256 (hex) the audit chain committed to for this field. */
  digest: string
}

export function personalFieldsOf(type: string): readonly string[] {
  return (personalFields as Record<string, readonly string[] | undefined>)[type] ?? []
}

export function isErasedMarker(value: unknown): value is ErasedMarker {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false
  const v = value as Record<string, unknown>
  return Object.keys(v).length === 2 && v.erased === true && typeof v.digest === 'string' && /^[0-9a-f]{64}$/.test(v.digest)
}

/** True when the payload still holds a plaintext value in one of the type's personal fields. */
export function holdsPersonalData(type: string, payload: Record<string, unknown>): boolean {
  return personalFieldsOf(type).some((f) => typeof payload[f] === 'string')
}

/**
 * The payload without its erased markers: what the payload schema validates (the personal
 * fields are optional), so an erased event is still a valid event, here and at the central system.
 */
export function withoutErasedMarkers(type: string, payload: unknown): unknown {
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) return payload
  const fields = personalFieldsOf(type)
  if (!fields.some((f) => isErasedMarker((payload as Record<string, unknown>)[f]))) return payload
  const copy: Record<string, unknown> = { ...(payload as Record<string, unknown>) }
  for (const f of fields) if (isErasedMarker(copy[f])) delete copy[f]
  return copy
}
