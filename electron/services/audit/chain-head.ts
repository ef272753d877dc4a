// The head of a kiosk's audit chain: the hash of its last event, case or staff. Case events are
// ordered by `events.seq`; a staff event sits after the events row its `after_event_seq` names
// (the highest events seq when it was written), so "which came last" is a comparison of seqs.
// Read this in the same transaction as the append that links to it: two appends can then never
// link to the same head.
import type { Database, Statement } from 'better-sqlite3'

export class ChainHead {
  private readonly lastEvent: Statement
  private readonly lastStaffEvent: Statement
  private readonly highestEventSeq: Statement

  /** For the current schema (a migrated database), as the writers are. */
  constructor(db: Database) {
    this.lastEvent = db.prepare('SELECT seq, hash FROM events WHERE kiosk_id = ? ORDER BY seq DESC LIMIT 1')
    this.lastStaffEvent = db.prepare('SELECT after_event_seq AS after, hash FROM staff_events WHERE kiosk_id = ? ORDER BY seq DESC LIMIT 1')
    this.highestEventSeq = db.prepare('SELECT coalesce(max(seq), 0) AS seq FROM events')
  }

  /** The hash the kiosk's next event links to; null for its first event. */
  of(kioskId: string): string | null {
    const event = this.lastEvent.get(kioskId) as { seq: number; hash: string | null } | undefined
    const staff = this.lastStaffEvent.get(kioskId) as { after: number; hash: string | null } | undefined
    // A staff event written after events row N follows it (and every row before it).
    if (staff && (!event || staff.after >= event.seq)) return staff.hash
    return event?.hash ?? null
  }

  /** The position of a staff event written now: after every events row so far. */
  afterEventSeq(): number {
    return (this.highestEventSeq.get() as { seq: number }).seq
  }
}
