// Which hash an `events` row should carry, by its format (events.hash_v, migration 008): v1 for
// rows written before it (event-hash.ts), v2 since (event-hash-v2.ts). The writer (EventLog)
// and the verifier (chain-sources.ts) both come here, so they cannot disagree; only the
// verifier meets v1 rows.
import { isErasedMarker, personalFieldsOf } from '@shared/domain/personal-fields'
import { eventHash, type HashedEventColumns } from './event-hash'
import { eventHashV2, newPiiSalt } from './event-hash-v2'

export interface StoredEventHashColumns extends HashedEventColumns {
  hash: string | null
  /** Absent below schema 8. */
  hash_v?: number | null
  pii_salt?: string | null
}

function holdsErasedMarker(type: string, payload: string): boolean {
  const fields = personalFieldsOf(type)
  if (fields.length === 0) return false
  const parsed = JSON.parse(payload) as Record<string, unknown>
  return fields.some((f) => isErasedMarker(parsed[f]))
}

/**
 * The hash the row's content and link should have. A v1 row whose personal fields were erased
 * cannot be re-hashed (v1 committed to the raw text, which is gone): its stored hash is taken
 * as is, so only its link is checked. The erase-only trigger still guards its other fields.
 * Only rows written before migration 008 are in that case.
 */
export function expectedEventHash(row: StoredEventHashColumns): string {
  if (row.hash_v === 2) return eventHashV2({ ...row, pii_salt: row.pii_salt ?? null })
  if (row.hash !== null && holdsErasedMarker(row.type, row.payload)) return row.hash
  return eventHash(row)
}

/** The hash columns of a new row: always v2 (new rows are written in the current format only),
 * with a fresh salt when the event carries personal fields. */
export function hashForAppend(row: HashedEventColumns): { hash: string; hashV: 2; piiSalt: string | null } {
  const piiSalt = personalFieldsOf(row.type).length > 0 ? newPiiSalt() : null
  return { hash: eventHashV2({ ...row, pii_salt: piiSalt }), hashV: 2, piiSalt }
}
