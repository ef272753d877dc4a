// Which event (and so which case) a stored photo belongs to. Idempotent: a link sent twice is
// acknowledged twice. A link to a photo not stored yet, or to an event this kiosk never pushed,
// is refused (409 / 404) so the kiosk uploads or pushes first. A link is what the kiosk waits
// for before it counts a photo as delivered, so the photos are made durable here (one batch of
// overlapping fsyncs, photo-storage.ts) and get their row in the photos table, one statement
// for the batch.
import type { KioskIdentity } from './auth'
import type { Db } from './db'
import type { LinkResult } from '../shared/sync-protocol'
import type { PhotoStorage } from './photo-storage'

export type { LinkResult }

/** Durable rows for the photos of `hashes` the storage holds; returns the hashes that have one. */
async function recordStoredPhotos(db: Db, storage: PhotoStorage, hashes: string[]): Promise<Set<string>> {
  const unique = [...new Set(hashes)]
  const have = new Set((await db.query<{ sha256: string }>('SELECT sha256 FROM photos WHERE sha256 = ANY($1)', [unique])).rows.map((r) => r.sha256))
  const durable = await storage.makeDurable(unique.filter((h) => !have.has(h)))
  const found = [...durable].map(([sha256, size]) => ({ sha256, size }))
  if (found.length) {
    await db.query('INSERT INTO photos (sha256, size) SELECT * FROM unnest($1::text[], $2::bigint[]) ON CONFLICT DO NOTHING', [
      found.map((f) => f.sha256),
      found.map((f) => f.size),
    ])
    for (const f of found) have.add(f.sha256)
  }
  return have
}

export async function linkPhotos(db: Db, storage: PhotoStorage, who: KioskIdentity, links: { sha256: string; eventId: string }[]): Promise<LinkResult[]> {
  const havePhoto = await recordStoredPhotos(db, storage, links.map((l) => l.sha256))
  const events = await db.query<{ id: string; case_id: string }>('SELECT id, case_id FROM events WHERE id = ANY($1) AND kiosk_id = $2', [
    links.map((l) => l.eventId),
    who.kioskId,
  ])
  const caseOf = new Map(events.rows.map((r) => [r.id, r.case_id]))
  const results: LinkResult[] = []
  const ok: { sha256: string; eventId: string; caseId: string }[] = []
  for (const l of links) {
    const caseId = caseOf.get(l.eventId)
    if (!havePhoto.has(l.sha256)) results.push({ ...l, status: 409, reason: 'upload the photo first' })
    else if (!caseId) results.push({ ...l, status: 404, reason: 'no such event from this kiosk: push it first' })
    else {
      results.push({ ...l, status: 200 })
      ok.push({ ...l, caseId })
    }
  }
  if (ok.length) {
    await db.query(
      `INSERT INTO photo_links (sha256, event_id, case_id, kiosk_id)
       SELECT s, e, c, $4 FROM unnest($1::text[], $2::text[], $3::text[]) AS t(s, e, c) ON CONFLICT DO NOTHING`,
      [ok.map((l) => l.sha256), ok.map((l) => l.eventId), ok.map((l) => l.caseId), who.kioskId],
    )
  }
  return results
}
