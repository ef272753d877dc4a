// Manifest pull by cursor, 100,000 records: the first pull fills the orders cache (and drops
// the demo data), the next one transfers only what changed, and removals leave the cache.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { removeOrders, upsertManifest } from '../../central/manifest-store'
import { createServices } from '../../electron/services'
import { openStore } from '../../electron/services/store'
import { CentralClient } from '../../electron/services/sync/central-client'
import { pullManifest } from '../../electron/services/sync/manifest-pull'
import { SyncLedger } from '../../electron/services/sync/sync-ledger'
import { SyncClient } from '../../electron/services/sync/sync-client'
import { startCentral } from '../support/central'
import { makeRecord, recordLine } from '../support/manifest-factory'
import { startPostgres, type PgCluster } from '../support/postgres'
import { tempDir } from '../support/temp-dir'

const N = 100_000
const silentLog = { info: () => {}, warn: () => {}, error: () => {} }
let cluster: PgCluster
beforeAll(async () => {
  cluster = await startPostgres()
})
afterAll(() => cluster.stop())

describe('manifest pull', () => {
  it('pulls 100,000 records, then only the changes, applying removals', async () => {
    const central = await startCentral(cluster)
    const dir = tempDir()
    const services = await createServices({ dataDir: dir, transport: 'browser', timeZone: 'Europe/Paris' })
    const kioskId = services.kioskId
    services.close()
    const store = openStore(dir)
    try {
      expect(store.orders.count('demo')).toBeGreaterThan(0)
      // Loaded straight into the table (upsertManifest validates each record, which is not what
      // this test measures; the changes below go through it).
      const lines = Array.from({ length: N }, (_, i) => recordLine(i))
      await central.db.query(
        `INSERT INTO manifest (counter_id, order_number, record, version)
         SELECT 'C1', o, r, nextval('manifest_version') FROM unnest($1::text[], $2::text[]) AS t(o, r)`,
        [lines.map((l) => (JSON.parse(l) as { orderNumber: string }).orderNumber), lines],
      )
      // Another counter's orders never reach this kiosk.
      await upsertManifest(central.db, 'C2', [recordLine(N + 1), recordLine(N + 2)])

      const client = new SyncClient({ store, kioskId, timeZone: 'UTC', log: silentLog, manifestPageSize: 10_000, retryInBackground: false })
      client.configure({ centralUrl: central.url })
      await client.enrol(await central.createCode('C1'))
      const first = await client.sync('test')
      expect(first.lastError).toBeNull()
      expect(store.orders.count('central')).toBe(N)
      expect(store.orders.count('demo')).toBe(0)
      expect(store.orders.get(makeRecord(N + 1).orderNumber)).toBeNull()
      expect(store.orders.findByCode(makeRecord(4242).returnRequest?.labelCode ?? makeRecord(4242).orderNumber)?.record.orderNumber).toBe(makeRecord(4242).orderNumber)

      // Changes at the centre: 100 changed, 10 new, 50 removed.
      const changed = Array.from({ length: 100 }, (_, i) => ({ ...makeRecord(i * 7), marketplace: 'Changed Market' }))
      await upsertManifest(central.db, 'C1', [...changed.map((r) => JSON.stringify(r)), ...Array.from({ length: 10 }, (_, i) => recordLine(N + 10 + i))])
      const removed = Array.from({ length: 50 }, (_, i) => makeRecord(50_000 + i).orderNumber)
      expect(await removeOrders(central.db, 'C1', removed)).toBe(50)

      const ledger = new SyncLedger(store.db)
      const token = store.settings.get<string>('sync.token')!
      const second = await pullManifest(new CentralClient(central.url, token), store, ledger, { pageSize: 10_000, now: () => new Date(), onProgress: () => {} })
      expect(second).toEqual({ upserted: 110, removed: 50, rejected: 0 })
      expect(store.orders.count('central')).toBe(N + 10 - 50)
      expect(store.orders.get(changed[3]!.orderNumber)?.record.marketplace).toBe('Changed Market')
      for (const o of removed.slice(0, 5)) expect(store.orders.get(o)).toBeNull()
      // Nothing new: an empty page, the cursor stays.
      const cursor = ledger.state('manifest.cursor')
      expect(await pullManifest(new CentralClient(central.url, token), store, ledger, { pageSize: 10_000, now: () => new Date(), onProgress: () => {} })).toEqual({ upserted: 0, removed: 0, rejected: 0 })
      expect(ledger.state('manifest.cursor')).toBe(cursor)
      client.stop()
    } finally {
      store.close()
      await central.close()
    }
  })
})
