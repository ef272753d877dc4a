// The kiosk's pipelined push against the reference central service on a real PostgreSQL:
// batches are sent before the previous reply came back, yet the centre holds every event once,
// in the kiosk's order — also when a batch is refused whole before the centre stored it all,
// so that the batch behind it is refused with 425 and sent again.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { openStore } from '../../electron/services/store'
import { SyncClient } from '../../electron/services/sync/sync-client'
import { startCentral, type TestCentral } from '../support/central'
import { startKiosk } from '../support/kiosk'
import { startPostgres, type PgCluster } from '../support/postgres'
import { expectExactlyOnce, localEvents } from '../support/sync-check'
import { tempDir } from '../support/temp-dir'

const silentLog = { info: () => {}, warn: () => {}, error: () => {} }
let cluster: PgCluster
const cleanups: (() => unknown)[] = []
beforeAll(async () => {
  cluster = await startPostgres()
})
afterAll(() => cluster.stop())
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

async function syncedKiosk(c: TestCentral, cases: number, pushDepth: number): Promise<{ dataDir: string; client: SyncClient }> {
  const k = await startKiosk(tempDir(), { orders: cases })
  await k.startCases(cases)
  k.services.close()
  const store = openStore(k.dataDir)
  const client = new SyncClient({ store, kioskId: k.services.kioskId, timeZone: 'UTC', log: silentLog, batchSize: 7, pushDepth, backoff: { baseMs: 2, capMs: 20 }, maxAttempts: 20, retryInBackground: false })
  cleanups.push(() => {
    client.stop()
    store.close()
  })
  client.configure({ centralUrl: c.url })
  await client.enrol(await c.createCode())
  return { dataDir: k.dataDir, client }
}

describe('pipelined push', () => {
  it('keeps several batches in flight and delivers every event once, in order', async () => {
    let inFlight = 0
    let most = 0
    const c = await startCentral(cluster, (app) => {
      app.addHook('onRequest', async (req) => {
        if (req.url !== '/v1/events') return
        most = Math.max(most, ++inFlight)
      })
      app.addHook('onResponse', async (req) => {
        if (req.url === '/v1/events') inFlight--
      })
    })
    cleanups.push(() => c.close())
    const { dataDir, client } = await syncedKiosk(c, 30, 3)
    const s = await client.sync('test')
    expect(s).toMatchObject({ pendingEvents: 0, lastError: null })
    expect(most).toBeGreaterThan(1)
    expect(await expectExactlyOnce(c.db, dataDir)).toBe(60)
  })

  it('sends again a batch refused with 425 after the batch before it was refused whole and narrowed down', async () => {
    let poisonId = ''
    let tooEarly = 0
    const c = await startCentral(
      cluster,
      (app) => {
        // A request carrying the poison event is refused whole (400): the kiosk narrows that
        // batch down, the poison (its last event) is never stored, so the batch behind it, sent
        // "after" it, waits in vain and gets 425; the kiosk then sends it again.
        app.addHook('preHandler', async (req, reply) => {
          const body = req.body as { events?: { id?: string }[] } | undefined
          if (req.url === '/v1/events' && body?.events?.some((e) => e.id === poisonId)) return reply.code(400).send({ error: 'bad_request', message: 'simulated refusal' })
        })
        app.addHook('onResponse', async (req, reply) => {
          if (req.url === '/v1/events' && reply.statusCode === 425) tooEarly++
        })
      },
      { pushOrderWaitMs: 200 },
    )
    cleanups.push(() => c.close())
    const { dataDir, client } = await syncedKiosk(c, 30, 3)
    poisonId = localEvents(dataDir)[13]!.id // the last event of the second batch of 7
    const s = await client.sync('test')
    expect(s).toMatchObject({ pendingEvents: 0, quarantined: 1, lastError: null })
    expect(client.quarantine()).toEqual([expect.objectContaining({ kind: 'event', ref: poisonId, status: 400 })])
    expect(tooEarly).toBeGreaterThan(0)
    expect(await expectExactlyOnce(c.db, dataDir, { except: [poisonId] })).toBe(59)
  })
})
