// The photos table: which stored file belongs to which case, purpose and shot. A row is
// written in the same transaction as the event that records the photo (condition, package)
// or, for evidence cited later (exclusion, account proof), right after the file is fsynced.
import type { Database, Statement } from 'better-sqlite3'
import type { PhotoPurpose, PhotoView } from '@shared/contract/intake-views'

interface PhotoRow {
  sha256: string
  case_id: string
  purpose: PhotoPurpose
  shot: string
  mime: PhotoView['mime']
  size: number
  captured_at: string
}

const toView = (r: PhotoRow): PhotoView => ({ sha256: r.sha256, purpose: r.purpose, shot: r.shot, mime: r.mime, size: r.size, capturedAt: r.captured_at })

export class PhotoRows {
  private readonly insertStmt: Statement
  private readonly byCase: Statement
  private readonly one: Statement
  private readonly any: Statement

  constructor(private readonly db: Database) {
    this.insertStmt = db.prepare(
      `INSERT OR IGNORE INTO photos (sha256, case_id, purpose, shot, mime, size, captured_at)
       VALUES (@sha256, @caseId, @purpose, @shot, @mime, @size, @capturedAt)`,
    )
    this.byCase = db.prepare('SELECT * FROM photos WHERE case_id = ? ORDER BY captured_at, rowid')
    this.one = db.prepare('SELECT * FROM photos WHERE case_id = ? AND sha256 = ? AND purpose = ? LIMIT 1')
    this.any = db.prepare('SELECT * FROM photos WHERE case_id = ? AND sha256 = ? LIMIT 1')
  }

  add(caseId: string, p: PhotoView): void {
    this.insertStmt.run({ caseId, ...p })
  }

  forCase(caseId: string): PhotoView[] {
    return (this.byCase.all(caseId) as PhotoRow[]).map(toView)
  }

  /**
   * The photo taken for `purpose` (the same bytes may have served another purpose too, e.g. a
   * still scene photographed twice), or for any purpose when none is given.
   */
  find(caseId: string, sha256: string, purpose?: PhotoPurpose): PhotoView | null {
    const row = (purpose ? this.one.get(caseId, sha256, purpose) : this.any.get(caseId, sha256)) as PhotoRow | undefined
    return row ? toView(row) : null
  }

  /** Every SHA-256 a row or an event refers to: the files start-up must keep. */
  referenced(): Set<string> {
    const set = new Set<string>()
    for (const r of this.db.prepare('SELECT DISTINCT sha256 FROM photos').iterate() as Iterable<{ sha256: string }>) set.add(r.sha256)
    // Events cite photos by sha256 in their payload (photo.captured, exclusion evidence, proofs).
    const events = this.db.prepare(
      `SELECT payload FROM events WHERE type IN ('photo.captured', 'package.photographed', 'exclusion.observed', 'account.disconnected')`,
    )
    for (const r of events.iterate() as Iterable<{ payload: string }>) {
      for (const m of r.payload.matchAll(/"(?:sha256|photoSha256)":"([0-9a-f]{64})"/g)) set.add(m[1]!)
    }
    return set
  }
}
