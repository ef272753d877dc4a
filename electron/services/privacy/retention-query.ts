// Which cases retention purges: closed (handed over or cancelled), every event acknowledged by
// the central system and every photo uploaded (the sync ledger's notice covers the last event),
// not purged yet, and synced (the latest acknowledgement or upload) before the cutoff.
import type { Database, Statement } from 'better-sqlite3'

export class RetentionQuery {
  private readonly due: Statement
  private readonly orderOf: Statement
  private readonly openCases: Statement

  constructor(db: Database) {
    this.due = db.prepare(`
      SELECT c.id FROM cases c JOIN sync_case_notices n ON n.case_id = c.id
      WHERE c.status IN ('handed_over', 'cancelled')
        AND NOT EXISTS (SELECT 1 FROM erased_cases x WHERE x.case_id = c.id)
        AND n.through_seq >= (SELECT max(e.case_seq) FROM events e WHERE e.case_id = c.id)
        AND NOT EXISTS (SELECT 1 FROM sync_photos p WHERE p.case_id = c.id AND p.done_at IS NULL)
        AND max(
          coalesce((SELECT max(a.acked_at) FROM sync_acks a JOIN events e ON e.seq = a.seq WHERE e.case_id = c.id), ''),
          coalesce((SELECT max(p.done_at) FROM sync_photos p WHERE p.case_id = c.id), '')
        ) BETWEEN '0' AND ?
      ORDER BY c.started_at`)
    this.orderOf = db.prepare('SELECT order_number AS orderNumber FROM cases WHERE id = ?')
    this.openCases = db.prepare('SELECT count(*) AS n FROM cases c WHERE c.order_number = ? AND NOT EXISTS (SELECT 1 FROM erased_cases x WHERE x.case_id = c.id)')
  }

  /** `cutoff` is an ISO instant; a case with no acknowledgement time at all is never due. */
  casesSyncedBefore(cutoff: string): string[] {
    return (this.due.all(cutoff) as Array<{ id: string }>).map((r) => r.id)
  }

  /** The orders of these (just erased) cases that have no case left unerased: their customer goes too. */
  ordersFullyErased(caseIds: readonly string[]): string[] {
    const orders = new Set(caseIds.map((id) => (this.orderOf.get(id) as { orderNumber: string } | undefined)?.orderNumber).filter((o): o is string => !!o))
    return [...orders].filter((o) => (this.openCases.get(o) as { n: number }).n === 0)
  }
}
