// A smartphone warranty case with a known customer, IMEI and unlock PIN, taken through the
// intake calls to handed over, and the bookkeeping of a sync that acknowledged all of it: the
// privacy tests (export, erasure, retention, the PII canary) start from there.
import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import type { CarrierParcels, StepResult } from '@shared/contract/intake-views'
import type { ManifestRecord } from '@shared/manifest/record'
import { DB_FILE } from '../../electron/services/store/database'
import { jpeg, order, type IntakeFixture } from './intake-fixture'
import { pack } from './intake-steps'

/** A warranty repair of a smartphone for a customer named `first last`, requested 3 days ago. */
export function customerOrder(i: number, first: string, last: string): ManifestRecord {
  return order(i, { category: 'smartphone', caseType: 'warranty_repair' }, (o) => {
    o.orderDate = '2026-05-28'
    o.deliveredAt = '2026-06-01'
    o.returnRequest!.requestedAt = '2026-11-20T10:00:00Z'
    o.customer = { firstName: first, lastName: last, email: `${first.toLowerCase()}@example.com`, phone: '+33 6 12 34 56 78' }
  })
}

/** Scan to handed over, with 7 condition photos, 2 package photos and the PIN; returns the case id. */
export async function handedOverCase(f: IntakeFixture, r: ManifestRecord, pin: string, seed: number): Promise<string> {
  const caseId = await f.start(r)
  const s = f.staff
  await f.ok('intake.identify', { caseId, imei: r.item.imei }, s)
  const res = await f.ok<StepResult>('intake.decideEligibility', { caseId }, s)
  for (const [n, shot] of res.detail.intake.photoPlan!.required.entries()) {
    await f.ok('photos.capture', { caseId, purpose: 'condition', shot, mime: 'image/jpeg', data: jpeg(seed + n) }, s)
  }
  const backup = await f.ok<StepResult>('intake.backup', { caseId, kind: 'backed_up_and_removed' }, s)
  await f.ok('intake.accountDisconnected', { caseId, accounts: backup.detail.intake.accounts, proof: 'staff_confirmed' }, s)
  await f.ok('intake.providePin', { caseId, kind: 'pin', pin }, s)
  await f.ok('intake.completeEvidence', { caseId }, s)
  await pack(f, caseId, seed + 50)
  await f.ok('label.bind', { caseId, code: r.returnRequest!.trackingNumber }, s)
  const waiting = await f.ok<CarrierParcels[]>('handover.waiting', {}, s)
  const carrier = waiting.find((w) => w.parcels.some((p) => p.caseId === caseId))!.carrier
  await f.ok('handover.closeBatch', { carrier, driverAt: '09:45', scanned: [r.returnRequest!.trackingNumber] }, s)
  return caseId
}

/** Records, as the sync client does, that the central system acknowledged every event of the case at `at`. */
export function markSynced(dataDir: string, caseId: string, at: Date): void {
  const db = new BetterSqlite3(path.join(dataDir, DB_FILE))
  try {
    db.transaction(() => {
      const events = db.prepare('SELECT seq, id, case_seq FROM events WHERE case_id = ? ORDER BY seq').all(caseId) as Array<{ seq: number; id: string; case_seq: number }>
      const ack = db.prepare('INSERT OR IGNORE INTO sync_acks (seq, event_id, status, acked_at) VALUES (?, ?, 201, ?)')
      for (const e of events) ack.run(e.seq, e.id, at.toISOString())
      db.prepare('INSERT INTO sync_case_notices (case_id, through_seq, notified) VALUES (?, ?, 1)').run(caseId, events.at(-1)!.case_seq)
    })()
  } finally {
    db.close()
  }
}
