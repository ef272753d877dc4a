// The browser-mode host as a real process: loopback only, the page served with a strict CSP,
// and the WebSocket refused without the token or from another origin.
import { afterEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { startHost, type RunningHost } from '../support/host'
import { tempDir } from '../support/temp-dir'

let host: RunningHost | undefined
afterEach(async () => host?.kill())

function connect(url: string, origin: string): Promise<{ ws: WebSocket } | { status: number }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { headers: { Origin: origin } })
    ws.once('open', () => resolve({ ws }))
    ws.once('unexpected-response', (_req, res) => resolve({ status: res.statusCode ?? 0 }))
    ws.once('error', () => resolve({ status: -1 }))
  })
}

function call(ws: WebSocket, name: string, input: unknown): Promise<unknown> {
  return new Promise((resolve) => {
    const id = Math.floor(Math.random() * 1e9)
    ws.on('message', (data) => {
      const m = JSON.parse(data.toString())
      if (m.t === 'result' && m.id === id) resolve(m.result)
    })
    ws.send(JSON.stringify({ t: 'call', id, name, input }))
  })
}

describe('browser-mode host', () => {
  it('serves the renderer on 127.0.0.1 with a strict Content-Security-Policy', async () => {
    host = await startHost({ dataDir: tempDir() })
    expect(host.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    const res = await fetch(`${host.origin}/`)
    expect(res.status).toBe(200)
    const csp = res.headers.get('content-security-policy')!
    expect(csp).toContain("script-src 'self'")
    expect(csp).not.toContain('unsafe-inline')
    expect(csp).toContain("frame-ancestors 'none'")
    expect(await res.text()).toContain('<div id="app">')
    expect((await fetch(`${host.origin}/..%2f..%2fpackage.json`)).status).toBe(404)
    expect((await fetch(`${host.origin}/assets/../../package.json`)).status).not.toBe(200)
  })

  it('accepts the API socket only with the token and from its own origin', async () => {
    host = await startHost({ dataDir: tempDir() })
    const wsUrl = `${host.origin.replace('http', 'ws')}/api`
    expect(await connect(`${wsUrl}?token=${host.token}`, 'http://evil.example')).toEqual({ status: 403 })
    expect(await connect(`${wsUrl}?token=wrong${host.token}`, host.origin)).toEqual({ status: 401 })
    expect(await connect(wsUrl, host.origin)).toEqual({ status: 401 })
    const ok = await connect(`${wsUrl}?token=${host.token}`, host.origin)
    expect('ws' in ok).toBe(true)
    if ('ws' in ok) {
      const info = (await call(ok.ws, 'app.info', {})) as { ok: boolean; value: { transport: string; demo: boolean; ordersCount: number } }
      expect(info.ok).toBe(true)
      expect(info.value.transport).toBe('browser')
      expect(info.value.demo).toBe(true)
      expect(info.value.ordersCount).toBeGreaterThanOrEqual(60)
      ok.ws.close()
    }
  })

  it('says what to do when the port is taken', async () => {
    host = await startHost({ dataDir: tempDir() })
    const port = Number(new URL(host.origin).port)
    await expect(startHost({ dataDir: tempDir(), port })).rejects.toThrow(/choose another with --port/)
  })
})
