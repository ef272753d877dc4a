// The central service refuses a kiosk without a valid token, with a revoked token, or with
// another kiosk's token, and stores nothing in each case.
import { createHash, randomBytes } from 'node:crypto'
import { readdirSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startCentral, type TestCentral } from '../support/central'
import { startPostgres, type PgCluster } from '../support/postgres'

let cluster: PgCluster
let central: TestCentral
beforeAll(async () => {
  cluster = await startPostgres()
  central = await startCentral(cluster)
})
afterAll(async () => {
  await central.close()
  cluster.stop()
})

async function enrol(kioskId: string, code?: string): Promise<Response> {
  return fetch(`${central.url}/v1/enrol`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code: code ?? (await central.createCode()), kioskId }),
  })
}

async function tokenFor(kioskId: string): Promise<string> {
  return ((await (await enrol(kioskId)).json()) as { token: string }).token
}

const event = (kioskId: string) => ({
  id: `ev-${kioskId}-${Math.random()}`,
  kioskSeq: 1,
  caseId: `case-${kioskId}`,
  caseSeq: 1,
  type: 'case.started',
  payload: { caseNumber: `${kioskId}-261122-001`, orderNumber: 'BM-1', caseType: 'withdrawal', via: 'scan' },
  actor: 'staff-1',
  kioskId,
  at: new Date().toISOString(),
})

function push(kioskId: string, token?: string): Promise<Response> {
  return fetch(`${central.url}/v1/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ events: [event(kioskId)] }),
  })
}

function upload(token?: string): Promise<Response> {
  const bytes = randomBytes(1000)
  return fetch(`${central.url}/v1/photos/${createHash('sha256').update(bytes).digest('hex')}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/offset+octet-stream', 'upload-offset': '0', 'upload-length': '1000', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: bytes,
  })
}

async function storedCounts(): Promise<{ events: number; cases: number; photos: number; files: number }> {
  const r = await central.db.query<{ events: number; cases: number; photos: number }>(
    'SELECT (SELECT count(*)::int FROM events) AS events, (SELECT count(*)::int FROM cases) AS cases, (SELECT count(*)::int FROM photos) AS photos',
  )
  const files = ['partial', 'verified', 'objects'].reduce((n, dir) => n + readdirSync(path.join(central.photosDir, dir)).length, 0)
  return { ...r.rows[0]!, files }
}

describe('central auth', () => {
  it('refuses no token, an unknown token, a revoked token and another kiosk’s token; stores nothing', async () => {
    const a = await tokenFor('KAAAA')
    const b = await tokenFor('KBBBB')
    expect((await push('KAAAA')).status).toBe(401)
    expect((await push('KAAAA', 'dd_not-a-token')).status).toBe(401)
    expect((await upload()).status).toBe(401)
    expect((await fetch(`${central.url}/v1/manifest`)).status).toBe(401)
    // Kiosk B's token with kiosk A's events.
    expect((await push('KAAAA', b)).status).toBe(403)

    const revoke = await fetch(`${central.url}/v1/operator/kiosks/KAAAA/revoke`, { method: 'POST', headers: { authorization: `Bearer ${central.operatorToken}` } })
    expect(revoke.status).toBe(200)
    expect((await push('KAAAA', a)).status).toBe(401)
    expect((await upload(a)).status).toBe(401)
    expect(await storedCounts()).toEqual({ events: 0, cases: 0, photos: 0, files: 0 })

    // B is unaffected; A enrolled again works with its new token only.
    expect((await push('KBBBB', b)).status).toBe(200)
    const a2 = await tokenFor('KAAAA')
    expect((await push('KAAAA', a2)).status).toBe(200)
    expect((await push('KAAAA', a)).status).toBe(401)
    expect((await storedCounts()).events).toBe(2)
  })

  it('uses an enrolment code once, and keeps operator routes for the operator', async () => {
    const code = await central.createCode()
    expect((await enrol('KCCCC', code)).status).toBe(201)
    const again = await enrol('KDDDD', code)
    expect(again.status).toBe(403)
    expect(((await again.json()) as { message: string }).message).toMatch(/already used/)
    expect((await enrol('KDDDD', 'ZZZZ-ZZZZ-ZZZZ')).status).toBe(403)
    const kioskToken = await tokenFor('KEEEE')
    for (const token of [undefined, kioskToken]) {
      const r = await fetch(`${central.url}/v1/operator/enrolment-codes`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ counterId: 'C1' }),
      })
      expect(r.status).toBe(403)
    }
    const made = await fetch(`${central.url}/v1/operator/enrolment-codes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${central.operatorToken}` },
      body: JSON.stringify({ counterId: 'C9' }),
    })
    const { code: opCode } = (await made.json()) as { code: string }
    const enrolled = (await (await enrol('KFFFF', opCode.toLowerCase().replace(/-/g, ' '))).json()) as { counterId: string }
    expect(enrolled.counterId).toBe('C9')
    expect((await fetch(`${central.url}/v1/health`)).status).toBe(200)
  })
})
