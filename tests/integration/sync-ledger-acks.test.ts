// The kiosk records a reply's acknowledgements by runs of log rows (one statement each) when
// the run is all the log holds between its ends, else row by row: either way exactly the
// acknowledged events get a row, with their own status, and the refused ones none.
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../electron/services/store/database'
import { SyncLedger } from '../../electron/services/sync/sync-ledger'
import { tempDir } from '../support/temp-dir'

describe('sync ledger: acknowledgements', () => {
  it('records runs, mixed statuses and a refusal in the middle exactly', () => {
    const db = openDatabase(path.join(tempDir(), 'k.sqlite'))
    const insert = db.prepare('INSERT INTO events (id, case_id, case_seq, type, payload, actor, kiosk_id, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
    for (let i = 1; i <= 8; i++) insert.run(`e${i}`, 'c1', i, 'order.verified', JSON.stringify({ orderNumber: 'BM-1' }), 'staff-1', 'KTEST', '2026-11-22T10:00:00.000Z')
    const ledger = new SyncLedger(db)
    const batch = ledger.nextBatch(8)
    const statuses = [201, 201, 200, 201, 422, 201, 201, 200]
    ledger.recordPushReply(
      batch.map((event, i) => ({ event, status: statuses[i]!, ...(statuses[i]! >= 300 ? { reason: 'bad payload' } : {}) })),
      [],
      '2026-11-22T11:00:00.000Z',
      8,
    )
    const acks = db.prepare('SELECT seq, event_id AS id, status FROM sync_acks ORDER BY seq').all()
    expect(acks).toEqual(
      statuses.flatMap((status, i) => (status < 300 ? [{ seq: batch[i]!.kioskSeq, id: `e${i + 1}`, status }] : [])),
    )
    expect(ledger.quarantined().map((q) => q.ref)).toEqual(['e5'])
    // The same reply recorded again (a replay) adds nothing.
    ledger.recordPushReply(batch.slice(0, 4).map((event) => ({ event, status: 200 })), [], '2026-11-22T12:00:00.000Z', 8)
    expect(db.prepare('SELECT seq, event_id AS id, status FROM sync_acks ORDER BY seq').all()).toEqual(acks)
    db.close()
  })
})
