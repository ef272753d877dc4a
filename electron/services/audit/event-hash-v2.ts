// The audit chain's hash of one event, version 2 (migration 007 re-chained the log with it).
// Version 1 (event-hash.ts) committed to the raw payload text, so erasing an IMEI broke the
// chain. Version 2 commits to each personal field (shared/domain/personal-fields.ts) only
// through a digest: SHA-256 of a random per-event salt, the event id, the field and the value.
// Erasing the field replaces the value by `{"erased": true, "digest"}` and drops the salt: the
// hash is unchanged, and what is left cannot confirm a guessed IMEI (an IMEI has few enough
// possible values that an unsalted digest could be reversed by trying them all).
//
// Like v1, the serialisation must NEVER change for this tag.
import { createHash, randomBytes } from 'node:crypto'
import { isErasedMarker, personalFieldsOf } from '@shared/domain/personal-fields'
import type { HashedEventColumns } from './event-hash'

export const EVENT_HASH_TAG_V2 = 'dropdesk.events.v2'
const FIELD_DIGEST_TAG = 'dropdesk.pii.v1'

export interface HashedEventColumnsV2 extends HashedEventColumns {
  /** Hex salt of the personal-field digests; null for types without personal fields and once erased. */
  pii_salt: string | null
}

export function newPiiSalt(): string {
  return randomBytes(32).toString('hex')
}

export function fieldDigest(salt: string, eventId: string, field: string, value: string): string {
  return createHash('sha256').update(JSON.stringify([FIELD_DIGEST_TAG, salt, eventId, field, value]), 'utf8').digest('hex')
}

/**
 * What the hash commits to for the payload: the stored text itself for an event type without
 * personal fields; otherwise the payload with each personal field as `{digest}` (the same for
 * the plaintext and for its erased marker). Null when a plaintext field has no salt to digest
 * it with: such a row cannot verify (someone removed the salt but not the value).
 */
export function committedPayload(type: string, id: string, payload: string, salt: string | null): string | null {
  const fields = personalFieldsOf(type)
  if (fields.length === 0) return payload
  const parsed = JSON.parse(payload) as Record<string, unknown>
  for (const f of fields) {
    const v = parsed[f]
    if (typeof v === 'string') {
      if (salt === null) return null
      parsed[f] = { digest: fieldDigest(salt, id, f, v) }
    } else if (isErasedMarker(v)) parsed[f] = { digest: v.digest }
  }
  return JSON.stringify(parsed)
}

export function eventHashV2(row: HashedEventColumnsV2): string {
  const payload = committedPayload(row.type, row.id, row.payload, row.pii_salt)
  if (payload === null) return 'unverifiable: a personal field without its salt'
  const canonical = JSON.stringify([EVENT_HASH_TAG_V2, row.id, row.case_id, row.case_seq, row.type, payload, row.actor, row.kiosk_id, row.at, row.prev_hash])
  return createHash('sha256').update(canonical, 'utf8').digest('hex')
}

/**
 * The payload with its personal fields replaced by erased markers: the salt is used once more,
 * here, then dropped with the value. (A v1 row has no salt: the eraser passes a fresh random
 * one, as its v1 hash never committed to a digest anyway.)
 */
export function erasePayload(type: string, id: string, payload: string, salt: string): string {
  const parsed = JSON.parse(payload) as Record<string, unknown>
  for (const f of personalFieldsOf(type)) {
    const v = parsed[f]
    if (typeof v === 'string') parsed[f] = { erased: true, digest: fieldDigest(salt, id, f, v) }
  }
  return JSON.stringify(parsed)
}
