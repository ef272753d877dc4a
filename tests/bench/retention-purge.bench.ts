// What the retention purge costs: a night's run over many closed, synced cases (each with an
// IMEI event, a sealed PIN row and an order with a customer), the chain verified after it, and
// the WAL truncated. Figures only; nothing here fails on a time. BENCH_PURGE_CASES overrides.
import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { CaseEvent } from '@shared/domain/case-events'
import { verifyChains } from '../../electron/services/audit/verify-chain'
import { PhotoStore } from '../../electron/services/photos/photo-store'
import { CaseEraser } from '../../electron/services/privacy/case-eraser'
import { CustomerData } from '../../electron/services/privacy/customer-data'
import { PrivacyLog } from '../../electron/services/privacy/privacy-log'
import { PrivacyService } from '../../electron/services/privacy/privacy-service'
import { DB_FILE, openDatabase } from '../../electron/services/store/database'
import { EventLog } from '../../electron/services/store/event-log'
import { OrdersCache } from '../../electron/services/store/orders-cache'
import { Settings } from '../../electron/services/store/settings'
import { makeRecord, recordLine } from '../support/manifest-factory'

const CASES = Number(process.env.BENCH_PURGE_CASES ?? 5_000)
const silent = { info: () => {}, warn: () => {}, error: () => {} }
const ms = (t: number) => `${(performance.now() - t).toFixed(0)} ms`

function main(): void {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dropdesk-bench-purge-'))
  try {
    const db = openDatabase(path.join(dir, DB_FILE))
    const orders = new OrdersCache(db)
    const log = new EventLog(db)
    const syncedAt = '2026-10-01T12:00:00.000Z'
    db.transaction(() => {
      for (let i = 0; i < CASES; i++) {
        const r = makeRecord(i, { category: 'smartphone' })
        orders.put(r, recordLine(i), 'import', syncedAt)
        const caseId = `case-${i}`
        const ev = (caseSeq: number, type: string, payload: object): CaseEvent =>
          ({ id: randomUUID(), caseId, caseSeq, type, payload, actor: 'bench', kioskId: 'KBENCH', at: syncedAt }) as CaseEvent
        log.append(ev(1, 'case.started', { caseNumber: `KBENCH-${i}`, orderNumber: r.orderNumber, caseType: 'withdrawal', via: 'scan' }))
        log.append(ev(2, 'device.identified', { category: 'smartphone', imei: r.item.imei, imeiMatch: 'match', serialMatch: 'not_entered' }))
        log.append(ev(3, 'handed_over', { batchId: 'B1', carrier: 'UPS', localDate: '2026-10-01' }))
        db.prepare(`INSERT INTO cases (id, case_number, order_number, case_type, status, started_at, updated_at, state) VALUES (?, ?, ?, 'withdrawal', 'handed_over', ?, ?, ?)`).run(
          caseId, `KBENCH-${i}`, r.orderNumber, syncedAt, syncedAt, JSON.stringify({ identity: { imei: r.item.imei } }),
        )
        db.prepare("INSERT INTO case_secrets (case_id, kind, sealed, stored_at) VALUES (?, 'pin', 'v1.sealed', ?)").run(caseId, syncedAt)
        db.prepare('INSERT INTO sync_acks (seq, event_id, status, acked_at) SELECT seq, id, 201, ? FROM events WHERE case_id = ?').run(syncedAt, caseId)
        db.prepare('INSERT INTO sync_case_notices (case_id, through_seq, notified) VALUES (?, 3, 1)').run(caseId)
      }
    })()
    const photos = new PhotoStore(dir)
    const service = new PrivacyService({
      db,
      settings: new Settings(db),
      kioskId: 'KBENCH',
      now: () => new Date('2026-12-01T03:30:00.000Z'),
      log: silent,
      eraser: new CaseEraser(db, photos),
      customers: new CustomerData(db, orders, photos),
      audit: new PrivacyLog(db, 'KBENCH'),
    })
    const before = statSync(path.join(dir, DB_FILE)).size
    let t = performance.now()
    const due = service.retentionView().due
    console.log(`retention: find ${due.toLocaleString('en')} due cases: ${ms(t)}`)
    t = performance.now()
    const run = service.runRetention()
    const runMs = performance.now() - t
    console.log(
      `retention purge of ${run.purgedCases.toLocaleString('en')} cases (events, projection, PIN, order, secure_delete, WAL truncated: ${run.walTruncated}): ${runMs.toFixed(0)} ms, ${((runMs * 1000) / Math.max(1, run.purgedCases)).toFixed(0)} µs/case; database ${(before / 1e6).toFixed(1)} MB`,
    )
    t = performance.now()
    const report = verifyChains(db)
    console.log(`verify the chain of ${report.checked.events?.toLocaleString('en')} events after the purge: ${ms(t)} (${report.ok ? 'intact' : 'BROKEN'})`)
    db.close()
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

main()
