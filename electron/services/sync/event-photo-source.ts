// The PhotoSource over the kiosk's own photo files (photos/PhotoStore: photos/ab/<sha256>.<ext>
// under the data dir): an event cites photos by SHA-256 in its payload (photo.captured,
// package.photographed, exclusion evidence, account proofs), so the photos of some events are
// the hashes in their payloads whose files exist here.
import { existsSync } from 'node:fs'
import path from 'node:path'
import type { Database, Statement } from 'better-sqlite3'
import type { PhotoRef, PhotoSource } from './photo-source'

const EXTENSIONS = ['jpg', 'png', 'webp']
const SHA_FIELD = /"(?:sha256|photoSha256)":"([0-9a-f]{64})"/g

export class EventPhotoSource implements PhotoSource {
  private readonly byId: Statement

  constructor(
    db: Database,
    private readonly photosRoot: string,
  ) {
    this.byId = db.prepare('SELECT id, case_id, payload FROM events WHERE id = ?')
  }

  photosFor(eventIds: readonly string[]): PhotoRef[] {
    const refs: PhotoRef[] = []
    for (const id of eventIds) {
      const row = this.byId.get(id) as { id: string; case_id: string; payload: string } | undefined
      if (!row || !row.payload.includes('sha256')) continue
      const seen = new Set<string>()
      for (const m of row.payload.matchAll(SHA_FIELD)) {
        const sha256 = m[1]!
        if (seen.has(sha256)) continue
        seen.add(sha256)
        const file = EXTENSIONS.map((ext) => path.join(this.photosRoot, sha256.slice(0, 2), `${sha256}.${ext}`)).find((f) => existsSync(f))
        // A hash without a file here (never captured on this kiosk) has nothing to upload.
        if (file) refs.push({ eventId: row.id, caseId: row.case_id, sha256, path: file })
      }
    }
    return refs
  }
}
