// Migration 9 rebuilds sync_acks without the unique index on event_id: the acknowledgements
// recorded before it are kept as they were, and acknowledging goes on by events.seq.
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../electron/services/store/database'
import { migrate, schemaVersion } from '../../electron/services/store/migrate'
import { migrations } from '../../electron/services/store/migrations'
import { SyncLedger } from '../../electron/services/sync/sync-ledger'
import { tempDir } from '../support/temp-dir'

describe('migration 009 (sync acks by seq)', () => {
  it('keeps every recorded acknowledgement and drops only the unique index on event_id', () => {
    const db = openDatabase(path.join(tempDir(), 'k.sqlite'), { targetVersion: 0 })
    migrate(db, migrations, 8)
    const insert = db.prepare('INSERT INTO events (id, case_id, case_seq, type, payload, actor, kiosk_id, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
    const at = '2026-11-22T10:00:00.000Z'
    insert.run('e1', 'c1', 1, 'case.started', JSON.stringify({ caseNumber: 'KTEST-261122-001', orderNumber: 'BM-1', caseType: 'withdrawal', via: 'scan' }), 'staff-1', 'KTEST', at)
    insert.run('e2', 'c1', 2, 'order.verified', JSON.stringify({ orderNumber: 'BM-1' }), 'staff-1', 'KTEST', at)
    insert.run('e3', 'c1', 3, 'order.verified', JSON.stringify({ orderNumber: 'BM-1' }), 'staff-1', 'KTEST', at)
    const before = new SyncLedger(db)
    before.recordPushReply(before.nextBatch(1).map((event) => ({ event, status: 201 })), [], '2026-11-22T11:00:00.000Z', 1)
    before.recordPushReply(before.nextBatch(1).map((event) => ({ event, status: 200 })), [], '2026-11-22T11:05:00.000Z', 2)
    const acks = () => db.prepare('SELECT seq, event_id, status, acked_at FROM sync_acks ORDER BY seq').all()
    const kept = acks()
    const uniqueIndexes = () =>
      (db.prepare("SELECT name FROM pragma_index_list('sync_acks') WHERE \"unique\" = 1 AND origin = 'u'").all() as { name: string }[]).length

    expect(uniqueIndexes()).toBe(1)
    migrate(db, migrations, 9)
    expect(schemaVersion(db)).toBe(9)
    expect(acks()).toEqual(kept)
    expect(kept).toHaveLength(2)
    expect(uniqueIndexes()).toBe(0)

    // Acknowledging goes on: the same event acknowledged twice is one row; the case is synced once all are.
    const ledger = new SyncLedger(db)
    const last = ledger.nextBatch(10)
    expect(last.map((e) => e.id)).toEqual(['e3'])
    expect(ledger.recordPushReply(last.map((event) => ({ event, status: 201 })), [], '2026-11-22T12:00:00.000Z', 3)).toEqual(['c1'])
    ledger.recordPushReply(last.map((event) => ({ event, status: 200 })), [], '2026-11-22T12:01:00.000Z', 3)
    expect(acks()).toHaveLength(3)
    expect(ledger.counts().pendingEvents).toBe(0)
    db.close()
  })
})
