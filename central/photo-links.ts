// Which event (and so which case) a stored photo belongs to. Idempotent: a link sent twice is
// acknowledged twice. A link to a photo not stored yet, or to an event this kiosk never pushed,
// is refused (409 / 404) so the kiosk uploads or pushes first.
import type { KioskIdentity } from './auth'
import type { Db } from './db'

export interface LinkResult {
  sha256: string
  eventId: string
  status: 200 | 404 | 409
  reason?: string
}

export async function linkPhotos(db: Db, who: KioskIdentity, links: { sha256: string; eventId: string }[]): Promise<LinkResult[]> {
  const photos = await db.query<{ sha256: string }>('SELECT sha256 FROM photos WHERE sha256 = ANY($1)', [links.map((l) => l.sha256)])
  const events = await db.query<{ id: string; case_id: string }>('SELECT id, case_id FROM events WHERE id = ANY($1) AND kiosk_id = $2', [
    links.map((l) => l.eventId),
    who.kioskId,
  ])
  const havePhoto = new Set(photos.rows.map((r) => r.sha256))
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
