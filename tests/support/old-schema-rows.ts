// Rows as an older DropDesk wrote them, straight into a database left at that schema (migration
// tests: seed raw rows at N−1, migrate, assert). The app's writers know only the current schema;
// these know each older one:
//   4   case and staff events, no chain
//   5–6 case events chained with the v1 hash (migration 005); staff events outside the chain
//   7   staff events chained too, placed after the highest events seq (migration 007)
// From 8 on, the app's own writers are used.
import { randomUUID } from 'node:crypto'
import type { Database } from 'better-sqlite3'
import type { CaseEvent } from '@shared/domain/case-events'
import { eventHash } from '../../electron/services/audit/event-hash'
import { staffEventHash } from '../../electron/services/audit/staff-event-hash'

/** The kiosk's last hash as schema `version` chained it: case events from 5, staff events from 7. */
function headOf(db: Database, version: number, kioskId: string): string | null {
  const event = db.prepare('SELECT seq, hash FROM events WHERE kiosk_id = ? ORDER BY seq DESC LIMIT 1').get(kioskId) as { seq: number; hash: string | null } | undefined
  if (version < 7) return event?.hash ?? null
  const staff = db.prepare('SELECT after_event_seq AS after, hash FROM staff_events WHERE kiosk_id = ? ORDER BY seq DESC LIMIT 1').get(kioskId) as
    | { after: number; hash: string }
    | undefined
  if (staff && (!event || staff.after >= event.seq)) return staff.hash
  return event?.hash ?? null
}

function assertOld(version: number): void {
  if (version < 4 || version > 7) throw new Error(`old-schema rows are written for schemas 4–7, not ${version}: use the app's writers`)
}

/** Appends a case event as DropDesk wrote it at schema `version`. */
export function appendEventAt(db: Database, version: number, e: CaseEvent): void {
  assertOld(version)
  const row = { id: e.id, case_id: e.caseId, case_seq: e.caseSeq, type: e.type, payload: JSON.stringify(e.payload), actor: e.actor, kiosk_id: e.kioskId, at: e.at }
  if (version < 5) {
    db.prepare('INSERT INTO events (id, case_id, case_seq, type, payload, actor, kiosk_id, at) VALUES (@id, @case_id, @case_seq, @type, @payload, @actor, @kiosk_id, @at)').run(row)
    return
  }
  const linked = { ...row, prev_hash: headOf(db, version, e.kioskId) }
  db.prepare(
    `INSERT INTO events (id, case_id, case_seq, type, payload, actor, kiosk_id, at, prev_hash, hash)
     VALUES (@id, @case_id, @case_seq, @type, @payload, @actor, @kiosk_id, @at, @prev_hash, @hash)`,
  ).run({ ...linked, hash: eventHash(linked) })
}

export interface OldStaffEvent {
  staffId: string
  type: string
  payload: Record<string, unknown>
  actor: string
  kioskId: string
  at: string
}

/** Appends a staff event as DropDesk wrote it at schema `version`. */
export function appendStaffEventAt(db: Database, version: number, e: OldStaffEvent): void {
  assertOld(version)
  const row = { id: randomUUID(), staff_id: e.staffId, type: e.type, payload: JSON.stringify(e.payload), actor: e.actor, kiosk_id: e.kioskId, at: e.at }
  if (version < 7) {
    db.prepare('INSERT INTO staff_events (id, staff_id, type, payload, actor, kiosk_id, at) VALUES (@id, @staff_id, @type, @payload, @actor, @kiosk_id, @at)').run(row)
    return
  }
  const after = (db.prepare('SELECT coalesce(max(seq), 0) AS seq FROM events').get() as { seq: number }).seq
  const linked = { ...row, after_event_seq: after, prev_hash: headOf(db, version, e.kioskId) }
  db.prepare(
    `INSERT INTO staff_events (id, staff_id, type, payload, actor, kiosk_id, at, after_event_seq, prev_hash, hash)
     VALUES (@id, @staff_id, @type, @payload, @actor, @kiosk_id, @at, @after_event_seq, @prev_hash, @hash)`,
  ).run({ ...linked, hash: staffEventHash(linked) })
}

/** A staff member's row as schemas 4–7 held it (its PIN plays no part in the chain). */
export function insertStaffAt(db: Database, id: string, name: string, role: 'staff' | 'supervisor', at: string): void {
  db.prepare("INSERT INTO staff (id, name, role, pin_kdf, pin_salt, pin_hash, created_at) VALUES (?, ?, ?, 'test', X'01', X'07', ?)").run(id, name, role, at)
}
