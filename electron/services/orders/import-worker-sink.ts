// An OrderSink that hands batches to import-worker.js (built next to this bundle). At most
// two batches are in flight: the reader waits rather than queueing a whole file in memory.
import { Worker } from 'node:worker_threads'
import type { OrderRow } from '../store/orders-cache'
import type { FromWorker, ToWorker } from './import-worker'
import type { OrderSink } from './manifest-import'

const MAX_IN_FLIGHT = 2

export function workerSink(workerFile: string, dbFile: string): OrderSink {
  const worker = new Worker(workerFile, { workerData: { dbFile } })
  let inFlight = 0
  let failure: Error | null = null
  let wake: (() => void) | null = null
  let closed: (() => void) | null = null

  const settle = () => {
    const w = wake
    wake = null
    w?.()
  }
  worker.on('message', (m: FromWorker) => {
    if (m.type === 'written') inFlight--
    else if (m.type === 'closed') closed?.()
    else failure = new Error(`writing the orders failed: ${m.message}`)
    settle()
  })
  worker.on('error', (e) => {
    failure = e
    settle()
    closed?.()
  })

  const waitBelow = async (limit: number) => {
    while (inFlight >= limit && !failure) await new Promise<void>((r) => (wake = r))
    if (failure) throw failure
  }

  return {
    async write(rows: OrderRow[]) {
      await waitBelow(MAX_IN_FLIGHT)
      inFlight++
      worker.postMessage({ type: 'rows', rows } satisfies ToWorker)
    },
    async close() {
      await waitBelow(1)
      await new Promise<void>((r) => {
        closed = r
        worker.postMessage({ type: 'close' } satisfies ToWorker)
      })
      await worker.terminate()
      if (failure) throw failure
    },
  }
}
