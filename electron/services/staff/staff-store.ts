// The staff table and its append-only event log. Every change to staff is written together
// with its event in one transaction; payloads carry names and roles, never a PIN or a hash.
// Staff events are links of the kiosk's audit chain, with its case events (migration 007).
import { randomBytes, randomUUID } from 'node:crypto'
import type { Database, Statement } from 'better-sqlite3'
import { ChainHead } from '../audit/chain-head'
import { staffEventHash } from '../audit/staff-event-hash'
import type { StaffMember, StaffRole } from '@shared/contract/staff-views'
import type { PinHash } from './pin-hash'

export type StaffEventType = 'staff.first_supervisor' | 'staff.added' | 'staff.removed' | 'staff.pin_changed' | 'staff.sign_in_unlocked' | 'staff.pin_reset' | 'staff.supervisor_reset' | 'counter.carriers_changed'

export interface StaffEventRow {
  seq: number
  id: string
  staffId: string
  type: StaffEventType
  payload: Record<string, unknown>
  actor: string
  kioskId: string
  at: string
}

interface StaffRow {
  id: string
  name: string
  role: StaffRole
  pin_kdf: string
  pin_salt: Buffer
  pin_hash: Buffer
  pin_tag: string | null
  created_at: string
  removed_at: string | null
}

export interface StoredStaff extends StaffMember {
  pin: PinHash
}

const toMember = (r: StaffRow): StoredStaff => ({
  id: r.id,
  name: r.name,
  role: r.role,
  createdAt: r.created_at,
  pin: { kdf: r.pin_kdf, salt: r.pin_salt, hash: r.pin_hash, tag: r.pin_tag },
})

/** "S" and 8 characters of Crockford base32: short enough to read in an audit line. */
function newStaffId(): string {
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
  return 'S' + Array.from(randomBytes(8), (b) => alphabet[b % 32]).join('')
}

export class StaffStore {
  private readonly activeStmt: Statement
  private readonly byIdStmt: Statement
  private readonly insertStmt: Statement
  private readonly removeStmt: Statement
  private readonly pinStmt: Statement
  private readonly eventStmt: Statement
  private readonly candidatesStmt: Statement
  private readonly tagStmt: Statement
  private readonly chainHead: ChainHead

  constructor(
    private readonly db: Database,
    private readonly kioskId: string,
  ) {
    this.activeStmt = db.prepare('SELECT * FROM staff WHERE removed_at IS NULL ORDER BY role DESC, name, id')
    this.byIdStmt = db.prepare('SELECT * FROM staff WHERE id = ? AND removed_at IS NULL')
    this.insertStmt = db.prepare(
      `INSERT INTO staff (id, name, role, pin_kdf, pin_salt, pin_hash, pin_tag, created_at)
       VALUES (@id, @name, @role, @kdf, @salt, @hash, @tag, @at)`,
    )
    // The removed person's hash is wiped: their PIN is of no use to anyone any more.
    this.removeStmt = db.prepare("UPDATE staff SET removed_at = ?, pin_salt = X'', pin_hash = X'', pin_tag = NULL WHERE id = ? AND removed_at IS NULL")
    this.pinStmt = db.prepare('UPDATE staff SET pin_kdf = ?, pin_salt = ?, pin_hash = ?, pin_tag = ? WHERE id = ? AND removed_at IS NULL')
    // The holder of a tag, and anyone whose PIN was stored without a tag (no key at the time).
    this.candidatesStmt = db.prepare('SELECT * FROM staff WHERE removed_at IS NULL AND (pin_tag = ? OR pin_tag IS NULL) ORDER BY id')
    this.tagStmt = db.prepare('UPDATE staff SET pin_tag = ? WHERE id = ? AND removed_at IS NULL')
    this.chainHead = new ChainHead(db)
    this.eventStmt = db.prepare(
      `INSERT INTO staff_events (id, staff_id, type, payload, actor, kiosk_id, at, after_event_seq, prev_hash, hash)
       VALUES (@id, @staff_id, @type, @payload, @actor, @kiosk_id, @at, @after_event_seq, @prev_hash, @hash)`,
    )
  }

  active(): StoredStaff[] {
    return (this.activeStmt.all() as StaffRow[]).map(toMember)
  }

  /** Who may hold a PIN with this tag: its holder, plus staff stored without a tag. */
  candidates(tag: string): StoredStaff[] {
    return (this.candidatesStmt.all(tag) as StaffRow[]).map(toMember)
  }

  /** Records the tag of a PIN stored without one (found by a full check at sign-in). */
  setTag(id: string, tag: string): void {
    this.tagStmt.run(tag, id)
  }

  get(id: string): StoredStaff | null {
    const row = this.byIdStmt.get(id) as StaffRow | undefined
    return row ? toMember(row) : null
  }

  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM staff').get() as { n: number }).n
  }

  add(member: { name: string; role: StaffRole; pin: PinHash }, type: 'staff.first_supervisor' | 'staff.added', actor: string | null, at: string): StaffMember {
    const id = newStaffId()
    this.db.transaction(() => {
      this.insertStmt.run({ id, name: member.name, role: member.role, kdf: member.pin.kdf, salt: member.pin.salt, hash: member.pin.hash, tag: member.pin.tag ?? null, at })
      // The first supervisor is created by the kiosk itself: it is its own actor.
      this.appendEvent(id, type, { name: member.name, role: member.role }, actor ?? id, at)
    })()
    return { id, name: member.name, role: member.role, createdAt: at }
  }

  remove(id: string, actor: string, at: string): void {
    this.db.transaction(() => {
      if (this.removeStmt.run(at, id).changes !== 1) throw new Error(`staff ${id} is not active`)
      this.appendEvent(id, 'staff.removed', {}, actor, at)
    })()
  }

  setPin(id: string, pin: PinHash, actor: string, at: string): void {
    this.db.transaction(() => {
      if (this.pinStmt.run(pin.kdf, pin.salt, pin.hash, pin.tag ?? null, id).changes !== 1) throw new Error(`staff ${id} is not active`)
      this.appendEvent(id, 'staff.pin_changed', {}, actor, at)
    })()
  }

  /** Physical access at the machine sets a supervisor's PIN (the lost-PIN recovery tool). */
  resetSupervisorPin(id: string, pin: PinHash, actor: string, at: string): void {
    this.db.transaction(() => {
      if (this.pinStmt.run(pin.kdf, pin.salt, pin.hash, pin.tag ?? null, id).changes !== 1) throw new Error(`staff ${id} is not active`)
      this.appendEvent(id, 'staff.supervisor_reset', {}, actor, at)
    })()
  }

  events(): StaffEventRow[] {
    const rows = this.db.prepare('SELECT * FROM staff_events ORDER BY seq').all() as Array<Record<string, unknown>>
    return rows.map((r) => ({
      seq: r.seq as number,
      id: r.id as string,
      staffId: r.staff_id as string,
      type: r.type as StaffEventType,
      payload: JSON.parse(r.payload as string) as Record<string, unknown>,
      actor: r.actor as string,
      kioskId: r.kiosk_id as string,
      at: r.at as string,
    }))
  }

  /**
   * An event about sign-in itself (a lock lifted), or a supervisor's change to the counter's
   * settings (the carrier list), in the same audited log.
   */
  record(staffId: string, type: 'staff.sign_in_unlocked' | 'counter.carriers_changed', payload: Record<string, unknown>, actor: string, at: string): void {
    this.db.transaction(() => this.appendEvent(staffId, type, payload, actor, at))()
  }

  /** Call inside the transaction of the change it records: the chain head is read and extended in it. */
  private appendEvent(staffId: string, type: StaffEventType, payload: Record<string, unknown>, actor: string, at: string): void {
    const row = { id: randomUUID(), staff_id: staffId, type, payload: JSON.stringify(payload), actor, kiosk_id: this.kioskId, at }
    const linked = { ...row, after_event_seq: this.chainHead.afterEventSeq(), prev_hash: this.chainHead.of(this.kioskId) }
    this.eventStmt.run({ ...linked, hash: staffEventHash(linked) })
  }
}
