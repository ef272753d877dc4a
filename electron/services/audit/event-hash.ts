// The audit chain's hash of one event. Each event stores the hash of the kiosk's previous event
// (prev_hash) and its own hash over a canonical serialisation of its columns and that link, so
// editing, removing or reordering a recorded event breaks the chain at a findable place.
//
// The serialisation is versioned by its tag and must NEVER change for a given tag: every hash
// ever written is checked again with it (a new format means a new tag and a new function).
import { createHash } from 'node:crypto'

/** The columns of an `events` row as stored (payload is the stored JSON text, not re-serialised). */
export interface HashedEventColumns {
  id: string
  case_id: string
  case_seq: number
  type: string
  payload: string
  actor: string
  kiosk_id: string
  at: string
  prev_hash: string | null
}

export const EVENT_HASH_TAG = 'dropdesk.events.v1'

/**
 * SHA-256 (hex) over a JSON array in a fixed order: JSON escaping makes the field boundaries
 * unambiguous, and an array has no key order to vary. The tag keeps an event's hash from ever
 * equalling another table's (staff events get their own tag).
 */
export function eventHash(row: HashedEventColumns): string {
  const canonical = JSON.stringify([
    EVENT_HASH_TAG,
    row.id,
    row.case_id,
    row.case_seq,
    row.type,
    row.payload,
    row.actor,
    row.kiosk_id,
    row.at,
    row.prev_hash,
  ])
  return createHash('sha256').update(canonical, 'utf8').digest('hex')
}
