// Browser mode under the same policies as the Electron window, proven in Chromium: the page
// cannot be taken to another origin, cannot open windows elsewhere, cannot load or call
// anything remote (CSP), cannot run injected inline script, cannot reach geolocation/HID/USB
// (Permissions-Policy), and the API refuses a socket without the token or from another origin.
// The host listens on 127.0.0.1 only.
import { createServer, type Server } from 'node:http'
import { connect } from 'node:net'
import type { AddressInfo } from 'node:net'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
// Named apart from the browser's WebSocket: code passed to page.evaluate must see the page's own.
import WsClient from 'ws'
import { launchChromium } from '../support/browser'
import { openApp } from '../support/app-page'
import { startHost, type RunningHost } from '../support/host'
import { tempDir } from '../support/temp-dir'

const FOREIGN = 'https://example.com/'

let browser: Browser
let host: RunningHost
let page: Page

/** Collects CSP violation reports seen by the page from now on. */
async function watchViolations(p: Page): Promise<() => Promise<Array<{ directive: string; blocked: string }>>> {
  await p.evaluate(() => {
    const w = window as unknown as { __violations: Array<{ directive: string; blocked: string }> }
    w.__violations = []
    document.addEventListener('securitypolicyviolation', (e) => w.__violations.push({ directive: e.effectiveDirective, blocked: e.blockedURI }))
  })
  return () => p.evaluate(() => (window as unknown as { __violations: Array<{ directive: string; blocked: string }> }).__violations)
}

beforeAll(async () => {
  browser = await launchChromium()
  host = await startHost({ dataDir: tempDir('dropdesk-navsec-') })
  page = await openApp(browser, host)
})
afterAll(async () => {
  await host?.kill()
  await browser?.close()
})

describe('navigation and windows', () => {
  it('stays on the app when script tries to navigate away', async () => {
    const popups: string[] = []
    page.context().on('page', (p) => popups.push(p.url()))
    for (const attempt of [
      `location.href = '${FOREIGN}'`,
      `location.assign('${FOREIGN}')`,
      `location.replace('${FOREIGN}')`,
      `(() => { const a = document.createElement('a'); a.href = '${FOREIGN}'; document.body.append(a); a.click() })()`,
      `(() => { const f = document.createElement('form'); f.action = '${FOREIGN}'; f.method = 'get'; document.body.append(f); f.submit() })()`,
    ]) {
      await page.evaluate(attempt)
      await page.waitForTimeout(300)
      expect(new URL(page.url()).origin, attempt).toBe(host.origin)
    }
    await expect(page.getByText(/Scan the return label/).isVisible()).resolves.toBe(true)
    expect(popups).toEqual([])
  })

  it('opens no window to a foreign address', async () => {
    const before = page.context().pages().length
    const opened = await page.evaluate((url) => window.open(url) === null && window.open(url, '_blank', 'noopener') === null, FOREIGN)
    expect(opened).toBe(true)
    const viaLink = page.evaluate((url) => {
      const a = document.createElement('a')
      a.href = url
      a.target = '_blank'
      document.body.append(a)
      a.click()
      a.remove()
    }, FOREIGN)
    await viaLink
    await page.waitForTimeout(300)
    const foreignPages = page.context().pages().filter((p) => !p.url().startsWith(host.origin) && p.url() !== 'about:blank')
    expect(foreignPages.map((p) => p.url())).toEqual([])
    for (const p of page.context().pages().slice(before)) await p.close()
  })
})

describe('Content-Security-Policy', () => {
  it('blocks injected inline script and inline event handlers', async () => {
    const violations = await watchViolations(page)
    const ran = await page.evaluate(async () => {
      const w = window as unknown as { __inline?: number; __handler?: number }
      const s = document.createElement('script')
      s.textContent = 'window.__inline = 1'
      document.head.append(s)
      const div = document.createElement('div')
      div.innerHTML = '<img src="/no-such.png" onerror="window.__handler = 1">'
      document.body.append(div)
      await new Promise((r) => setTimeout(r, 300))
      return { inline: w.__inline, handler: w.__handler }
    })
    expect(ran).toEqual({ inline: undefined, handler: undefined })
    const seen = (await violations()).map((v) => v.directive)
    expect(seen).toContain('script-src-elem')
    expect(seen).toContain('script-src-attr')
  })

  it('blocks remote script, images and connections', async () => {
    const violations = await watchViolations(page)
    const outcome = await page.evaluate(async (foreign) => {
      const s = document.createElement('script')
      s.src = `${foreign}evil.js`
      document.head.append(s)
      const img = new Image()
      img.src = `${foreign}pixel.png`
      document.body.append(img)
      const fetched = await fetch(`${foreign}api`).then(
        () => 'fetched',
        () => 'refused',
      )
      let socket = 'refused'
      try {
        new WebSocket('wss://example.com/socket')
        socket = 'opened'
      } catch {
        socket = 'refused'
      }
      await new Promise((r) => setTimeout(r, 300))
      return { fetched, socket }
    }, FOREIGN)
    expect(outcome.fetched).toBe('refused')
    const seen = await violations()
    expect(seen).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ directive: 'script-src-elem', blocked: `${FOREIGN}evil.js` }),
        expect.objectContaining({ directive: 'img-src', blocked: `${FOREIGN}pixel.png` }),
        expect.objectContaining({ directive: 'connect-src', blocked: `${FOREIGN}api` }),
        expect.objectContaining({ directive: 'connect-src', blocked: 'wss://example.com/socket' }),
      ]),
    )
  })

  it('serves every response with the policy headers', async () => {
    const response = await page.request.get(`${host.origin}/`)
    const headers = response.headers()
    // 'wasm-unsafe-eval' (the camera's zxing .wasm) is the one exception: it allows no eval().
    expect(headers['content-security-policy']).toMatch(/script-src 'self' 'wasm-unsafe-eval'(;|$)/)
    expect(headers['content-security-policy']).not.toMatch(/'unsafe-inline'|'unsafe-eval'|https?:\/\/(?!127\.0\.0\.1)/)
    expect(headers['permissions-policy']).toMatch(/geolocation=\(\)/)
    expect(headers['permissions-policy']).toMatch(/hid=\(\)/)
    expect(headers['permissions-policy']).toMatch(/usb=\(\)/)
    expect(headers['x-frame-options']).toBe('DENY')
  })
})

describe('permissions', () => {
  it('refuses geolocation, HID, USB, serial and the microphone; allows only the camera', async () => {
    const result = await page.evaluate(async () => {
      const policy = (document as unknown as { featurePolicy?: { allowsFeature(f: string): boolean } }).featurePolicy
      const allowed = Object.fromEntries(['geolocation', 'hid', 'usb', 'serial', 'microphone', 'camera'].map((f) => [f, policy?.allowsFeature(f) ?? null]))
      const geolocation = await new Promise<string>((resolve) => {
        navigator.geolocation.getCurrentPosition(
          () => resolve('granted'),
          (e) => resolve(e.code === e.PERMISSION_DENIED ? 'denied' : `error ${e.code}`),
          { timeout: 3000 },
        )
      })
      const nav = navigator as unknown as Record<string, { requestDevice?: (o: unknown) => Promise<unknown>; requestPort?: () => Promise<unknown> } | undefined>
      const attempt = async (call: (() => Promise<unknown>) | undefined) => {
        if (!call) return 'absent'
        try {
          await call()
          return 'granted'
        } catch (e) {
          return (e as Error).name
        }
      }
      return {
        allowed,
        geolocation,
        hid: await attempt(nav.hid?.requestDevice && (() => nav.hid!.requestDevice!({ filters: [] }))),
        usb: await attempt(nav.usb?.requestDevice && (() => nav.usb!.requestDevice!({ filters: [] }))),
      }
    })
    expect(result.allowed).toEqual({ geolocation: false, hid: false, usb: false, serial: false, microphone: false, camera: true })
    expect(result.geolocation).toBe('denied')
    // Blocked by the Permissions-Policy before any chooser could appear.
    expect(['SecurityError', 'NotAllowedError', 'absent']).toContain(result.hid)
    expect(['SecurityError', 'NotAllowedError', 'absent']).toContain(result.usb)
    expect([result.hid, result.usb]).not.toContain('granted')
  })
})

describe('the API socket', () => {
  const api = () => `${host.origin.replace('http', 'ws')}/api`

  function tryOpen(url: string, origin?: string): Promise<string> {
    return new Promise((resolve) => {
      const ws = new WsClient(url, origin ? { origin } : {})
      ws.on('open', () => {
        ws.close()
        resolve('open')
      })
      ws.on('unexpected-response', (_req, res) => resolve(String(res.statusCode)))
      ws.on('error', (e) => resolve(`error ${e.message}`))
    })
  }

  it('refuses a socket without the token, with a wrong token, or from another origin', async () => {
    await expect(tryOpen(api(), host.origin)).resolves.toBe('401')
    await expect(tryOpen(`${api()}?token=wrong`, host.origin)).resolves.toBe('401')
    await expect(tryOpen(`${api()}?token=${host.token}`, 'https://evil.example')).resolves.toBe('403')
    await expect(tryOpen(`${api()}?token=${host.token}`)).resolves.toBe('403')
    // The control: our own origin with the token is let in.
    await expect(tryOpen(`${api()}?token=${host.token}`, host.origin)).resolves.toBe('open')
  })

  it('refuses a page of another origin that knows the token', async () => {
    const other: Server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>other</title>'))
    await new Promise<void>((r) => other.listen(0, '127.0.0.1', r))
    const otherPage = await browser.newPage()
    try {
      await otherPage.goto(`http://127.0.0.1:${(other.address() as AddressInfo).port}/`)
      const outcome = await otherPage.evaluate(
        (url) =>
          new Promise<string>((resolve) => {
            const ws = new WebSocket(url)
            ws.onopen = () => resolve('open')
            ws.onerror = () => resolve('refused')
          }),
        `${api()}?token=${host.token}`,
      )
      expect(outcome).toBe('refused')
    } finally {
      await otherPage.close()
      other.close()
    }
  })

  it('listens on 127.0.0.1 only', async () => {
    const port = Number(new URL(host.origin).port)
    expect(new URL(host.origin).hostname).toBe('127.0.0.1')
    const reach = (address: string) =>
      new Promise<string>((resolve) => {
        const socket = connect({ host: address, port }, () => {
          socket.destroy()
          resolve('connected')
        })
        socket.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'))
      })
    await expect(reach('127.0.0.1')).resolves.toBe('connected')
    // Another loopback address on the same machine: a server bound to 0.0.0.0 would answer.
    await expect(reach('127.0.0.2')).resolves.toBe('ECONNREFUSED')
  })
})
