// The unlock PIN of a case, sealed with the SecretBox (AES-256-GCM, the key outside the
// database) in the case_secrets table. Only the slip printer reads it back (pinForSlip, the
// printing module's PinSource); it is purged when the parcel is handed over to the carrier
// (handover.closeBatch), or when a case is cancelled and synced. The
// plaintext is never logged, never returned by a call, never in an event.
import type { Database, Statement } from 'better-sqlite3'
import type { SecretBox } from '../secrets/secret-box'

const context = (caseId: string): string => `unlock-pin:${caseId}`

export class PinVault {
  private readonly upsert: Statement
  private readonly get: Statement
  private readonly del: Statement

  constructor(
    db: Database,
    private readonly box: SecretBox,
  ) {
    this.upsert = db.prepare(
      `INSERT INTO case_secrets (case_id, kind, sealed, stored_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (case_id) DO UPDATE SET kind = excluded.kind, sealed = excluded.sealed, stored_at = excluded.stored_at`,
    )
    this.get = db.prepare('SELECT sealed FROM case_secrets WHERE case_id = ?')
    this.del = db.prepare('DELETE FROM case_secrets WHERE case_id = ?')
  }

  /** Seals and stores; call inside the transaction that records pin.provided. */
  put(caseId: string, kind: 'pin' | 'pattern', pin: string, at: string): void {
    this.upsert.run(caseId, kind, this.box.seal(pin, context(caseId)), at)
  }

  has(caseId: string): boolean {
    return this.get.get(caseId) !== undefined
  }

  /** For the order slip only (printing's PinSource); null when none is held. */
  pinForSlip(caseId: string): string | null {
    const row = this.get.get(caseId) as { sealed: string } | undefined
    return row ? this.box.open(row.sealed, context(caseId)) : null
  }

  /** Forgets the PIN (handed over, cancelled and synced, or skipped after all). */
  purge(caseId: string): boolean {
    return this.del.run(caseId).changes > 0
  }
}
