// The one wire contract (shared/sync-protocol): the centre validates requests with its schemas
// (a refusal says what to send and what did not match, and a caller without a token learns
// that first), and the kiosk parses every reply with them: a reply that does not match is a
// clear sync error, nothing is acknowledged or quarantined on its word, and the next sync
// against a sound centre delivers everything exactly once.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { openStore } from '../../electron/services/store'
import { CentralClient, CentralError } from '../../electron/services/sync/central-client'
import { SyncClient } from '../../electron/services/sync/sync-client'
import { centralPerTest } from '../support/central'
import { startKiosk } from '../support/kiosk'
import { expectExactlyOnce } from '../support/sync-check'
import { tempDir } from '../support/temp-dir'

const centrals = centralPerTest()
const silentLog = { info: () => {}, warn: () => {}, error: () => {} }
const cleanups: (() => unknown)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

/** A server that answers every request with `status` and `body` (a central system gone wrong). */
async function answering(status: number, body: string, headers: Record<string, string> = {}): Promise<string> {
  const server: Server = createServer((req, res) => {
    req.resume()
    req.on('end', () => res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(body))
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  cleanups.push(() => new Promise((r) => server.close(r)))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

async function refusal(p: Promise<unknown>): Promise<CentralError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  )
  expect(e).toBeInstanceOf(CentralError)
  return e as CentralError
}

describe('the sync protocol, one contract', () => {
  it('refuses a request that does not match, saying what to send; a caller without a token gets 401 first', async () => {
    const central = await centrals.start()
    const enrol = await fetch(`${central.url}/v1/enrol`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: 'X', kioskId: 'no spaces allowed' }) })
    expect(enrol.status).toBe(400)
    const body = (await enrol.json()) as { error: string; message: string }
    expect(body.error).toBe('bad_request')
    expect(body.message).toMatch(/^expected \{ code, kioskId \} \(body\.kioskId: /)

    const noToken = await fetch(`${central.url}/v1/events`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"events":[]}' })
    expect(noToken.status).toBe(401)
    const manifest = await fetch(`${central.url}/v1/manifest?cursor=abc`, { headers: { authorization: 'Bearer nope' } })
    expect(manifest.status).toBe(401)
  })

  it('turns a reply that does not match the protocol into a clear error', async () => {
    const missingToken = await refusal(new CentralClient(await answering(201, '{"kioskId":"K1","counterId":"C1"}'), null).enrol('CODE', 'K1'))
    expect(missingToken.message).toMatch(/reply to POST \/v1\/enrol does not match the sync protocol \(token: /)
    expect(missingToken.retriable).toBe(true)

    const badStatus = await refusal(new CentralClient(await answering(200, '{"results":[{"id":"e1","status":"ok"}]}'), 't').pushEvents([]))
    expect(badStatus.message).toMatch(/POST \/v1\/events does not match the sync protocol \(results\.0\.status: /)

    const badPage = await refusal(new CentralClient(await answering(200, '{"records":[],"removals":[],"cursor":"next","more":false}'), 't').manifestPage('0', 10))
    expect(badPage.message).toMatch(/GET \/v1\/manifest does not match the sync protocol \(cursor: /)

    const noOffset = await refusal(new CentralClient(await answering(204, ''), 't').uploadChunk('a'.repeat(64), 0, 10, new Uint8Array(5)))
    expect(noOffset.message).toMatch(/PATCH \/v1\/photos\/:sha256 does not match the sync protocol \(Upload-Offset "undefined"/)
  })

  it('acknowledges nothing on a malformed reply, then delivers exactly once from a sound centre', async () => {
    let garble = true
    const central = await centrals.start((app) =>
      app.addHook('onSend', async (req, _reply, payload) => (garble && req.url === '/v1/events' ? JSON.stringify({ results: [{ id: 'someone-else', status: 201 }, 'x'] }) : payload)),
    )
    const dir = tempDir()
    const k = await startKiosk(dir, { orders: 3 })
    await k.startCases(3)
    k.services.close()
    const store = openStore(k.dataDir)
    const client = new SyncClient({ store, kioskId: k.services.kioskId, timeZone: 'UTC', log: silentLog, batchSize: 50, retryInBackground: false, maxAttempts: 1 })
    cleanups.push(() => {
      client.stop()
      store.close()
    })
    client.configure({ centralUrl: central.url })
    await client.enrol(await central.createCode())

    const failed = await client.sync('test')
    expect(failed.lastError?.message).toMatch(/POST \/v1\/events does not match the sync protocol/)
    expect(failed.pendingEvents).toBeGreaterThan(0)
    expect(client.quarantine()).toEqual([])

    garble = false
    const done = await client.sync('test')
    expect(done).toMatchObject({ pendingEvents: 0, lastError: null })
    await expectExactlyOnce(central.db, k.dataDir)
  })
})
