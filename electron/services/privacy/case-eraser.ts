// Erases the personal data of a case, wherever this kiosk holds it: the personal fields of its
// events (replaced by erased markers that keep the audit chain verifiable, migration 008), the
// copy of the identity in the cases projection, its sealed unlock PIN, the rendered documents
// of its print jobs (an order slip carries the name and the PIN), its photos waiting for upload,
// its order's customer and device identifiers in the orders cache, and (once committed) its
// photo files. The photos rows stay: their SHA-256 is the evidence the events point to.
import { existsSync, unlinkSync } from 'node:fs'
import path from 'node:path'
import type { Database, Statement } from 'better-sqlite3'
import { fsyncDir } from '../store/durable-fs'
import { erasePayload, newPiiSalt } from '../audit/event-hash-v2'
import { holdsPersonalData, personalFields } from '@shared/domain/personal-fields'
import type { PhotoMime, PhotoStore } from '../photos/photo-store'

export type ErasureReason = 'retention' | 'request'

export interface CaseErasure {
  eventsErased: number
  pinsPurged: number
  printJobsCleared: number
}

const personalTypes = Object.keys(personalFields)
const identityPaths = [...new Set(Object.values(personalFields).flat())].map((f) => `'$.identity.${f}'`).join(', ')

export class CaseEraser {
  private readonly s: Record<string, Statement>

  constructor(
    private readonly db: Database,
    private readonly photos: PhotoStore,
  ) {
    this.s = {
      personalEvents: db.prepare(
        `SELECT seq, id, type, payload, pii_salt AS salt FROM events WHERE case_id = ? AND type IN (${personalTypes.map(() => '?').join(', ')})`,
      ),
      erase: db.prepare('UPDATE events SET payload = ?, pii_salt = NULL WHERE seq = ?'),
      projection: db.prepare(`UPDATE cases SET state = json_remove(state, ${identityPaths}) WHERE id = ?`),
      pin: db.prepare('DELETE FROM case_secrets WHERE case_id = ?'),
      // Jobs not yet sent are cancelled; bytes in flight (sending/sent) are dropped by the queue on its reply.
      cancelJobs: db.prepare(
        "UPDATE print_jobs SET state = 'cancelled', payload = NULL, last_error = 'cancelled: the personal data of its case was erased' WHERE case_id = ? AND state IN ('queued','held')",
      ),
      clearJobs: db.prepare("UPDATE print_jobs SET payload = NULL WHERE case_id = ? AND payload IS NOT NULL AND state NOT IN ('sending','sent')"),
      pendingUploads: db.prepare('DELETE FROM sync_photos WHERE case_id = ? AND done_at IS NULL'),
      // A photo refused earlier can never be retried once its file is gone.
      quarantinedPhotos: db.prepare("DELETE FROM sync_quarantine WHERE kind = 'photo' AND case_id = ?"),
      mark: db.prepare('INSERT INTO erased_cases (case_id, reason, at) VALUES (?, ?, ?) ON CONFLICT (case_id) DO NOTHING'),
      // The tombstone first: the orders_erased_* triggers (migration 008) strip the row now and
      // on every later rewrite of it (a manifest pull re-sending the order).
      tombstone: db.prepare('INSERT INTO erased_orders (order_number, at) VALUES (?, ?) ON CONFLICT (order_number) DO NOTHING'),
      order: db.prepare('UPDATE orders SET updated_at = updated_at WHERE order_number = ?'),
      erasedPhotos: db.prepare(
        `SELECT DISTINCT p.sha256, p.mime FROM photos p JOIN erased_cases x ON x.case_id = p.case_id
         WHERE NOT EXISTS (SELECT 1 FROM photos q WHERE q.sha256 = p.sha256 AND q.case_id NOT IN (SELECT case_id FROM erased_cases))`,
      ),
    }
  }

  /** Erases one case's personal data in the database. Call inside a transaction. */
  eraseCase(caseId: string, reason: ErasureReason, at: string): CaseErasure {
    let eventsErased = 0
    for (const e of this.s.personalEvents!.all(caseId, ...personalTypes) as Array<{ seq: number; id: string; type: string; payload: string; salt: string | null }>) {
      if (!holdsPersonalData(e.type, JSON.parse(e.payload) as Record<string, unknown>)) continue
      this.s.erase!.run(erasePayload(e.type, e.id, e.payload, e.salt ?? newPiiSalt()), e.seq)
      eventsErased++
    }
    this.s.projection!.run(caseId)
    const pinsPurged = this.s.pin!.run(caseId).changes
    const printJobsCleared = this.s.cancelJobs!.run(caseId).changes + this.s.clearJobs!.run(caseId).changes
    this.s.pendingUploads!.run(caseId)
    this.s.quarantinedPhotos!.run(caseId)
    this.s.mark!.run(caseId, reason, at)
    return { eventsErased, pinsPurged, printJobsCleared }
  }

  /** Removes the customer (name, e-mail, phone) and the device identifiers from a cached order. */
  eraseOrder(orderNumber: string, at: string): boolean {
    this.s.tombstone!.run(orderNumber, at)
    return this.s.order!.run(orderNumber).changes > 0
  }

  /**
   * Deletes the files of the photos of erased cases (unless a case not erased has the same
   * picture). Run after the erasure committed: a crash in between leaves files that the next
   * run deletes, never an erasure rolled back with its files gone.
   */
  deleteErasedPhotoFiles(): number {
    let deleted = 0
    for (const p of this.s.erasedPhotos!.all() as Array<{ sha256: string; mime: PhotoMime }>) {
      const file = this.photos.pathOf(p.sha256, p.mime)
      if (!existsSync(file)) continue
      unlinkSync(file)
      // An erased photo must not come back after a power cut: its removal is made durable.
      fsyncDir(path.dirname(file))
      deleted++
    }
    return deleted
  }
}
