// A kiosk's sync in a process of its own, for the crash test: `node --import tsx
// tests/support/sync-child.ts DATA_DIR`. It prints "sent N" after each batch's reply came back
// and then waits SYNC_CHILD_PAUSE_MS before recording it, so a SIGKILL from the parent lands
// between the centre's commit and the kiosk's; "drained" when the outbox is empty.
import { openStore } from '../../electron/services/store'
import { SyncClient } from '../../electron/services/sync/sync-client'

const dataDir = process.argv[2]
if (!dataDir) throw new Error('usage: sync-child.ts DATA_DIR')
const pauseMs = Number(process.env.SYNC_CHILD_PAUSE_MS ?? 0)
const store = openStore(dataDir)
const kioskId = store.settings.get<string>('kiosk.id')!
const silent = { info: () => {}, warn: () => {}, error: () => {} }
let batches = 0
const client = new SyncClient({
  store,
  kioskId,
  timeZone: 'UTC',
  log: silent,
  batchSize: Number(process.env.SYNC_CHILD_BATCH ?? 25),
  backoff: { baseMs: 5, capMs: 50 },
  maxAttempts: 100,
  retryInBackground: false,
  onBatchSent: () => {
    process.stdout.write(`sent ${++batches}\n`)
    if (pauseMs) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, pauseMs)
  },
})
void client.sync('child').then((s) => {
  process.stdout.write(s.pendingEvents === 0 ? 'drained\n' : `left ${s.pendingEvents}\n`)
  store.close()
})
