// Which cases retention purges, on a real data dir: only closed cases whose every event was
// acknowledged by the central system, once the supervisor's delay has passed since then. An
// unsynced case and an open case keep their data whatever their age; changing the delay is a
// supervisor's act, recorded.
import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import type { RetentionRun, RetentionView } from '@shared/contract/privacy-views'
import { DB_FILE } from '../../electron/services/store/database'
import { startIntake } from '../support/intake-fixture'
import { customerOrder, handedOverCase, markSynced } from '../support/privacy-case'

const DAY = 86_400_000

describe('retention purge', () => {
  it('purges only closed, synced cases past the delay, and records the delay changes', async () => {
    const synced = customerOrder(21, 'Ombeline', 'Sarrazac')
    const unsynced = customerOrder(22, 'Gaspard', 'Lhermitte')
    const open = customerOrder(23, 'Isaure', 'Vautrin')
    const f = await startIntake([synced, unsynced, open])
    const syncedCase = await handedOverCase(f, synced, '11112222', 0)
    await handedOverCase(f, unsynced, '33334444', 100)
    const openCase = await f.start(open)
    await f.ok('intake.identify', { caseId: openCase, imei: open.item.imei }, f.staff)
    markSynced(f.dataDir, syncedCase, f.clock.now)
    markSynced(f.dataDir, openCase, f.clock.now)

    f.clock.now = new Date(f.clock.now.getTime() + 40 * DAY)
    const boss = await f.signIn(f.supervisorPin)
    expect(await f.ok<RetentionView>('privacy.retention', {}, boss)).toMatchObject({ days: 30, due: 1 })
    expect(await f.ok<RetentionView>('privacy.setRetention', { days: 50 }, boss)).toMatchObject({ days: 50, due: 0 })
    expect((await f.fails('privacy.setRetention', { days: 0 }, boss)).code).toBe('invalid_input')
    expect(await f.ok<RetentionView>('privacy.setRetention', { days: 30 }, boss)).toMatchObject({ days: 30, due: 1 })
    expect(await f.ok<RetentionRun>('privacy.runRetention', {}, boss)).toEqual({ purgedCases: 1, walTruncated: true })
    expect(await f.ok<RetentionRun>('privacy.runRetention', {}, boss)).toMatchObject({ purgedCases: 0 })

    const db = new BetterSqlite3(path.join(f.dataDir, DB_FILE), { readonly: true })
    try {
      expect(db.prepare('SELECT case_id, reason FROM erased_cases').all()).toEqual([{ case_id: syncedCase, reason: 'retention' }])
      const events = JSON.stringify(db.prepare('SELECT payload FROM events').all())
      expect(events).not.toContain(synced.item.imei)
      expect(events).toContain(unsynced.item.imei)
      expect(events).toContain(open.item.imei)
      const orders = JSON.stringify(db.prepare('SELECT * FROM orders').all())
      expect(orders).not.toContain('Sarrazac')
      expect(orders).toContain('Lhermitte')
      expect(orders).toContain('Vautrin')
      const changes = db.prepare("SELECT actor, detail FROM privacy_log WHERE action = 'retention_changed' ORDER BY seq").all() as Array<{ actor: string; detail: string }>
      expect(changes.map((c) => [c.actor, JSON.parse(c.detail)])).toEqual([
        [boss.actor, { from: 30, to: 50 }],
        [boss.actor, { from: 50, to: 30 }],
      ])
    } finally {
      db.close()
    }
  })
})
