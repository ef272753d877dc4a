// The append-only event log: every step of every case, with who, when and which kiosk. Each
// event is chained to the kiosk's previous one by hash (migration 005, audit/event-hash.ts).
// Written for the current schema only: a database is migrated before anything writes to it.
// Rows of older formats are read by the audit verifier (audit/chain-sources.ts), not here.
import type { Database, Statement } from 'better-sqlite3'
import { ChainHead } from '../audit/chain-head'
import { hashForAppend } from '../audit/event-hash-versions'
import type { CaseEvent, CaseEventType } from '@shared/domain/case-events'

/** An `events` row as stored (payload is the JSON text); readers of the log share this shape. */
export interface EventRow {
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
  /** The kiosk's last hash (case or staff event). */
  private readonly chainHead: ChainHead

  constructor(private readonly db: Database) {
    this.insert = db.prepare(
      `INSERT INTO events (id, case_id, case_seq, type, payload, actor, kiosk_id, at, prev_hash, hash, hash_v, pii_salt)
       VALUES (@id, @caseId, @caseSeq, @type, @payload, @actor, @kioskId, @at, @prevHash, @hash, @hashV, @piiSalt)`,
    )
    this.chainHead = new ChainHead(db)
    this.byCase = db.prepare('SELECT * FROM events WHERE case_id = ? ORDER BY case_seq')
    this.everything = db.prepare('SELECT * FROM events ORDER BY seq')
  }

  /** Appends one event. Call inside the transaction that also updates the projection. */
  append(event: CaseEvent): void {
    const payload = JSON.stringify(event.payload)
    // Read and written in the caller's transaction, so two appends cannot share a head.
    const prevHash = this.chainHead.of(event.kioskId)
    const { hash, hashV, piiSalt } = hashForAppend({
      id: event.id,
      case_id: event.caseId,
      case_seq: event.caseSeq,
      type: event.type,
      payload,
      actor: event.actor,
      kiosk_id: event.kioskId,
      at: event.at,
      prev_hash: prevHash,
    })
    this.insert.run({ ...event, payload, prevHash, hash, hashV, piiSalt })
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
