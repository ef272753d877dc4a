// The cases projection is off the push path (central/case-projector.ts): a push stores events
// only; the cases follow once the kiosk's pushes go quiet, and an operator read brings them up
// to date first, so it never shows a case behind its stored events. And a push repeating stored
// events (its first, plain INSERT fails on them) still stores the new ones. Real PostgreSQL, real HTTP.
import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { centralPerTest, type TestCentral } from '../support/central'

const centrals = centralPerTest()

async function enrolledToken(c: TestCentral): Promise<string> {
  const res = await fetch(`${c.url}/v1/enrol`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code: await c.createCode('C1'), kioskId: 'K1' }),
  })
  return ((await res.json()) as { token: string }).token
}

/** One case of `n` events from K1 starting at kioskSeq `from`. */
function caseEvents(n: number, from = 1): Record<string, unknown>[] {
  const caseId = randomUUID()
  return Array.from({ length: n }, (_, i) => ({
    id: randomUUID(),
    kioskSeq: from + i,
    caseId,
    caseSeq: i + 1,
    type: i === 0 ? 'case.started' : 'order.verified',
    payload: i === 0 ? { caseNumber: `K1-261122-${from}`, orderNumber: 'BM-1', caseType: 'withdrawal', via: 'scan' } : { orderNumber: 'BM-1' },
    actor: 'staff-1',
    kioskId: 'K1',
    at: '2026-11-22T09:30:00.000Z',
  }))
}

async function push(c: TestCentral, token: string, events: unknown[]): Promise<void> {
  const res = await fetch(`${c.url}/v1/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ events }),
  })
  expect(res.status).toBe(200)
}

function operatorGet<T>(c: TestCentral, url: string): Promise<T> {
  return fetch(c.url + url, { headers: { authorization: `Bearer ${c.operatorToken}` } }).then((r) => r.json() as Promise<T>)
}

const caseRows = async (c: TestCentral) => (await c.db.query<{ id: string; event_count: number }>('SELECT id, event_count FROM cases ORDER BY id')).rows

describe('central: cases projection off the push path', () => {
  it('stores a push without projecting it; an operator read projects first and shows every stored event', async () => {
    const central = await centrals.start(undefined, { projectionQuietMs: 60_000 })
    const token = await enrolledToken(central)
    const first = caseEvents(3)
    await push(central, token, first)
    expect(await caseRows(central)).toEqual([])

    const byDay = await operatorGet<{ cases: { id: string; eventCount: number }[] }>(central, '/v1/operator/cases?counter=C1&date=2026-11-22&tz=UTC')
    expect(byDay.cases.map((c) => [c.id, c.eventCount])).toEqual([[first[0]!.caseId, 3]])

    // More events of the same case and a new case: the single-case read is up to date too.
    const more = { ...caseEvents(1, 4)[0]!, caseId: first[0]!.caseId, caseSeq: 4 }
    const second = caseEvents(2, 5)
    await push(central, token, [more, ...second])
    const one = await operatorGet<{ case: { eventCount: number }; events: unknown[] }>(central, `/v1/operator/cases/${String(first[0]!.caseId)}`)
    expect(one.case.eventCount).toBe(4)
    expect(one.events).toHaveLength(4)
    expect((await caseRows(central)).map((r) => r.event_count).sort()).toEqual([2, 4])
    const cursor = await central.db.query<{ projected_seq: string }>("SELECT projected_seq FROM case_projection WHERE kiosk_id = 'K1'")
    expect(cursor.rows).toEqual([{ projected_seq: '6' }])
  })

  it('projects by itself once the kiosk’s pushes have been quiet a while', async () => {
    const central = await centrals.start(undefined, { projectionQuietMs: 100 })
    const token = await enrolledToken(central)
    const events = caseEvents(4)
    await push(central, token, events.slice(0, 2))
    await push(central, token, events.slice(2))
    const deadline = Date.now() + 10_000
    while (!(await caseRows(central)).length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50))
    expect(await caseRows(central)).toEqual([{ id: events[0]!.caseId, event_count: 4 }])
  })

  it('rebuilds a case whose event arrives late, below the cursor (a quarantined event accepted on retry)', async () => {
    const central = await centrals.start(undefined, { projectionQuietMs: 60_000 })
    const token = await enrolledToken(central)
    const [started, verified] = caseEvents(2)
    const other = caseEvents(2, 3)
    // kioskSeq 2 is held back (the centre refused it: quarantined on the kiosk); 1, 3 and 4 go.
    await push(central, token, [started, ...other])
    const path = `/v1/operator/cases/${String(started!.caseId)}`
    const before = await operatorGet<{ case: { eventCount: number; status: string } }>(central, path)
    expect(before.case).toMatchObject({ eventCount: 1, status: 'started' })

    // Accepted on retry: stored below push_seq and below the projection cursor.
    await push(central, token, [verified])
    const after = await operatorGet<{ case: { eventCount: number; status: string }; events: unknown[] }>(central, path)
    expect(after.events).toHaveLength(2)
    expect(after.case.eventCount).toBe(2)
    expect(after.case.status).not.toBe('started')
    expect((await central.db.query('SELECT count(*)::int AS n FROM projection_redo')).rows[0]).toEqual({ n: 0 })
    // The other case was not touched twice: its count is still its two events.
    const rows = new Map((await caseRows(central)).map((r) => [r.id, r.event_count]))
    expect(rows.get(String(other[0]!.caseId))).toBe(2)
  })
})

describe('central: a push that repeats stored events', () => {
  it('stores the new events of a batch that also repeats stored ones, acknowledging the repeats with 200', async () => {
    const central = await centrals.start(undefined, { projectionQuietMs: 60_000 })
    const token = await enrolledToken(central)
    const events = caseEvents(4)
    await push(central, token, events.slice(0, 2))
    // The first try (a plain INSERT) fails on the stored ids; the push runs again without losing the new ones.
    const res = await fetch(`${central.url}/v1/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ events }),
    })
    expect(((await res.json()) as { results: { status: number }[] }).results.map((r) => r.status)).toEqual([200, 200, 201, 201])
    const stored = await central.db.query<{ kiosk_seq: string }>('SELECT kiosk_seq FROM events ORDER BY received_seq')
    expect(stored.rows.map((r) => Number(r.kiosk_seq))).toEqual([1, 2, 3, 4])
    await central.projected()
    expect(await caseRows(central)).toEqual([{ id: events[0]!.caseId, event_count: 4 }])
  })
})
