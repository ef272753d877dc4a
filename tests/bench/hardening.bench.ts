// What the hardening costs: PRAGMA quick_check at start-up on a large orders cache, appending
// hash-chained events, verifying the chain, and one redacted log line written to the rotating
// file. Figures only; nothing here fails on a time. BENCH_ORDERS / BENCH_EVENTS override sizes.
import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { CaseEvent } from '@shared/domain/case-events'
import { ChainHead } from '../../electron/services/audit/chain-head'
import { verifyChains } from '../../electron/services/audit/verify-chain'
import { createLog, logSink } from '../../electron/services/log'
import { quickCheck } from '../../electron/services/store/corruption'
import { DB_FILE, openDatabase } from '../../electron/services/store/database'
import { EventLog } from '../../electron/services/store/event-log'
import { OrdersCache } from '../../electron/services/store/orders-cache'
import { makeRecord, recordLine } from '../support/manifest-factory'

const ORDERS = Number(process.env.BENCH_ORDERS ?? 200_000)
const EVENTS = Number(process.env.BENCH_EVENTS ?? 20_000)

const ms = (t: number) => `${(performance.now() - t).toFixed(0)} ms`

function main(): void {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dropdesk-bench-harden-'))
  try {
    const file = path.join(dir, DB_FILE)
    let db = openDatabase(file)
    const orders = new OrdersCache(db)
    const at = new Date().toISOString()
    db.transaction(() => {
      for (let i = 0; i < ORDERS; i++) orders.put(makeRecord(i), recordLine(i), 'import', at)
    })()
    db.close()

    let t = performance.now()
    db = openDatabase(file)
    const openMs = performance.now() - t
    t = performance.now()
    const damage = quickCheck(db)
    console.log(
      `start-up with ${ORDERS.toLocaleString('en')} orders (${(statSync(file).size / 1e6).toFixed(0)} MB): open incl. quick_check ${openMs.toFixed(0)} ms; quick_check alone ${ms(t)} (${damage ?? 'ok'})`,
    )

    const log = new EventLog(db)
    const append = db.transaction((i: number) =>
      log.append({
        id: randomUUID(),
        caseId: `case-${Math.floor(i / 4)}`,
        caseSeq: (i % 4) + 1,
        type: 'order.verified',
        payload: { orderNumber: `BM-${i}` },
        actor: 'bench',
        kioskId: 'KBENCH',
        at: new Date().toISOString(),
      } as CaseEvent),
    )
    t = performance.now()
    for (let i = 0; i < EVENTS; i++) append(i)
    const appendMs = performance.now() - t
    console.log(`append ${EVENTS.toLocaleString('en')} hash-chained events, one transaction each (synchronous=FULL): ${((appendMs * 1000) / EVENTS).toFixed(0)} µs/event`)
    // Every append (case or staff) reads the kiosk's chain head: its last case and last staff event.
    const head = new ChainHead(db)
    const lookups = 100_000
    t = performance.now()
    for (let i = 0; i < lookups; i++) head.of('KBENCH')
    console.log(`chain head lookup (last case and last staff event of the kiosk): ${(((performance.now() - t) * 1000) / lookups).toFixed(1)} µs`)
    t = performance.now()
    const report = verifyChains(db)
    console.log(`verify the chain of ${report.checked.events?.toLocaleString('en')} events: ${ms(t)} (${report.ok ? 'intact' : 'BROKEN'})`)
    db.close()

    const line = createLog('bench', logSink(dir, undefined, () => {}))
    const n = 20_000
    t = performance.now()
    for (let i = 0; i < n; i++) line.info('case started', { caseId: `c-${i}`, customer: { firstName: 'Ana', lastName: 'B' }, imei: '356938035643809' })
    console.log(`redacted log line to the rotating file: ${(((performance.now() - t) * 1000) / n).toFixed(1)} µs/line`)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

main()
