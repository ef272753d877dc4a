// Pulls the counter's manifest by cursor: new and changed expected returns go into the orders
// cache (source 'central'), removals leave it, and the cursor moves in the same transaction,
// so a cut pull resumes at the first page not yet applied.
import { describeIssues, manifestRecordSchema } from '@shared/manifest/record'
import type { Store } from '../store'
import type { CentralClient } from './central-client'
import { CentralOrderRemoval } from './orders-removal'
import type { SyncLedger } from './sync-ledger'

export interface PullOptions {
  pageSize: number
  now: () => Date
  onProgress: (pages: number, records: number) => void
}

export async function pullManifest(client: CentralClient, store: Store, ledger: SyncLedger, o: PullOptions): Promise<{ upserted: number; removed: number; rejected: number }> {
  const removal = new CentralOrderRemoval(store.db)
  let cursor = ledger.state('manifest.cursor') ?? '0'
  let demoChecked = false
  const totals = { upserted: 0, removed: 0, rejected: 0 }
  let pages = 0
  for (;;) {
    const page = await client.manifestPage(cursor, o.pageSize)
    const at = o.now().toISOString()
    store.db.transaction(() => {
      if (page.records.length && !demoChecked) {
        // Real expected returns arrived: demo data must never mix with them.
        store.orders.removeDemo()
        demoChecked = true
      }
      for (const { orderNumber, record } of page.records) {
        let json: unknown
        try {
          json = JSON.parse(record)
        } catch {
          json = undefined
        }
        const parsed = manifestRecordSchema.safeParse(json)
        if (!parsed.success) {
          ledger.quarantine('order', orderNumber, 422, json === undefined ? 'not valid JSON' : describeIssues(parsed.error), at)
          totals.rejected++
          continue
        }
        store.orders.put(parsed.data, record, 'central', at)
        ledger.unquarantine('order', orderNumber)
        totals.upserted++
      }
      for (const orderNumber of page.removals) if (removal.remove(orderNumber)) totals.removed++
      ledger.setState('manifest.cursor', page.cursor)
    })()
    cursor = page.cursor
    o.onProgress(++pages, totals.upserted + totals.removed)
    if (!page.more) break
  }
  return totals
}
