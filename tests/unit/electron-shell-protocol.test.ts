// The Electron shell: its app:// protocol (confined to out/renderer, with the CSP) and its preload (named functions only). Run against the hand-written `electron` double of
// tests/support/electron-double.ts (the binary cannot run here) and a fake Services.
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { callNames } from '@shared/contract/calls'
import { eventNames } from '@shared/contract/events'
import type { ServicesOptions } from '../../electron/services/types'
import { CONTENT_SECURITY_POLICY, createAppProtocolHandler } from '../../electron/main/protocol'
import { useShellDouble } from '../support/electron-double'

const h = await vi.hoisted(async () => (await import('../support/electron-double')).makeElectronDouble())

vi.mock('electron', () => ({ ...h.electron, default: h.electron }))
vi.mock('../../electron/services/index', () => ({ createServices: h.createServices }))

const { startShell } = useShellDouble(h)

// ---------------------------------------------------------------------------------------------
describe('app:// protocol (electron/main/protocol.ts)', () => {
  let dir: string
  let root: string
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'dropdesk-protocol-'))
    root = path.join(dir, 'renderer')
    await mkdir(path.join(root, 'assets'), { recursive: true })
    await writeFile(path.join(root, 'index.html'), '<!doctype html><title>DropDesk</title>')
    await writeFile(path.join(root, 'assets', 'app.js'), 'console.log(1)')
    await writeFile(path.join(dir, 'secret.txt'), 'root:x:0:0')
    await symlink(path.join(dir, 'secret.txt'), path.join(root, 'assets', 'link.txt'))
  })
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })
  const get = (url: string) => createAppProtocolHandler(root)({ url, method: 'GET' } as Request)

  it('is installed on the app scheme by the shell', async () => {
    await startShell()
    expect(h.protocolHandlers.has('app')).toBe(true)
  })

  it('serves files inside out/renderer with a strict Content-Security-Policy', async () => {
    const response = await get('app://dropdesk/index.html')
    expect(response.status).toBe(200)
    expect(await response.text()).toContain('DropDesk')
    expect(response.headers.get('content-type')).toMatch(/^text\/html/)
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    for (const directive of [
      "default-src 'self'",
      "script-src 'self' 'wasm-unsafe-eval'",
      "style-src 'self'",
      "img-src 'self' data: blob:",
      "media-src 'self' blob: mediastream:",
      "connect-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      "frame-ancestors 'none'",
      "form-action 'none'",
    ]) {
      expect(CONTENT_SECURITY_POLICY).toContain(directive)
    }
    // Only the narrow WebAssembly permission: no eval of JavaScript, no inline code.
    expect(CONTENT_SECURITY_POLICY.replace("'wasm-unsafe-eval'", '')).not.toContain('unsafe')
    const root = await get('app://dropdesk/')
    expect(root.status).toBe(200)
    const js = await get('app://dropdesk/assets/app.js')
    expect(js.headers.get('content-type')).toMatch(/^text\/javascript/)
  })

  it('refuses path traversal, in every spelling', async () => {
    for (const url of [
      'app://dropdesk/../../etc/passwd',
      'app://dropdesk/../secret.txt',
      'app://dropdesk/assets/../../secret.txt',
      'app://dropdesk/%2e%2e/%2e%2e/etc/passwd',
      'app://dropdesk/..%2f..%2fetc%2fpasswd',
      'app://dropdesk/..%5csecret.txt',
      'app://dropdesk/assets/link.txt', // a symlink pointing outside
    ]) {
      const response = await get(url)
      expect(response.status, url).toBe(403)
      expect(await response.text(), url).not.toContain('root:')
    }
    // Even after URL normalisation (as a real Request does) nothing outside the root is read.
    const normalised = await createAppProtocolHandler(root)(new Request('app://dropdesk/../../etc/passwd'))
    expect(normalised.status).not.toBe(200)
    expect(await normalised.text()).not.toContain('root:')
  })

  it('refuses other hosts, missing files and non-GET methods', async () => {
    expect((await get('app://evil/index.html')).status).toBe(403)
    expect((await get('app://dropdesk/missing.js')).status).toBe(404)
    expect((await get('app://dropdesk/assets')).status).toBe(404)
    const post = await createAppProtocolHandler(root)({ url: 'app://dropdesk/index.html', method: 'POST' } as Request)
    expect(post.status).toBe(405)
  })
})

// ---------------------------------------------------------------------------------------------
describe('preload (electron/preload/index.ts)', () => {
  type Api = Record<string, Record<string, (input: unknown) => Promise<unknown>>> & {
    on: (event: string, listener: (...args: unknown[]) => void) => () => void
  }

  it('exposes exactly dropdesk and dropdeskTransport', async () => {
    await import('../../electron/preload/index')
    expect(Object.keys(h.exposed).sort()).toEqual(['dropdesk', 'dropdeskTransport'])
    expect(h.exposed.dropdeskTransport).toBe('electron')
    const api = h.exposed.dropdesk as Api
    const domains = [...new Set(callNames.map((name) => name.slice(0, name.indexOf('.'))))]
    expect(Object.keys(api).sort()).toEqual([...domains, 'on'].sort())
    expect(Object.values(api).some((value) => value === (h.ipcRenderer as unknown))).toBe(false)
  })

  it('has a named function per contract call that invokes that channel', async () => {
    await import('../../electron/preload/index')
    const api = h.exposed.dropdesk as Api
    for (const name of callNames) {
      const dot = name.indexOf('.')
      const fn = api[name.slice(0, dot)]?.[name.slice(dot + 1)]
      expect(typeof fn, name).toBe('function')
      await fn!({ probe: name })
      expect(h.ipcRenderer.invoke).toHaveBeenLastCalledWith(name, { probe: name })
    }
  })

  it('delivers push events as the payload only, and unsubscribes', async () => {
    await import('../../electron/preload/index')
    const api = h.exposed.dropdesk as Api
    const name = eventNames[0]!
    const listener = vi.fn()
    const off = api.on(name, listener)
    h.ipcRenderer.emit(`event:${name}`, { sender: h.ipcRenderer }, { probe: 1 })
    expect(listener).toHaveBeenCalledTimes(1)
    expect(listener.mock.calls[0]).toEqual([{ probe: 1 }]) // never the IpcRendererEvent
    off()
    h.ipcRenderer.emit(`event:${name}`, { sender: h.ipcRenderer }, { probe: 2 })
    expect(listener).toHaveBeenCalledTimes(1)
    expect(() => api.on('not.an-event', () => {})).toThrow(/Unknown event/)
  })
})

// The option type the fake createServices is called with is the real one.
const _optionsCheck: ServicesOptions = { dataDir: '/x', transport: 'electron' }
void _optionsCheck
