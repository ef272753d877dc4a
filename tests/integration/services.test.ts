import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { CaseDetail, CaseSummary, OrderMatch } from '@shared/contract/views'
import { createServices } from '../../electron/services'
import { openStore } from '../../electron/services/store'
import type { Services } from '../../electron/services/types'
import { makeRecord } from '../support/manifest-factory'
import { signedInSession } from '../support/staff-session'
import { tempDir } from '../support/temp-dir'

let services: Services | undefined
afterEach(() => services?.close())

async function start(records = Array.from({ length: 20 }, (_, i) => makeRecord(i))) {
  const dir = tempDir()
  const manifest = path.join(dir, 'm.jsonl')
  writeFileSync(manifest, records.map((r) => JSON.stringify(r)).join('\n'))
  services = await createServices({ dataDir: path.join(dir, 'data'), transport: 'browser', manifestFile: manifest, timeZone: 'Europe/Paris' })
  return { services, session: await signedInSession(services), records, dir }
}

describe('services behind the contract', () => {
  it('validates input at the boundary and answers with typed envelopes', async () => {
    const { services, session } = await start()
    expect(await services.dispatch('orders.lookup', {}, session)).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(await services.dispatch('orders.lookup', { code: 'A\u0000B' }, session)).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(await services.dispatch('orders.lookup', { code: 'X', extra: 1 }, session)).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(await services.dispatch('orders.lookup', { code: 'x'.repeat(300) }, session)).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(await services.dispatch('nope.nothing', {}, session)).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(await services.dispatch('__proto__', {}, session)).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    const missing = await services.dispatch('orders.lookup', { code: 'UNKNOWN-1' }, session)
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } })
    if (!missing.ok) expect(missing.error.message).toMatch(/Search by order number, customer name or tracking number/)
  })

  it('records case.started and order.verified with actor, kiosk and UTC time, once per open order', async () => {
    const { services, session, records } = await start()
    const changed: CaseSummary[] = []
    services.onEvent((name, payload) => name === 'case.changed' && changed.push(payload as CaseSummary))
    const order = records[3]!
    const found = await services.dispatch('orders.lookup', { code: order.returnRequest!.labelCode! }, session)
    expect(found.ok && (found.value as OrderMatch).order.orderNumber).toBe(order.orderNumber)

    const first = await services.dispatch('cases.start', { orderNumber: order.orderNumber, via: 'scan', code: order.returnRequest!.labelCode! }, session)
    expect(first.ok).toBe(true)
    const summary = (first as { value: CaseSummary }).value
    expect(summary.status).toBe('verified')
    expect(summary.caseNumber).toMatch(new RegExp(`^${services.kioskId}-\\d{6}-001$`))
    expect(changed.map((c) => c.id)).toEqual([summary.id])

    // A second confirm of the same order resumes the open case: nothing is duplicated.
    const again = await services.dispatch('cases.start', { orderNumber: order.orderNumber, via: 'search' }, session)
    expect((again as { value: CaseSummary }).value.id).toBe(summary.id)
    const lookup = await services.dispatch('orders.lookup', { code: order.orderNumber }, session)
    expect((lookup as { value: OrderMatch }).value.openCase?.id).toBe(summary.id)

    const detail = (await services.dispatch('cases.get', { caseId: summary.id }, session)) as { ok: true; value: CaseDetail }
    expect(detail.value.events.map((e) => [e.caseSeq, e.type])).toEqual([
      [1, 'case.started'],
      [2, 'order.verified'],
    ])
    for (const e of detail.value.events) {
      expect(e.kioskId).toBe(services.kioskId)
      expect(e.actor).toBeTruthy()
      expect(e.at).toMatch(/Z$/)
    }
    const today = (await services.dispatch('cases.today', {}, session)) as { ok: true; value: CaseSummary[] }
    expect(today.value.map((c) => c.id)).toEqual([summary.id])
    expect(today.value[0]!.customerName).toBe(`${order.customer!.firstName} ${order.customer!.lastName}`)
  })

  it('numbers cases per kiosk and day', async () => {
    const { services, session, records } = await start()
    const numbers: string[] = []
    for (const r of records.slice(0, 3)) {
      const res = (await services.dispatch('cases.start', { orderNumber: r.orderNumber, via: 'search' }, session)) as { value: CaseSummary }
      numbers.push(res.value.caseNumber)
    }
    expect(numbers.map((n) => n.slice(-3))).toEqual(['001', '002', '003'])
  })

  it('rebuilds the cases projection from the event log to the same rows', async () => {
    const { services: svc, session, records, dir } = await start()
    for (const r of records.slice(0, 8)) await svc.dispatch('cases.start', { orderNumber: r.orderNumber, via: 'search' }, session)
    svc.close()
    services = undefined
    const store = openStore(path.join(dir, 'data'))
    const snapshot = () => store.db.prepare('SELECT * FROM cases ORDER BY id').all()
    const before = snapshot()
    expect(before).toHaveLength(8)
    expect(store.cases.rebuild(store.events)).toBe(8)
    expect(snapshot()).toEqual(before)
    store.close()
  })

  it('keeps cases across a restart and refuses an unknown order', async () => {
    const { services: first, session, records, dir } = await start()
    services = undefined
    const started = (await first.dispatch('cases.start', { orderNumber: records[0]!.orderNumber, via: 'search' }, session)) as { value: CaseSummary }
    expect(await first.dispatch('cases.start', { orderNumber: 'NOT-AN-ORDER', via: 'search' }, session)).toMatchObject({ ok: false, error: { code: 'not_found' } })
    first.close()
    services = await createServices({ dataDir: path.join(dir, 'data'), transport: 'browser', timeZone: 'Europe/Paris' })
    const today = (await services.dispatch('cases.today', {}, await signedInSession(services))) as { value: CaseSummary[] }
    expect(today.value.map((c) => c.caseNumber)).toEqual([started.value.caseNumber])
  })
})
