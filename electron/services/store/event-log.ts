// The append-only event log: every step of every case, with who, when and which kiosk.
import type { Database, Statement } from 'better-sqlite3'
import type { CaseEvent, CaseEventType } from '@shared/domain/case-events'

interface EventRow {
  seq: number
  id: string
  case_id: string
  case_seq: number
  type: string
  payload: string
  actor: string
  kiosk_id: string
  at: string
}

function fromRow(r: EventRow): CaseEvent {
  return {
    id: r.id,
    caseId: r.case_id,
    caseSeq: r.case_seq,
    type: r.type as CaseEventType,
    payload: JSON.parse(r.payload),
    actor: r.actor,
    kioskId: r.kiosk_id,
    at: r.at,
  } as CaseEvent
}

export class EventLog {
  private readonly insert: Statement
  private readonly byCase: Statement
  private readonly everything: Statement

  constructor(private readonly db: Database) {
    this.insert = db.prepare(
      `INSERT INTO events (id, case_id, case_seq, type, payload, actor, kiosk_id, at)
       VALUES (@id, @caseId, @caseSeq, @type, @payload, @actor, @kioskId, @at)`,
    )
    this.byCase = db.prepare('SELECT * FROM events WHERE case_id = ? ORDER BY case_seq')
    this.everything = db.prepare('SELECT * FROM events ORDER BY seq')
  }

  /** Appends one event. Call inside the transaction that also updates the projection. */
  append(event: CaseEvent): void {
    this.insert.run({ ...event, payload: JSON.stringify(event.payload) })
  }

  forCase(caseId: string): CaseEvent[] {
    return (this.byCase.all(caseId) as EventRow[]).map(fromRow)
  }

  /** Every event in log order, streamed (the log can be large). */
  *all(): Generator<CaseEvent> {
    for (const row of this.everything.iterate() as Iterable<EventRow>) yield fromRow(row)
  }

  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n
  }
}
