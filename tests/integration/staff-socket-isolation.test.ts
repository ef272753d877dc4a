// Over the real browser-mode socket: a screen nobody signed in to, or a customer's, receives no
// case data by push events and reaches no staff call; a signed-in staff screen gets both.
import { afterEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { startHost, type RunningHost } from '../support/host'
import { tempDir } from '../support/temp-dir'

let host: RunningHost | undefined
afterEach(async () => host?.kill())

interface Client {
  call(name: string, input: unknown): Promise<{ ok: boolean; error?: { code: string }; value?: unknown }>
  events: string[]
  close(): void
}

async function client(h: RunningHost): Promise<Client> {
  const ws = new WebSocket(`${h.origin.replace('http', 'ws')}/api?token=${h.token}`, { headers: { Origin: h.origin } })
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject))
  const events: string[] = []
  const waiting = new Map<number, (r: never) => void>()
  let next = 1
  ws.on('message', (data) => {
    const m = JSON.parse(data.toString())
    if (m.t === 'event') events.push(m.name)
    else waiting.get(m.id)?.(m.result as never)
  })
  return {
    events,
    call: (name, input) =>
      new Promise((resolve) => {
        const id = next++
        waiting.set(id, resolve)
        ws.send(JSON.stringify({ t: 'call', id, name, input }))
      }),
    close: () => ws.close(),
  }
}

describe('staff and customer isolation over the socket', () => {
  it('pushes case events only to signed-in staff screens', async () => {
    host = await startHost({ dataDir: tempDir() })
    const [staff, nobody, customer] = [await client(host), await client(host), await client(host)]
    expect(await staff.call('session.signIn', { pin: host.supervisorPin })).toMatchObject({ ok: true })
    expect(await customer.call('session.signIn', { pin: host.supervisorPin })).toMatchObject({ ok: true })
    expect(await customer.call('session.setMode', { mode: 'customer' })).toMatchObject({ ok: true })

    expect(await nobody.call('orders.search', { query: 'BM' })).toMatchObject({ ok: false, error: { code: 'unauthorized' } })
    expect(await customer.call('orders.search', { query: 'BM' })).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(await customer.call('cases.today', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    const found = (await staff.call('orders.search', { query: 'BM' })) as { value: Array<{ orderNumber: string }> }
    expect(await staff.call('cases.start', { orderNumber: found.value[0]!.orderNumber, via: 'search' })).toMatchObject({ ok: true })
    // A round trip on each socket: any event sent before it has arrived.
    await Promise.all([staff, nobody, customer].map((c) => c.call('app.info', {})))
    expect(staff.events).toContain('case.changed')
    expect(nobody.events).not.toContain('case.changed')
    expect(customer.events).not.toContain('case.changed')
    for (const c of [staff, nobody, customer]) c.close()
  })
})
