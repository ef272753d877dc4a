// The Electron shell against a hand-written double of the `electron` module (the binary cannot
// run here) and a fake `Services` (no SQLite needed). It checks what the security checklist asks
// for: locked-down webPreferences, navigation/window.open/permissions denied, IPC senders
// checked, the app:// protocol confined to out/renderer, and a preload exposing named functions.
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { callNames } from '@shared/contract/calls'
import { eventNames } from '@shared/contract/events'
import { ok, type Result } from '@shared/contract/result'
import { newSession, type Session } from '../../electron/services/session'
import type { EventListener, Services, ServicesOptions } from '../../electron/services/types'
import { argValue, resolveDataDir } from '../../electron/main/config'
import { isTrustedSender, registerIpc } from '../../electron/main/ipc'
import { APP_ENTRY_URL, devServerUrl, originOf, rendererOrigin } from '../../electron/main/origin'
import { CONTENT_SECURITY_POLICY, createAppProtocolHandler } from '../../electron/main/protocol'
import { isBlockedShortcut } from '../../electron/main/security'
import { kioskEnabled, outPaths, windowOptions } from '../../electron/main/window'

// ---------------------------------------------------------------------------------------------
// The doubles. Built in vi.hoisted so the vi.mock factories below can hand out the same objects
// the tests inspect.
const h = await vi.hoisted(async () => {
  const { EventEmitter } = await import('node:events')

  interface Frame {
    url: string
    parent: Frame | null
  }

  class FakeWebContents extends EventEmitter {
    static nextId = 1
    readonly id = FakeWebContents.nextId++
    readonly mainFrame: Frame = { url: '', parent: null }
    windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null
    destroyed = false
    sent: Array<[string, unknown]> = []
    reload = vi.fn()
    setVisualZoomLevelLimits = vi.fn(async () => {})
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
      this.windowOpenHandler = handler
    }
    isDestroyed() {
      return this.destroyed
    }
    getURL() {
      return this.mainFrame.url
    }
    send(channel: string, payload: unknown) {
      this.sent.push([channel, payload])
    }
  }

  const app = Object.assign(new EventEmitter(), {
    lockObtained: true,
    isPackaged: false,
    requestSingleInstanceLock: vi.fn((): boolean => app.lockObtained),
    quit: vi.fn(),
    exit: vi.fn(),
    enableSandbox: vi.fn(),
    whenReady: vi.fn(async () => {}),
    getPath: vi.fn((name: string) => `/fake/${name}`),
  })

  class FakeBrowserWindow extends EventEmitter {
    static instances: FakeBrowserWindow[] = []
    readonly webContents = new FakeWebContents()
    loadedUrl: string | null = null
    focus = vi.fn()
    show = vi.fn()
    restore = vi.fn()
    removeMenu = vi.fn()
    minimized = false
    constructor(readonly options: Record<string, unknown>) {
      super()
      FakeBrowserWindow.instances.push(this)
      // As Electron does: every new web contents is announced on the app.
      app.emit('web-contents-created', {}, this.webContents)
    }
    async loadURL(url: string) {
      this.loadedUrl = url
      this.webContents.mainFrame.url = url
    }
    isMinimized() {
      return this.minimized
    }
    isDestroyed() {
      return false
    }
  }

  type Handler = (event: unknown, input: unknown) => Promise<Result<unknown>>
  const handlers = new Map<string, Handler>()
  const ipcMain = {
    handle: vi.fn((name: string, handler: Handler) => {
      if (handlers.has(name)) throw new Error(`second handler for ${name}`)
      handlers.set(name, handler)
    }),
    removeHandler: vi.fn((name: string) => handlers.delete(name)),
  }

  const protocolHandlers = new Map<string, (request: Request) => Promise<Response>>()
  const protocol = {
    registerSchemesAsPrivileged: vi.fn(),
    handle: vi.fn((scheme: string, handler: (request: Request) => Promise<Response>) => {
      protocolHandlers.set(scheme, handler)
    }),
  }

  type RequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void, details: object) => void
  type CheckHandler = (contents: unknown, permission: string, origin: string, details: object) => boolean
  const defaultSession = {
    requestHandler: null as RequestHandler | null,
    checkHandler: null as CheckHandler | null,
    setPermissionRequestHandler: vi.fn((handler: RequestHandler) => {
      defaultSession.requestHandler = handler
    }),
    setPermissionCheckHandler: vi.fn((handler: CheckHandler) => {
      defaultSession.checkHandler = handler
    }),
  }

  const exposed: Record<string, unknown> = {}
  const contextBridge = {
    exposeInMainWorld: vi.fn((key: string, value: unknown) => {
      exposed[key] = value
    }),
  }
  const ipcRenderer = Object.assign(new EventEmitter(), {
    invoke: vi.fn(async (name: string, input: unknown): Promise<Result<unknown>> => ({ ok: true, value: { name, input } })),
  })

  const electron = {
    app,
    BrowserWindow: FakeBrowserWindow,
    ipcMain,
    protocol,
    session: { defaultSession },
    dialog: { showErrorBox: vi.fn() },
    safeStorage: { isEncryptionAvailable: () => true, encryptString: vi.fn(), decryptString: vi.fn() },
    contextBridge,
    ipcRenderer,
  }

  // The fake services: records dispatches, hands out sessions, lets a test push events.
  const eventListeners = new Set<EventListener>()
  let sessionCount = 0
  const services = {
    kioskId: 'kiosk-test',
    dataDir: '/fake/data',
    openSession: vi.fn(() => ({ id: `s${++sessionCount}`, actor: null, role: null, mode: 'staff' as const })),
    closeSession: vi.fn(),
    dispatch: vi.fn(async (name: unknown, input: unknown, _session: Session): Promise<Result<unknown>> => ({ ok: true, value: { name, input } })),
    onEvent: vi.fn((listener: EventListener) => {
      eventListeners.add(listener)
      return () => eventListeners.delete(listener)
    }),
    close: vi.fn(),
  }
  const createServices = vi.fn(async (_options: unknown) => services)

  function reset() {
    app.removeAllListeners()
    app.lockObtained = true
    handlers.clear()
    protocolHandlers.clear()
    defaultSession.requestHandler = null
    defaultSession.checkHandler = null
    for (const key of Object.keys(exposed)) delete exposed[key]
    ipcRenderer.removeAllListeners()
    eventListeners.clear()
    FakeBrowserWindow.instances = []
    vi.clearAllMocks()
  }

  return {
    electron,
    app,
    FakeBrowserWindow,
    FakeWebContents,
    handlers,
    protocolHandlers,
    defaultSession,
    exposed,
    ipcRenderer,
    services,
    createServices,
    eventListeners,
    reset,
  }
})

vi.mock('electron', () => ({ ...h.electron, default: h.electron }))
vi.mock('../../electron/services/index', () => ({ createServices: h.createServices }))

type FakeWebContents = InstanceType<typeof h.FakeWebContents>
type FakeWindow = InstanceType<typeof h.FakeBrowserWindow>

const OURS = APP_ENTRY_URL
const EVIL = 'https://evil.example/'

function navEvent(url: string) {
  return { url, preventDefault: vi.fn() }
}

/** Imports the real electron/main/index.ts against the doubles and waits for its window. */
async function startShell(): Promise<FakeWindow> {
  await import('../../electron/main/index')
  await vi.waitFor(() => expect(h.FakeBrowserWindow.instances).toHaveLength(1))
  return h.FakeBrowserWindow.instances[0]!
}

beforeEach(() => {
  h.reset()
  vi.resetModules()
  vi.stubEnv('ELECTRON_RENDERER_URL', '')
  vi.stubEnv('DROPDESK_KIOSK', '')
  vi.stubEnv('DROPDESK_DATA_DIR', '')
  // The shell logs refusals and crashes to stderr; keep the test output readable.
  vi.spyOn(console, 'error').mockImplementation(() => {})
})
afterEach(() => {
  vi.restoreAllMocks()
  vi.unstubAllEnvs()
  vi.useRealTimers()
})

// ---------------------------------------------------------------------------------------------
describe('lifecycle (electron/main/index.ts)', () => {
  it('quits at once when another instance holds the single-instance lock', async () => {
    h.app.lockObtained = false
    await import('../../electron/main/index')
    await Promise.resolve()
    expect(h.app.requestSingleInstanceLock).toHaveBeenCalled()
    expect(h.app.quit).toHaveBeenCalledTimes(1)
    expect(h.app.whenReady).not.toHaveBeenCalled()
    expect(h.createServices).not.toHaveBeenCalled()
    expect(h.app.listenerCount('second-instance')).toBe(0)
  })

  it('enables the sandbox and registers the privileged scheme before ready', async () => {
    await startShell()
    expect(h.app.enableSandbox).toHaveBeenCalled()
    expect(h.electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ])
    const sandboxAt = h.app.enableSandbox.mock.invocationCallOrder[0]!
    const readyAt = h.app.whenReady.mock.invocationCallOrder[0]!
    expect(sandboxAt).toBeLessThan(readyAt)
  })

  it('starts the services in the user data folder with the electron transport', async () => {
    await startShell()
    expect(h.createServices).toHaveBeenCalledWith({ dataDir: path.join('/fake/userData', 'data'), transport: 'electron', keySource: expect.anything() })
    // PINs are encrypted with a key the OS keyring protects (safe-storage-key.ts), in the data folder.
    const options = h.createServices.mock.calls[0]![0] as ServicesOptions
    expect(options.keySource?.description).toContain(path.join('/fake/userData', 'data', 'secret.key.safe'))
  })

  it('focuses the existing window on a second launch', async () => {
    const win = await startShell()
    win.minimized = true
    h.app.emit('second-instance', {}, [], '/')
    expect(win.restore).toHaveBeenCalled()
    expect(win.focus).toHaveBeenCalled()
  })

  it('quits when the window closes and closes the services on will-quit', async () => {
    await startShell()
    h.app.emit('window-all-closed')
    expect(h.app.quit).toHaveBeenCalled()
    h.app.emit('will-quit')
    expect(h.services.close).toHaveBeenCalledTimes(1)
    expect(h.handlers.size).toBe(0)
    expect(h.eventListeners.size).toBe(0)
  })

  it('shows an error and exits when the services cannot start', async () => {
    h.createServices.mockRejectedValueOnce(new Error('cannot open /fake/userData/data/dropdesk.sqlite'))
    await import('../../electron/main/index')
    await vi.waitFor(() => expect(h.app.exit).toHaveBeenCalledWith(1))
    expect(h.electron.dialog.showErrorBox).toHaveBeenCalledWith('DropDesk could not start', expect.stringContaining('cannot open'))
    expect(h.FakeBrowserWindow.instances).toHaveLength(0)
  })
})

describe('data folder (electron/main/config.ts)', () => {
  it('takes --data-dir, then DROPDESK_DATA_DIR, then userData/data', () => {
    expect(resolveDataDir(['electron', '.', '--data-dir', '/srv/dd'], {}, '/u')).toBe('/srv/dd')
    expect(resolveDataDir(['electron', '.', '--data-dir=/srv/eq'], {}, '/u')).toBe('/srv/eq')
    expect(resolveDataDir(['electron', '.'], { DROPDESK_DATA_DIR: '/srv/env' }, '/u')).toBe('/srv/env')
    expect(resolveDataDir(['electron', '.'], {}, '/u')).toBe(path.join('/u', 'data'))
    expect(resolveDataDir(['x', '--data-dir', 'rel'], {}, '/u')).toBe(path.resolve('rel'))
    expect(argValue(['--other'], '--data-dir')).toBeUndefined()
  })
})

// ---------------------------------------------------------------------------------------------
describe('window (electron/main/window.ts)', () => {
  it('locks down webPreferences', async () => {
    const win = await startShell()
    const prefs = win.options.webPreferences as Record<string, unknown>
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      devTools: true, // unpackaged in the double
    })
    const mainDir = path.resolve(__dirname, '../../electron/main')
    expect(prefs.preload).toBe(path.join(mainDir, '../preload/index.js'))
    expect(outPaths('/opt/dropdesk/out/main').preload).toBe('/opt/dropdesk/out/preload/index.js')
    expect(outPaths('/opt/dropdesk/out/main').renderer).toBe('/opt/dropdesk/out/renderer')
  })

  it('is a kiosk unless DROPDESK_KIOSK=0, and has no dev tools when packaged', async () => {
    const win = await startShell()
    expect(win.options.kiosk).toBe(true)
    expect(win.removeMenu).toHaveBeenCalled()
    expect(kioskEnabled({ DROPDESK_KIOSK: '0' })).toBe(false)
    expect(kioskEnabled({})).toBe(true)
    expect(windowOptions({ kiosk: true, devTools: false, preload: '/p.js' }).webPreferences?.devTools).toBe(false)
  })

  it('loads the built renderer from app://dropdesk/ and trusts the dev server only unpackaged on loopback', async () => {
    const win = await startShell()
    expect(win.loadedUrl).toBe('app://dropdesk/index.html')
    expect(devServerUrl({ ELECTRON_RENDERER_URL: 'http://localhost:5173' }, false)).toBe('http://localhost:5173/')
    expect(devServerUrl({ ELECTRON_RENDERER_URL: 'http://localhost:5173' }, true)).toBeNull()
    expect(devServerUrl({ ELECTRON_RENDERER_URL: 'https://evil.example' }, false)).toBeNull()
    const dev = rendererOrigin('http://localhost:5173/')
    expect(dev.isTrustedUrl('http://localhost:5173/src/main.ts')).toBe(true)
    expect(dev.isTrustedUrl(OURS)).toBe(false)
    expect(originOf('app://dropdesk/a/b.js')).toBe('app://dropdesk')
    expect(originOf('app://other/a')).toBe('app://other')
    expect(originOf('file:///etc/passwd')).toBeNull()
  })
})

// ---------------------------------------------------------------------------------------------
describe('security (electron/main/security.ts)', () => {
  it('prevents navigation and redirects to a foreign origin, allows our own', async () => {
    const { webContents } = await startShell()
    for (const channel of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      const evil = navEvent(EVIL)
      webContents.emit(channel, evil)
      expect(evil.preventDefault, channel).toHaveBeenCalled()
      const file = navEvent('file:///etc/passwd')
      webContents.emit(channel, file)
      expect(file.preventDefault, channel).toHaveBeenCalled()
      const ours = navEvent('app://dropdesk/index.html#/intake')
      webContents.emit(channel, ours)
      expect(ours.preventDefault, channel).not.toHaveBeenCalled()
    }
  })

  it('denies window.open and <webview>', async () => {
    const { webContents } = await startShell()
    expect(webContents.windowOpenHandler?.({ url: EVIL })).toEqual({ action: 'deny' })
    expect(webContents.windowOpenHandler?.({ url: OURS })).toEqual({ action: 'deny' })
    const attach = navEvent('')
    webContents.emit('will-attach-webview', attach)
    expect(attach.preventDefault).toHaveBeenCalled()
  })

  it('grants the camera to our origin only, and nothing else to anyone', async () => {
    const { webContents } = await startShell()
    const request = h.defaultSession.requestHandler!
    const check = h.defaultSession.checkHandler!
    expect(request).toBeTypeOf('function')
    expect(check).toBeTypeOf('function')
    const ask = (permission: string, details: object) => {
      let granted: boolean | undefined
      request(webContents, permission, (g) => (granted = g), details)
      return granted
    }
    expect(ask('media', { requestingUrl: OURS, isMainFrame: true, mediaTypes: ['video'] })).toBe(true)
    expect(ask('media', { requestingUrl: EVIL, isMainFrame: true, mediaTypes: ['video'] })).toBe(false)
    expect(ask('media', { requestingUrl: 'app://other/index.html', isMainFrame: true, mediaTypes: ['video'] })).toBe(false)
    expect(ask('media', { requestingUrl: OURS, isMainFrame: false, mediaTypes: ['video'] })).toBe(false)
    expect(ask('media', { requestingUrl: OURS, isMainFrame: true, mediaTypes: ['audio'] })).toBe(false)
    expect(ask('media', { requestingUrl: OURS, isMainFrame: true, mediaTypes: ['video', 'audio'] })).toBe(false)
    expect(ask('geolocation', { requestingUrl: OURS, isMainFrame: true })).toBe(false)
    expect(ask('notifications', { requestingUrl: OURS, isMainFrame: true })).toBe(false)
    expect(ask('hid', { requestingUrl: OURS, isMainFrame: true })).toBe(false)

    expect(check(webContents, 'media', 'app://dropdesk', { requestingUrl: OURS, isMainFrame: true, mediaType: 'video' })).toBe(true)
    expect(check(webContents, 'media', 'https://evil.example', { requestingUrl: EVIL, isMainFrame: true, mediaType: 'video' })).toBe(false)
    expect(check(webContents, 'media', 'app://dropdesk', { requestingUrl: OURS, isMainFrame: true, mediaType: 'audio' })).toBe(false)
    expect(check(webContents, 'geolocation', 'app://dropdesk', { requestingUrl: OURS, isMainFrame: true })).toBe(false)
  })

  it('blocks reload, devtools, zoom and close shortcuts but not what a scanner types', async () => {
    const { webContents } = await startShell()
    const key = (key: string, mods: Partial<Record<'control' | 'meta' | 'shift' | 'alt', boolean>> = {}) => {
      const event = navEvent('')
      webContents.emit('before-input-event', event, { type: 'keyDown', key, control: false, meta: false, shift: false, alt: false, ...mods })
      return event.preventDefault.mock.calls.length > 0
    }
    expect(key('r', { control: true })).toBe(true)
    expect(key('R', { meta: true, shift: true })).toBe(true)
    expect(key('F5')).toBe(true)
    expect(key('F12')).toBe(true)
    expect(key('I', { control: true, shift: true })).toBe(true)
    expect(key('w', { control: true })).toBe(true)
    expect(key('=', { control: true })).toBe(true)
    expect(key('-', { meta: true })).toBe(true)
    expect(key('0', { control: true })).toBe(true)
    expect(key('q', { control: true })).toBe(true) // kiosk
    expect(key('a')).toBe(false)
    expect(key('R', { shift: true })).toBe(false) // a capital R from a scanner
    expect(key('Enter')).toBe(false)
    expect(key('0')).toBe(false)
    expect(isBlockedShortcut({ type: 'keyDown', key: 'q', control: true, meta: false, shift: false, alt: false }, false)).toBe(false)
    expect(webContents.setVisualZoomLevelLimits).toHaveBeenCalledWith(1, 1)
  })

  it('reloads the window after the renderer process is gone', async () => {
    const { webContents } = await startShell()
    vi.useFakeTimers()
    webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 })
    vi.advanceTimersByTime(1_000)
    expect(webContents.reload).toHaveBeenCalledTimes(1)
  })
})

// ---------------------------------------------------------------------------------------------
describe('IPC (electron/main/ipc.ts)', () => {
  const invoke = (name: string, sender: FakeWebContents, senderFrame: unknown, input: unknown = {}) =>
    h.handlers.get(name)!({ sender, senderFrame }, input)

  it('registers a handler for every contract call and nothing else', async () => {
    await startShell()
    expect([...h.handlers.keys()].sort()).toEqual([...callNames].sort())
    expect(h.electron.ipcMain.handle).toHaveBeenCalledTimes(callNames.length)
  })

  it('dispatches a call from our window main frame, with one session per web contents', async () => {
    const { webContents } = await startShell()
    const result = await invoke('orders.lookup', webContents, webContents.mainFrame, { code: 'RMA-1' })
    expect(result).toEqual({ ok: true, value: { name: 'orders.lookup', input: { code: 'RMA-1' } } })
    expect(h.services.dispatch).toHaveBeenCalledWith('orders.lookup', { code: 'RMA-1' }, expect.objectContaining({ id: 's1' }))
    await invoke('cases.today', webContents, webContents.mainFrame)
    expect(h.services.openSession).toHaveBeenCalledTimes(1)
    expect(h.services.dispatch.mock.calls[1]![2]).toBe(h.services.dispatch.mock.calls[0]![2])
    // A reload is a new page that has forgotten who signed in: a fresh session.
    webContents.emit('did-navigate')
    expect(h.services.closeSession).toHaveBeenCalledWith(expect.objectContaining({ id: 's1' }))
    await invoke('cases.today', webContents, webContents.mainFrame)
    expect(h.services.dispatch.mock.calls[2]![2]).toMatchObject({ id: 's2' })
  })

  it('answers forbidden to any other sender, without reaching the services', async () => {
    const { webContents } = await startShell()
    const forbidden = { ok: false, error: { code: 'forbidden', message: expect.any(String) } }
    const iframe = { url: OURS, parent: webContents.mainFrame }
    expect(await invoke('cases.today', webContents, iframe)).toEqual(forbidden)
    expect(await invoke('cases.today', webContents, null)).toEqual(forbidden)
    expect(await invoke('cases.today', webContents, { url: OURS, parent: null })).toEqual(forbidden) // not our main frame object
    const other = new h.FakeWebContents()
    other.mainFrame.url = OURS
    expect(await invoke('cases.today', other, other.mainFrame)).toEqual(forbidden)
    webContents.mainFrame.url = EVIL // our window, somehow showing a foreign page
    expect(await invoke('cases.today', webContents, webContents.mainFrame)).toEqual(forbidden)
    expect(h.services.dispatch).not.toHaveBeenCalled()
    expect(h.services.openSession).not.toHaveBeenCalled()
  })

  it('turns a throwing dispatch into an internal envelope', async () => {
    const { webContents } = await startShell()
    h.services.dispatch.mockRejectedValueOnce(new Error('SQLITE_BUSY at /secret/path'))
    const result = await invoke('cases.today', webContents, webContents.mainFrame)
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } })
    expect(JSON.stringify(result)).not.toContain('/secret/path')
  })

  it('forwards service events to the window on event:<name>, and only to our page', async () => {
    const { webContents } = await startShell()
    const name = eventNames[0]!
    for (const listener of h.eventListeners) listener(name, { probe: 1 } as never)
    expect(webContents.sent).toEqual([[`event:${name}`, { probe: 1 }]])
    webContents.mainFrame.url = EVIL
    for (const listener of h.eventListeners) listener(name, { probe: 2 } as never)
    expect(webContents.sent).toHaveLength(1)
  })

  it('isTrustedSender and registerIpc work on their own with injected doubles', async () => {
    const contents = new h.FakeWebContents()
    contents.mainFrame.url = OURS
    const trusted = rendererOrigin(null).isTrustedUrl
    const deps = { getContents: () => contents as never, isTrustedUrl: trusted }
    expect(isTrustedSender({ sender: contents as never, senderFrame: contents.mainFrame as never }, deps)).toBe(true)
    expect(isTrustedSender({ sender: contents as never, senderFrame: { url: OURS, parent: contents.mainFrame } as never }, deps)).toBe(false)
    const handled = new Map<string, (event: unknown, input: unknown) => Promise<unknown>>()
    const services: Pick<Services, 'openSession' | 'closeSession' | 'dispatch' | 'onEvent'> = {
      openSession: () => newSession('x') as Session,
      closeSession: () => {},
      dispatch: async () => ok('done'),
      onEvent: () => () => {},
    }
    const dispose = registerIpc({
      ipcMain: { handle: (name: string, fn: never) => void handled.set(name, fn), removeHandler: (name: string) => void handled.delete(name) } as never,
      services,
      ...deps,
    })
    expect(await handled.get('app.info')!({ sender: contents, senderFrame: contents.mainFrame }, {})).toEqual(ok('done'))
    dispose()
    expect(handled.size).toBe(0)
  })
})

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
      "script-src 'self'",
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
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe')
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
