// A scan from the services' own scanners (here a serial scanner on a real pty pair from socat)
// reaches a signed-out screen over the real browser-mode socket as "a scan happened, sign in
// first": its source and time, never the code it read. A signed-in screen gets the code, and
// the customer's screen the scan it needs for its QR code.
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { startHost, type RunningHost } from '../support/host'
import { startPtyPair, type PtyPair } from '../support/pty-pair'
import { tempDir } from '../support/temp-dir'

let host: RunningHost | undefined
let pty: PtyPair | undefined
afterEach(async () => {
  await host?.kill()
  await pty?.kill()
})

interface Client {
  call(name: string, input: unknown): Promise<{ ok: boolean; error?: { code: string }; value?: unknown }>
  events: Array<{ name: string; payload: unknown }>
  close(): void
}

async function client(h: RunningHost): Promise<Client> {
  const ws = new WebSocket(`${h.origin.replace('http', 'ws')}/api?token=${h.token}`, { headers: { Origin: h.origin } })
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject))
  const events: Client['events'] = []
  const waiting = new Map<number, (r: never) => void>()
  let next = 1
  ws.on('message', (data) => {
    const m = JSON.parse(data.toString())
    if (m.t === 'event') events.push({ name: m.name, payload: m.payload })
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

const scans = (c: Client) => c.events.filter((e) => e.name.startsWith('scanner.'))

describe('a serial scan at the sign-in screen', () => {
  it('is announced to a signed-out screen without its code', async () => {
    const dir = tempDir('dropdesk-scan-sign-in-')
    const appEnd = path.join(dir, 'scanner-app')
    pty = await startPtyPair(appEnd, path.join(dir, 'scanner-device'))
    host = await startHost({ dataDir: path.join(dir, 'data') })
    const [staff, nobody, customer] = [await client(host), await client(host), await client(host)]
    expect(await staff.call('session.signIn', { pin: host.supervisorPin })).toMatchObject({ ok: true })
    expect(await customer.call('session.signIn', { pin: host.supervisorPin })).toMatchObject({ ok: true })
    expect(await customer.call('session.setMode', { mode: 'customer' })).toMatchObject({ ok: true })
    const settings = {
      wedge: { enabled: true, prefix: '', suffix: '' },
      camera: { enabled: false },
      hid: { enabled: false, usagePage: 0x8c },
      serial: { enabled: true, path: appEnd, baudRate: 9600, terminator: 'cr', interByteTimeoutMs: 50 },
    }
    expect(await staff.call('devices.configure', { settings })).toMatchObject({ ok: true })
    await expect
      .poll(async () => {
        const r = (await staff.call('devices.list', {})) as { value: { sources: Array<{ source: string; state: string }> } }
        return r.value.sources.find((s) => s.source === 'serial')?.state
      })
      .toBe('connected')

    pty.write('BMR-7736806-VS\r')
    await expect.poll(() => scans(nobody).length).toBe(1)
    // A round trip on each socket: any event sent before it has arrived.
    await Promise.all([staff, nobody, customer].map((c) => c.call('app.info', {})))

    const [atSignIn] = scans(nobody)
    expect(atSignIn).toEqual({ name: 'scanner.signInFirst', payload: { source: 'serial', at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) } })
    expect(JSON.stringify(nobody.events)).not.toContain('BMR-7736806-VS')
    expect(scans(staff)).toEqual([{ name: 'scanner.scanned', payload: expect.objectContaining({ code: 'BMR-7736806-VS', source: 'serial' }) }])
    expect(scans(customer)).toEqual([{ name: 'scanner.scanned', payload: expect.objectContaining({ code: 'BMR-7736806-VS' }) }])

    // Once signed in, the same screen gets the code and no more "sign in first".
    expect(await nobody.call('session.signIn', { pin: host.supervisorPin })).toMatchObject({ ok: true })
    pty.write('BMR-7733128-7Y\r')
    await expect.poll(() => scans(nobody).length).toBe(2)
    expect(scans(nobody)[1]).toEqual({ name: 'scanner.scanned', payload: expect.objectContaining({ code: 'BMR-7733128-7Y' }) })
    for (const c of [staff, nobody, customer]) c.close()
  })
})
