// Erasure and sync against the reference central service on a real PostgreSQL: a case erased
// before it was synced is delivered with its erased markers (accepted, nothing quarantined, no
// photo of it uploaded); a case erased after its sync is not sent again, and a further sync
// finds nothing to send and nothing in conflict.
import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import type { ErasureReport } from '@shared/contract/privacy-views'
import type { SyncStatusView } from '@shared/contract/sync-views'
import { DB_FILE } from '../../electron/services/store/database'
import { centralPerTest } from '../support/central'
import { startIntake } from '../support/intake-fixture'
import { customerOrder, handedOverCase } from '../support/privacy-case'

const centrals = centralPerTest()

describe('erasure and the sync to the central system', () => {
  it('delivers erased markers, never re-sends an erased synced case, and never conflicts', async () => {
    const early = customerOrder(11, 'Anselme', 'Trouvadec')
    const late = customerOrder(12, 'Philomène', 'Bracquemond')
    const f = await startIntake([early, late])
    const earlyCase = await handedOverCase(f, early, '24681357', 0)
    const lateCase = await handedOverCase(f, late, '13572468', 100)
    await f.ok('privacy.erase', { orderNumber: early.orderNumber, confirm: true }, f.boss)

    const central = await centrals.start()
    await f.ok('sync.configure', { centralUrl: central.url }, f.boss)
    await f.ok('sync.enrol', { code: await central.createCode() }, f.boss)
    const done = await f.ok<SyncStatusView>('sync.now', {}, f.boss)
    expect(done).toMatchObject({ pendingEvents: 0, pendingPhotos: 0, quarantined: 0, lastError: null })

    const identified = await central.db.query<{ case_id: string; payload: Record<string, unknown> }>("SELECT case_id, payload FROM events WHERE type = 'device.identified'")
    const byCase = new Map(identified.rows.map((r) => [r.case_id, r.payload]))
    expect(byCase.get(earlyCase)).toMatchObject({ imei: { erased: true, digest: expect.stringMatching(/^[0-9a-f]{64}$/) }, imeiMatch: 'match' })
    expect(byCase.get(lateCase)).toMatchObject({ imei: late.item.imei })
    // The erased case's photos never left the kiosk; the other case's 9 did.
    const photos = await central.db.query<{ case_id: string; n: string }>('SELECT case_id, count(*) AS n FROM photo_links GROUP BY case_id')
    expect(photos.rows.map((r) => [r.case_id, Number(r.n)])).toEqual([[lateCase, 9]])
    const local = new BetterSqlite3(path.join(f.dataDir, DB_FILE), { readonly: true })
    const synced = local.prepare('SELECT case_id FROM sync_case_notices ORDER BY case_id').all() as Array<{ case_id: string }>
    local.close()
    expect(synced.map((r) => r.case_id).sort()).toEqual([earlyCase, lateCase].sort())

    // Erased after its sync: nothing is sent again, nothing conflicts.
    const erased = await f.ok<ErasureReport>('privacy.erase', { orderNumber: late.orderNumber, confirm: true }, f.boss)
    expect(erased.eventsErased).toBe(1)
    const again = await f.ok<SyncStatusView>('sync.now', {}, f.boss)
    expect(again).toMatchObject({ pendingEvents: 0, quarantined: 0, lastError: null })
    const count = await central.db.query<{ n: string }>('SELECT count(*) AS n FROM events')
    const kioskCount = new BetterSqlite3(path.join(f.dataDir, DB_FILE), { readonly: true })
    expect(Number(count.rows[0]!.n)).toBe((kioskCount.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n)
    kioskCount.close()
  })
})
