// The sync client's SQLite side (tables of migration 003). The event log itself is only read:
// the outbox is "events with seq above the watermark", and each push reply is recorded (acks,
// quarantine, photos to upload, the new watermark) in one transaction, so a crash leaves the
// kiosk either before the reply (the batch is sent again; the server acknowledges it again)
// or after it, never in between.
import type { Database, Statement } from 'better-sqlite3'
import { fromOutboxRow, OUTBOX_JSON, type OutboxEvent, type OutboxRow } from './outbox-event'
import type { PhotoRef } from './photo-source'

export type QuarantineKind = 'event' | 'photo' | 'order'

export interface QuarantineRow {
  kind: QuarantineKind
  ref: string
  seq: number | null
  caseId: string | null
  status: number
  reason: string
  at: string
}

export interface EventReply {
  event: Pick<OutboxEvent, 'id' | 'kioskSeq' | 'caseId'>
  status: number
  reason?: string
}

export class SyncLedger {
  private readonly s: Record<string, Statement>
  private photosToSendStmt: Statement | undefined

  constructor(readonly db: Database) {
    this.s = {
      // The wire JSON is assembled by SQLite (outbox-event.ts says why); rows as arrays.
      batch: db.prepare(`SELECT seq, id, case_id, ${OUTBOX_JSON} FROM events WHERE seq > ? ORDER BY seq LIMIT ?`).raw(true),
      eventById: db.prepare(`SELECT seq, id, case_id, ${OUTBOX_JSON} FROM events WHERE id = ?`).raw(true),
      getState: db.prepare('SELECT value FROM sync_state WHERE key = ?'),
      setState: db.prepare('INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'),
      // Set-wise: a JSON array of [seq, id, status] per acknowledged event, one statement.
      acks: db.prepare(`INSERT OR IGNORE INTO sync_acks (seq, event_id, status, acked_at) SELECT value ->> 0, value ->> 1, value ->> 2, ? FROM json_each(?)`),
      // The usual reply: a run of consecutive log rows acknowledged alike, read from the log itself.
      acksRange: db.prepare('INSERT OR IGNORE INTO sync_acks (seq, event_id, status, acked_at) SELECT seq, id, ?, ? FROM events WHERE seq BETWEEN ? AND ?'),
      countRange: db.prepare('SELECT count(*) AS n FROM events WHERE seq BETWEEN ? AND ?'),
      anyQuarantined: db.prepare('SELECT EXISTS (SELECT 1 FROM sync_quarantine WHERE kind = ?) AS n'),
      unquarantineMany: db.prepare('DELETE FROM sync_quarantine WHERE kind = ? AND ref IN (SELECT value FROM json_each(?))'),
      quarantine: db.prepare(
        `INSERT INTO sync_quarantine (kind, ref, seq, case_id, status, reason, at) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (kind, ref) DO UPDATE SET status = excluded.status, reason = excluded.reason, at = excluded.at`,
      ),
      unquarantine: db.prepare('DELETE FROM sync_quarantine WHERE kind = ? AND ref = ?'),
      quarantined: db.prepare('SELECT kind, ref, seq, case_id AS caseId, status, reason, at FROM sync_quarantine ORDER BY at, ref'),
      quarantinedOne: db.prepare('SELECT kind, ref, seq, case_id AS caseId, status, reason, at FROM sync_quarantine WHERE kind = ? AND ref = ?'),
      queuePhoto: db.prepare('INSERT OR IGNORE INTO sync_photos (sha256, event_id, case_id, path) VALUES (?, ?, ?, ?)'),
      pendingPhotosAfter: db.prepare(
        `SELECT rowid, sha256, event_id AS eventId, case_id AS caseId, path FROM sync_photos p WHERE done_at IS NULL AND rowid > ?
         AND NOT EXISTS (SELECT 1 FROM sync_quarantine q WHERE q.kind = 'photo' AND q.ref = p.sha256) ORDER BY rowid LIMIT ?`,
      ),
      photoDone: db.prepare('UPDATE sync_photos SET done_at = ? WHERE sha256 = ? AND event_id = ?'),
      countPendingEvents: db.prepare('SELECT count(*) AS n FROM events WHERE seq > ?'),
      countPendingPhotos: db.prepare('SELECT count(*) AS n FROM sync_photos WHERE done_at IS NULL'),
      countQuarantine: db.prepare('SELECT count(*) AS n FROM sync_quarantine'),
      caseProgress: db.prepare(
        `SELECT c.value AS caseId,
           (SELECT count(*) FROM events e WHERE e.case_id = c.value) AS n,
           (SELECT max(case_seq) FROM events e WHERE e.case_id = c.value) AS last,
           (SELECT count(*) FROM sync_acks a JOIN events e ON e.seq = a.seq WHERE e.case_id = c.value) AS acked,
           (SELECT count(*) FROM sync_photos p WHERE p.case_id = c.value AND p.done_at IS NULL) AS photos
         FROM json_each(?) c`,
      ),
      notice: db.prepare(
        `INSERT INTO sync_case_notices (case_id, through_seq, notified) VALUES (?, ?, 0)
         ON CONFLICT (case_id) DO UPDATE SET through_seq = excluded.through_seq, notified = 0 WHERE through_seq < excluded.through_seq`,
      ),
      unnotified: db.prepare('SELECT case_id AS caseId FROM sync_case_notices WHERE notified = 0'),
      notified: db.prepare('UPDATE sync_case_notices SET notified = 1 WHERE case_id = ?'),
    }
  }

  state(key: string): string | undefined {
    return (this.s.getState!.get(key) as { value: string } | undefined)?.value
  }

  setState(key: string, value: string): void {
    this.s.setState!.run(key, value)
  }

  /** Every event at or below the watermark was acknowledged or quarantined. */
  watermark(): number {
    return Number(this.state('push.watermark') ?? 0)
  }

  nextBatch(limit: number): OutboxEvent[] {
    return this.batchAfter(this.watermark(), limit)
  }

  batchAfter(seq: number, limit: number): OutboxEvent[] {
    return (this.s.batch!.all(seq, limit) as OutboxRow[]).map(fromOutboxRow)
  }

  event(id: string): OutboxEvent | null {
    const row = this.s.eventById!.get(id) as OutboxRow | undefined
    return row ? fromOutboxRow(row) : null
  }

  /** Records the server's reply to a batch, all in one transaction; returns the cases now fully synced. */
  recordPushReply(replies: EventReply[], photos: PhotoRef[], at: string, advanceTo: number | null): string[] {
    return this.db.transaction(() => {
      const acked = new Set<string>()
      const ackRows: [number, string, number][] = []
      for (const r of replies) {
        if (r.status >= 200 && r.status < 300) {
          ackRows.push([r.event.kioskSeq, r.event.id, r.status])
          acked.add(r.event.id)
        } else {
          this.s.quarantine!.run('event', r.event.id, r.event.kioskSeq, r.event.caseId, r.status, r.reason ?? `HTTP ${r.status}`, at)
        }
      }
      if (ackRows.length) {
        this.recordAcks(ackRows, at)
        this.unquarantineAll('event', ackRows.map((a) => a[1]))
      }
      for (const p of photos) if (acked.has(p.eventId)) this.s.queuePhoto!.run(p.sha256, p.eventId, p.caseId, p.path)
      if (advanceTo !== null && advanceTo > this.watermark()) this.setState('push.watermark', String(advanceTo))
      return this.noteSyncedCases(new Set(replies.filter((r) => acked.has(r.event.id)).map((r) => r.event.caseId)))
    })()
  }

  /** Acknowledgements, [seq, id, status] in log order: each run of rows that are all the log
   * holds between its first and last seq, with one status, in one statement without JSON. */
  private recordAcks(rows: [number, string, number][], at: string): void {
    const single: [number, string, number][] = []
    let from = 0
    for (let i = 1; i <= rows.length; i++) {
      const [seq, , status] = rows[i - 1]!
      const next = rows[i]
      if (next && next[2] === status && next[0] > seq) continue
      const run = rows.slice(from, i)
      const lo = run[0]![0]
      if ((this.s.countRange!.get(lo, seq) as { n: number }).n === run.length) this.s.acksRange!.run(status, at, lo, seq)
      else single.push(...run)
      from = i
    }
    if (single.length) this.s.acks!.run(at, JSON.stringify(single))
  }

  /** Marks cases whose events are all acknowledged and photos all uploaded (call inside a transaction). */
  private noteSyncedCases(caseIds: Iterable<string>): string[] {
    const ids = [...caseIds]
    if (!ids.length) return []
    const synced: string[] = []
    const rows = this.s.caseProgress!.all(JSON.stringify(ids)) as { caseId: string; n: number; last: number | null; acked: number; photos: number }[]
    for (const { caseId, n, last, acked, photos } of rows) {
      if (n > 0 && acked === n && photos === 0 && last !== null && this.s.notice!.run(caseId, last).changes > 0) synced.push(caseId)
    }
    return synced
  }

  /** Takes acknowledged records out of quarantine (the usual empty quarantine costs one lookup). */
  private unquarantineAll(kind: QuarantineKind, refs: string[]): void {
    if ((this.s.anyQuarantined!.get(kind) as { n: number }).n) this.s.unquarantineMany!.run(kind, JSON.stringify(refs))
  }

  /** The next photos to upload after `rowid` (a cursor, so a pass need not wait for the links before it). */
  pendingPhotosAfter(rowid: number, limit: number): (PhotoRef & { rowid: number })[] {
    return this.s.pendingPhotosAfter!.all(rowid, limit) as (PhotoRef & { rowid: number })[]
  }

  /** Photo links acknowledged by the server; returns the cases now fully synced. */
  photosDone(done: PhotoRef[], at: string): string[] {
    return this.db.transaction(() => {
      for (const p of done) this.s.photoDone!.run(at, p.sha256, p.eventId)
      if (done.length) this.unquarantineAll('photo', done.map((p) => p.sha256))
      return this.noteSyncedCases(new Set(done.map((p) => p.caseId)))
    })()
  }

  quarantine(kind: QuarantineKind, ref: string, status: number, reason: string, at: string, caseId: string | null = null, seq: number | null = null): void {
    this.s.quarantine!.run(kind, ref, seq, caseId, status, reason, at)
  }

  unquarantine(kind: QuarantineKind, ref: string): void {
    this.s.unquarantine!.run(kind, ref)
  }

  quarantined(): QuarantineRow[] {
    return this.s.quarantined!.all() as QuarantineRow[]
  }

  quarantinedOne(kind: QuarantineKind, ref: string): QuarantineRow | null {
    return (this.s.quarantinedOne!.get(kind, ref) as QuarantineRow | undefined) ?? null
  }

  /** Photos taken here and not yet uploaded, whether or not their events were pushed yet. */
  photosToSend(): number {
    // Every photo taken on this kiosk that the centre does not have yet: sync_photos only
    // learns of a photo when the event that refers to it is pushed, so it is counted from
    // photos (an erased case's photos are never sent). Prepared here, not with the others:
    // the photos table is younger than the sync tables (migration tests build the ledger early).
    this.photosToSendStmt ??= this.db.prepare(
      `SELECT count(*) AS n FROM (SELECT sha256 FROM photos WHERE case_id NOT IN (SELECT case_id FROM erased_cases)
         UNION SELECT sha256 FROM sync_photos) x
       WHERE NOT EXISTS (SELECT 1 FROM sync_photos s WHERE s.sha256 = x.sha256 AND s.done_at IS NOT NULL)`,
    )
    return (this.photosToSendStmt.get() as { n: number }).n
  }

  counts(): { pendingEvents: number; pendingPhotos: number; quarantined: number } {
    const n = (st: Statement, ...a: unknown[]) => (st.get(...a) as { n: number }).n
    return {
      pendingEvents: n(this.s.countPendingEvents!, this.watermark()),
      pendingPhotos: n(this.s.countPendingPhotos!),
      quarantined: n(this.s.countQuarantine!),
    }
  }

  unnotifiedCases(): string[] {
    return (this.s.unnotified!.all() as { caseId: string }[]).map((r) => r.caseId)
  }

  markNotified(caseId: string): void {
    this.s.notified!.run(caseId)
  }
}
