// Kiosk databases with case and staff events interleaved, for the audit chain's tests: written
// through the app's own writers (EventLog, StaffStore) at the current schema, or as raw rows the
// way an older DropDesk wrote them at an older one (old-schema-rows.ts); and the tampering an
// attacker with the file would do (drop the append-only triggers, then change the log).
import { randomUUID } from 'node:crypto'
import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import type { CaseEvent } from '@shared/domain/case-events'
import { verifyChains } from '../../electron/services/audit/verify-chain'
import type { PinHash } from '../../electron/services/staff/pin-hash'
import { StaffStore } from '../../electron/services/staff/staff-store'
import { DB_FILE, openDatabase } from '../../electron/services/store/database'
import { EventLog } from '../../electron/services/store/event-log'
import { migrationsThrough } from './audit-migrations'
import { appendEventAt, appendStaffEventAt, insertStaffAt } from './old-schema-rows'
import { tempDir } from './temp-dir'

export const KIOSK = 'KTEST1'

/** A case event as the recorder would write it (valid payloads for the first two steps). */
export function caseEvent(caseId: string, caseSeq: number, kioskId = KIOSK): CaseEvent {
  return {
    id: randomUUID(),
    caseId,
    caseSeq,
    type: caseSeq === 1 ? 'case.started' : 'order.verified',
    payload: caseSeq === 1 ? { caseNumber: `${kioskId}-261122-00${caseSeq}`, orderNumber: 'BM-1', caseType: 'withdrawal', via: 'scan' } : { orderNumber: 'BM-1' },
    actor: 'counter@' + kioskId,
    kioskId,
    at: new Date(Date.UTC(2026, 10, 22, 10, 0, caseSeq)).toISOString(),
  } as CaseEvent
}

// Staff rows need a stored PIN; its value plays no part in the chain (and scrypt is slow).
const pin: PinHash = { kdf: 'test', salt: Buffer.from([1]), hash: Buffer.alloc(32, 7), tag: null }

/** One step of a seeding script: a case event, or a staff change through StaffStore. */
export type SeedStep = { case: string; caseSeq: number; kioskId?: string } | { staff: 'first_supervisor' | 'added' | 'pin_changed' | 'removed' }

/**
 * Kiosk KTEST1's chain: 1 first supervisor, 2–3 case-1, 4 Bob added, 5 case-2 started,
 * 6 Bob's PIN changed, 7 case-2 verified, 8 Bob removed; KOTHER's one event between 4 and 5.
 */
export const INTERLEAVED: readonly SeedStep[] = [
  { staff: 'first_supervisor' },
  { case: 'case-1', caseSeq: 1 },
  { case: 'case-1', caseSeq: 2 },
  { staff: 'added' },
  { case: 'case-9', caseSeq: 1, kioskId: 'KOTHER' },
  { case: 'case-2', caseSeq: 1 },
  { staff: 'pin_changed' },
  { case: 'case-2', caseSeq: 2 },
  { staff: 'removed' },
]

/** Writes the steps as raw rows of schema `version` (4–7), as the DropDesk of that schema did. */
function writeOldSteps(db: BetterSqlite3.Database, steps: readonly SeedStep[], version: number): void {
  let supervisor = ''
  let bob = ''
  const at = '2026-11-22T09:00:00.000Z'
  const staffEvent = (staffId: string, type: string, payload: Record<string, unknown>, actor: string) =>
    appendStaffEventAt(db, version, { staffId, type, payload, actor, kioskId: KIOSK, at })
  for (const step of steps) {
    if ('case' in step) appendEventAt(db, version, caseEvent(step.case, step.caseSeq, step.kioskId))
    else if (step.staff === 'first_supervisor') {
      supervisor = `S${randomUUID().slice(0, 8).toUpperCase()}`
      insertStaffAt(db, supervisor, 'Ana', 'supervisor', at)
      staffEvent(supervisor, 'staff.first_supervisor', { name: 'Ana', role: 'supervisor' }, supervisor)
    } else if (step.staff === 'added') {
      bob = `S${randomUUID().slice(0, 8).toUpperCase()}`
      insertStaffAt(db, bob, 'Bob', 'staff', at)
      staffEvent(bob, 'staff.added', { name: 'Bob', role: 'staff' }, supervisor)
    } else if (step.staff === 'pin_changed') staffEvent(bob, 'staff.pin_changed', {}, supervisor)
    else {
      db.prepare('UPDATE staff SET removed_at = ? WHERE id = ?').run(at, bob)
      staffEvent(bob, 'staff.removed', {}, supervisor)
    }
  }
}

/** Writes the steps, each in its own transaction as the app does, into an open database of the
 * current schema; or, with `version` (4–7), as raw rows of that older schema. */
export function writeSteps(db: BetterSqlite3.Database, steps: readonly SeedStep[], version?: number): void {
  if (version !== undefined) return writeOldSteps(db, steps, version)
  const log = new EventLog(db)
  const staff = new StaffStore(db, KIOSK)
  let supervisor = ''
  let bob = ''
  const at = '2026-11-22T09:00:00.000Z'
  for (const step of steps) {
    if ('case' in step) db.transaction(() => log.append(caseEvent(step.case, step.caseSeq, step.kioskId)))()
    else if (step.staff === 'first_supervisor') supervisor = staff.add({ name: 'Ana', role: 'supervisor', pin }, 'staff.first_supervisor', null, at).id
    else if (step.staff === 'added') bob = staff.add({ name: 'Bob', role: 'staff', pin }, 'staff.added', supervisor, at).id
    else if (step.staff === 'pin_changed') staff.setPin(bob, pin, supervisor, at)
    else staff.remove(bob, supervisor, at)
  }
}

/** A data dir whose database (migrated to `version`) holds the steps. */
export function seededDir(steps: readonly SeedStep[] = INTERLEAVED, version?: number): { dir: string; file: string } {
  const dir = tempDir()
  const file = path.join(dir, DB_FILE)
  const db = openDatabase(file, version === undefined ? {} : { migrations: migrationsThrough(version) })
  writeSteps(db, steps, version)
  db.close()
  return { dir, file }
}

/** Drops the append-only triggers of both logs, then runs the statements (the attacker's edit). */
export function tamper(file: string, ...statements: Array<[sql: string, ...params: unknown[]]>): void {
  const db = new BetterSqlite3(file)
  db.exec('DROP TRIGGER events_no_update; DROP TRIGGER events_no_delete; DROP TRIGGER staff_events_no_update; DROP TRIGGER staff_events_no_delete;')
  for (const [sql, ...params] of statements) db.prepare(sql).run(...params)
  db.close()
}

/** The row at a 1-based position of a table, in seq order. */
export function rowAt(file: string, table: 'events' | 'staff_events', position: number): Record<string, unknown> & { seq: number; id: string } {
  const db = new BetterSqlite3(file, { readonly: true })
  try {
    return db.prepare(`SELECT * FROM ${table} ORDER BY seq LIMIT 1 OFFSET ?`).get(position - 1) as Record<string, unknown> & { seq: number; id: string }
  } finally {
    db.close()
  }
}

export function verifyFile(file: string): ReturnType<typeof verifyChains> {
  const db = new BetterSqlite3(file, { readonly: true })
  try {
    return verifyChains(db)
  } finally {
    db.close()
  }
}
