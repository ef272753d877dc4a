// The writing half of a large manifest import, in a worker thread: it owns a second
// connection to the kiosk's database and writes each batch of prepared rows in one
// transaction, while the main thread reads and validates the next lines.
import { parentPort, workerData } from 'node:worker_threads'
import { openDatabase } from '../store/database'
import { OrdersCache, type OrderRow } from '../store/orders-cache'
import { IMPORT_CACHE_KIB } from './manifest-import'

export type ToWorker = { type: 'rows'; rows: OrderRow[] } | { type: 'close' }
export type FromWorker = { type: 'written'; count: number } | { type: 'closed' } | { type: 'failed'; message: string }

const port = parentPort!
const db = openDatabase((workerData as { dbFile: string }).dbFile)
db.pragma(`cache_size = ${IMPORT_CACHE_KIB}`)
const orders = new OrdersCache(db)
const insertBatch = db.transaction((rows: OrderRow[]) => {
  for (const row of rows) orders.putRow(row)
})

port.on('message', (m: ToWorker) => {
  try {
    if (m.type === 'rows') {
      insertBatch(m.rows)
      port.postMessage({ type: 'written', count: m.rows.length } satisfies FromWorker)
    } else {
      db.close()
      port.postMessage({ type: 'closed' } satisfies FromWorker)
    }
  } catch (e) {
    port.postMessage({ type: 'failed', message: e instanceof Error ? e.message : String(e) } satisfies FromWorker)
  }
})
