// The append-only record of what was done with personal data (table privacy_log, migration
// 008): a supervisor's export or erasure, a retention run, a change of the retention delay.
// Who and when, which cases and orders by reference, counts: never a name, IMEI or PIN, and
// never the search that found them (a search may be a name).
import { randomUUID } from 'node:crypto'
import type { Database, Statement } from 'better-sqlite3'

export type PrivacyAction = 'exported' | 'erased' | 'retention_purged' | 'retention_changed'

/** The actor of the scheduled retention purge (no person asked for it). */
export const RETENTION_ACTOR = 'retention'

export class PrivacyLog {
  private readonly insert: Statement
  private readonly lastOf: Statement

  constructor(db: Database, private readonly kioskId: string) {
    this.insert = db.prepare('INSERT INTO privacy_log (id, action, actor, kiosk_id, at, detail) VALUES (?, ?, ?, ?, ?, ?)')
    this.lastOf = db.prepare('SELECT at FROM privacy_log WHERE action = ? ORDER BY seq DESC LIMIT 1')
  }

  /** Call inside the transaction that does what it records. */
  append(action: PrivacyAction, actor: string, at: string, detail: Record<string, unknown>): void {
    this.insert.run(randomUUID(), action, actor, this.kioskId, at, JSON.stringify(detail))
  }

  lastAt(action: PrivacyAction): string | null {
    return (this.lastOf.get(action) as { at: string } | undefined)?.at ?? null
  }
}
