// The cases table is a projection of the event log: each case's state is the case reducer
// folded over its events. It is updated in the same transaction as the event it reflects,
// and can be rebuilt from the log alone at any time.
import type { Database, Statement } from 'better-sqlite3'
import { reduceCase, type CaseState } from '@shared/domain/case-machine'
import type { EventLog } from './event-log'

export class CasesProjection {
  private readonly upsert: Statement
  private readonly byId: Statement

  constructor(private readonly db: Database) {
    this.upsert = db.prepare(
      `INSERT INTO cases (id, case_number, order_number, case_type, status, started_at, updated_at, state)
       VALUES (@id, @caseNumber, @orderNumber, @caseType, @status, @startedAt, @updatedAt, @state)
       ON CONFLICT (id) DO UPDATE SET status = excluded.status, updated_at = excluded.updated_at,
         case_type = excluded.case_type, state = excluded.state`,
    )
    this.byId = db.prepare('SELECT state FROM cases WHERE id = ?')
  }

  get(caseId: string): CaseState | null {
    const row = this.byId.get(caseId) as { state: string } | undefined
    return row ? (JSON.parse(row.state) as CaseState) : null
  }

  put(state: CaseState): void {
    this.upsert.run({ ...state, state: JSON.stringify(state) })
  }

  /** Drops the projection and folds the whole log again. */
  rebuild(log: EventLog): number {
    return this.db.transaction(() => {
      this.db.exec('DELETE FROM cases')
      const states = new Map<string, CaseState>()
      for (const event of log.all()) states.set(event.caseId, reduceCase(states.get(event.caseId) ?? null, event))
      for (const s of states.values()) this.put(s)
      return states.size
    })()
  }
}
