// The Electron shell: its lifecycle (single instance, sandbox, services), data folder and kiosk window. Run against the hand-written `electron` double of
// tests/support/electron-double.ts (the binary cannot run here) and a fake Services.
import path from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import type { ServicesOptions } from '../../electron/services/types'
import { argValue, resolveDataDir } from '../../electron/main/config'
import { APP_ENTRY_URL, devServerUrl, originOf, rendererOrigin } from '../../electron/main/origin'
import { kioskEnabled, outPaths, windowOptions } from '../../electron/main/window'
import { useShellDouble } from '../support/electron-double'

const h = await vi.hoisted(async () => (await import('../support/electron-double')).makeElectronDouble())

vi.mock('electron', () => ({ ...h.electron, default: h.electron }))
vi.mock('../../electron/services/index', () => ({ createServices: h.createServices }))

const OURS = APP_ENTRY_URL

const { startShell } = useShellDouble(h)

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
