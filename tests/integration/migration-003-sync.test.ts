// Migration 3 adds the sync client's tables beside a populated event log without touching it;
// and the kiosk's photo files are found from the hashes events cite (EventPhotoSource).
import { createHash } from 'node:crypto'
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../electron/services/store/database'
import { migrate, schemaVersion } from '../../electron/services/store/migrate'
import { migrations } from '../../electron/services/store/migrations'
import { EventPhotoSource } from '../../electron/services/sync/event-photo-source'
import { SyncLedger } from '../../electron/services/sync/sync-ledger'
import { tempDir } from '../support/temp-dir'

function seedEvent(db: ReturnType<typeof openDatabase>, id: string, caseId: string, seq: number, type: string, payload: unknown): void {
  db.prepare('INSERT INTO events (id, case_id, case_seq, type, payload, actor, kiosk_id, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
    id, caseId, seq, type, JSON.stringify(payload), 'staff-1', 'KTEST', '2026-11-22T10:00:00.000Z',
  )
}

describe('migration 003 (sync)', () => {
  it('adds the sync tables; the existing events become the outbox, untouched', () => {
    const db = openDatabase(path.join(tempDir(), 'k.sqlite'), { targetVersion: 0 })
    migrate(db, migrations, 2)
    seedEvent(db, 'e1', 'c1', 1, 'case.started', { caseNumber: 'KTEST-261122-001', orderNumber: 'BM-1', caseType: 'withdrawal', via: 'scan' })
    seedEvent(db, 'e2', 'c1', 2, 'order.verified', { orderNumber: 'BM-1' })
    migrate(db, migrations, 3)
    expect(schemaVersion(db)).toBe(3)
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name)
    expect(tables).toEqual(expect.arrayContaining(['sync_acks', 'sync_quarantine', 'sync_photos', 'sync_state', 'sync_case_notices']))
    const ledger = new SyncLedger(db)
    expect(ledger.counts()).toEqual({ pendingEvents: 2, pendingPhotos: 0, quarantined: 0 })
    expect(ledger.nextBatch(10).map((e) => [e.id, e.kioskSeq])).toEqual([['e1', 1], ['e2', 2]])
    // Acknowledging never writes to the append-only log.
    const synced = ledger.recordPushReply(ledger.nextBatch(10).map((event) => ({ event, status: 201 })), [], '2026-11-22T11:00:00.000Z', 2)
    expect(synced).toEqual(['c1'])
    expect(ledger.counts().pendingEvents).toBe(0)
    expect((db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n).toBe(2)
    db.close()
  })

  it('finds the photo files events cite by SHA-256', () => {
    const dir = tempDir()
    const db = openDatabase(path.join(dir, 'k.sqlite'))
    const bytes = Buffer.from('a photo')
    const sha = createHash('sha256').update(bytes).digest('hex')
    mkdirSync(path.join(dir, 'photos', sha.slice(0, 2)), { recursive: true })
    writeFileSync(path.join(dir, 'photos', sha.slice(0, 2), `${sha}.jpg`), bytes)
    seedEvent(db, 'p1', 'c1', 1, 'photo.captured', { shot: 'back', sha256: sha, size: bytes.length, mime: 'image/jpeg' })
    seedEvent(db, 'p2', 'c1', 2, 'photo.captured', { shot: 'left', sha256: 'f'.repeat(64), size: 1, mime: 'image/jpeg' })
    seedEvent(db, 'p3', 'c1', 3, 'order.verified', { orderNumber: 'BM-1' })
    const source = new EventPhotoSource(db, path.join(dir, 'photos'))
    expect(source.photosFor(['p1', 'p2', 'p3', 'missing'])).toEqual([
      { eventId: 'p1', caseId: 'c1', sha256: sha, path: path.join(dir, 'photos', sha.slice(0, 2), `${sha}.jpg`) },
    ])
    db.close()
  })
})
