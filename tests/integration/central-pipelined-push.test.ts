// The central service's side of the faster sync: pipelined batches stored in the kiosk's
// order whatever order they arrive in, a batch whose predecessor never comes refused with 425,
// a revocation made behind the service's back honoured at once for events, photos made
// durable when linked, the batched photo check, and the cases projection caught up after a
// crash between a push and its projection. Real PostgreSQL, real HTTP.
import { createHash, randomBytes, randomUUID } from 'node:crypto'
import { readdirSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { CaseProjector } from '../../central/case-projector'
import { centralPerTest, type TestCentral } from '../support/central'

const centrals = centralPerTest()

async function enrol(c: TestCentral, kioskId: string): Promise<string> {
  const res = await fetch(`${c.url}/v1/enrol`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code: await c.createCode(), kioskId }),
  })
  return ((await res.json()) as { token: string }).token
}

/** `n` events of one case from kiosk K1, kioskSeq 1..n. */
function events(n: number, kioskId = 'K1'): Record<string, unknown>[] {
  const caseId = randomUUID()
  const at = new Date().toISOString()
  return Array.from({ length: n }, (_, i) => ({
    id: randomUUID(),
    kioskSeq: i + 1,
    caseId,
    caseSeq: i + 1,
    type: i === 0 ? 'case.started' : 'order.verified',
    payload: i === 0 ? { caseNumber: `${kioskId}-261122-001`, orderNumber: 'BM-1', caseType: 'withdrawal', via: 'scan' } : { orderNumber: 'BM-1' },
    actor: 'staff-1',
    kioskId,
    at,
  }))
}

function push(c: TestCentral, token: string, batch: unknown[], after?: number): Promise<Response> {
  return fetch(`${c.url}/v1/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(after === undefined ? { events: batch } : { events: batch, after }),
  })
}

async function storedOrder(c: TestCentral): Promise<number[]> {
  const r = await c.db.query<{ kiosk_seq: string }>('SELECT kiosk_seq FROM events ORDER BY received_seq')
  return r.rows.map((row) => Number(row.kiosk_seq))
}

describe('central: pipelined pushes', () => {
  it('stores a batch that arrives before the one it follows only after that one', async () => {
    const central = await centrals.start()
    const token = await enrol(central, 'K1')
    const all = events(6)
    // Batch 2 ("after" kioskSeq 3) is sent first; it waits until batch 1 is committed.
    const second = push(central, token, all.slice(3), 3)
    await new Promise((r) => setTimeout(r, 150))
    expect(await storedOrder(central)).toEqual([])
    const first = await push(central, token, all.slice(0, 3))
    expect(first.status).toBe(200)
    expect((await second).status).toBe(200)
    expect(await storedOrder(central)).toEqual([1, 2, 3, 4, 5, 6])
    await central.projected()
    const cases = await central.db.query<{ event_count: number; last_seq: number }>('SELECT event_count, last_seq FROM cases')
    expect(cases.rows).toEqual([{ event_count: 6, last_seq: 6 }])
  })

  it('refuses with 425 a batch whose predecessor never comes, storing nothing', async () => {
    const central = await centrals.start(undefined, { pushOrderWaitMs: 300 })
    const token = await enrol(central, 'K1')
    const all = events(4)
    const res = await push(central, token, all.slice(2), 2)
    expect(res.status).toBe(425)
    expect(((await res.json()) as { error: string }).error).toBe('out_of_order')
    expect(await storedOrder(central)).toEqual([])
    // Sent again as a batch that follows acknowledged events only, from the start: stored in order.
    expect((await push(central, token, all)).status).toBe(200)
    expect(await storedOrder(central)).toEqual([1, 2, 3, 4])
  })

  it('refuses events at once after a revocation made by another process, though the token is cached', async () => {
    const central = await centrals.start(undefined, { tokenCacheMs: 60_000 })
    const token = await enrol(central, 'K1')
    const all = events(2)
    expect((await push(central, token, all.slice(0, 1))).status).toBe(200)
    // As `npm run central -- revoke` does it: straight in the database, this process not told.
    await central.db.query("UPDATE kiosks SET revoked_at = now() WHERE kiosk_id = 'K1'")
    expect((await push(central, token, all.slice(1))).status).toBe(401)
    expect(await storedOrder(central)).toEqual([1])
  })

  it('acknowledges a replay with the same body in any key order (200) and refuses another body (409), comparing with the stored row', async () => {
    const central = await centrals.start()
    const token = await enrol(central, 'K1')
    const [started, verified] = events(2)
    expect((await push(central, token, [started, verified])).status).toBe(200)
    const reordered = Object.fromEntries(Object.entries(started!).reverse())
    reordered.payload = Object.fromEntries(Object.entries(started!.payload as Record<string, unknown>).reverse())
    const changed = { ...verified, payload: { orderNumber: 'BM-2' } }
    const again = await push(central, token, [reordered, changed])
    const { results } = (await again.json()) as { results: { id: string; status: number }[] }
    expect(results.map((r) => r.status)).toEqual([200, 409])
    expect(await storedOrder(central)).toEqual([1, 2])
    // Acknowledged again, not projected again.
    await central.projected()
    expect((await central.db.query('SELECT event_count FROM cases')).rows).toEqual([{ event_count: 2 }])
  })

  it('catches the cases projection up after a crash between a push and its projection', async () => {
    // No quiet-time projection of its own meanwhile: the projector of a fresh start does it.
    const central = await centrals.start(undefined, { projectionQuietMs: 60_000 })
    const token = await enrol(central, 'K1')
    expect((await push(central, token, events(5))).status).toBe(200)
    await central.projected()
    const before = await central.db.query('SELECT id, status, event_count, last_seq, state FROM cases')
    // The projection lost (as if the process died after committing the events).
    await central.db.query('DELETE FROM cases')
    await central.db.query('UPDATE case_projection SET projected_seq = 0')
    expect(await new CaseProjector(central.db).catchUpAll()).toBe(1)
    const after = await central.db.query('SELECT id, status, event_count, last_seq, state FROM cases')
    expect(after.rows).toEqual(before.rows)
    expect(before.rows).toHaveLength(1)
  })
})

describe('central: photos', () => {
  function patch(c: TestCentral, token: string, bytes: Buffer, offset = 0): Promise<Response> {
    return fetch(`${c.url}/v1/photos/${createHash('sha256').update(bytes).digest('hex')}`, {
      method: 'PATCH',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/offset+octet-stream',
        'upload-offset': String(offset),
        'upload-length': String(bytes.length),
      },
      body: offset ? bytes.subarray(offset) : bytes,
    })
  }

  it('holds an uploaded photo verified, makes it durable when it is linked, and answers where photos stand in one request', async () => {
    const central = await centrals.start()
    const token = await enrol(central, 'K1')
    const [started] = events(1)
    expect((await push(central, token, [started])).status).toBe(200)
    const photo = randomBytes(200_000)
    const sha256 = createHash('sha256').update(photo).digest('hex')
    expect((await patch(central, token, photo)).status).toBe(201)
    // Verified, not yet acknowledged as delivered: no row, not in objects/.
    expect(readdirSync(path.join(central.photosDir, 'verified'))).toEqual([sha256])
    expect((await central.db.query('SELECT sha256 FROM photos')).rows).toEqual([])

    const unknown = createHash('sha256').update('nothing').digest('hex')
    const offsets = await fetch(`${central.url}/v1/photo-offsets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ sha256: [sha256, unknown] }),
    })
    expect(await offsets.json()).toEqual({
      photos: [
        { sha256, stored: true, offset: photo.length },
        { sha256: unknown, stored: false, offset: 0 },
      ],
    })

    const link = await fetch(`${central.url}/v1/photo-links`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ links: [{ sha256, eventId: started!.id }] }),
    })
    expect(((await link.json()) as { results: { status: number }[] }).results).toEqual([expect.objectContaining({ status: 200 })])
    expect(readdirSync(path.join(central.photosDir, 'verified'))).toEqual([])
    expect(readdirSync(path.join(central.photosDir, 'objects', sha256.slice(0, 2)))).toEqual([sha256])
    expect((await central.db.query('SELECT sha256, size::int FROM photos')).rows).toEqual([{ sha256, size: photo.length }])
  })
})
