// The audit chain's hash of one staff event (first-run supervisor, staff added or removed, PIN
// changed). Staff events are links of the same per-kiosk chain as case events (migration 007):
// prev_hash is the hash of the kiosk's previous event, whichever table it is in.
//
// Like the case events' hash, the serialisation is versioned by its tag and must NEVER change
// for a given tag: every hash ever written is checked again with it.
import { createHash } from 'node:crypto'

/** The columns of a `staff_events` row as stored (payload is the stored JSON text). */
export interface HashedStaffEventColumns {
  id: string
  staff_id: string
  type: string
  payload: string
  actor: string
  kiosk_id: string
  at: string
  /** Where the row sits in the chain: after the events row with this seq (0: before any). */
  after_event_seq: number
  prev_hash: string | null
}

export const STAFF_EVENT_HASH_TAG = 'dropdesk.staff_events.v1'

/**
 * SHA-256 (hex) over a JSON array in a fixed order, as for case events. after_event_seq is
 * covered: moving a staff event elsewhere in the chain is an edit of that event.
 */
export function staffEventHash(row: HashedStaffEventColumns): string {
  const canonical = JSON.stringify([
    STAFF_EVENT_HASH_TAG,
    row.id,
    row.staff_id,
    row.type,
    row.payload,
    row.actor,
    row.kiosk_id,
    row.at,
    row.after_event_seq,
    row.prev_hash,
  ])
  return createHash('sha256').update(canonical, 'utf8').digest('hex')
}
