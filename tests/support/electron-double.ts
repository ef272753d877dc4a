// A hand-written double of the `electron` module (the binary cannot run here) and a fake
// `Services`, for the Electron shell's unit tests. Each test file builds it in vi.hoisted, so its
// vi.mock factories hand out the same objects the tests inspect:
//   const h = await vi.hoisted(async () => (await import('../support/electron-double')).makeElectronDouble())
import { afterEach, beforeEach, expect, vi } from 'vitest'
import type { Result } from '@shared/contract/result'
import type { Session } from '../../electron/services/session'
import type { EventListener } from '../../electron/services/types'

export async function makeElectronDouble() {
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
}

export type ElectronDouble = Awaited<ReturnType<typeof makeElectronDouble>>

/**
 * Per-test set-up every shell test shares (fresh doubles, fresh modules, no env leaking), and
 * `startShell`, which imports the real electron/main/index.ts against the doubles and waits
 * for its window.
 */
export function useShellDouble(h: ElectronDouble) {
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
  return {
    async startShell(): Promise<InstanceType<ElectronDouble['FakeBrowserWindow']>> {
      await import('../../electron/main/index')
      await vi.waitFor(() => expect(h.FakeBrowserWindow.instances).toHaveLength(1))
      return h.FakeBrowserWindow.instances[0]!
    },
  }
}
