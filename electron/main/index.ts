// The Electron shell's entry: lifecycle and wiring only. The pieces it wires (window, security,
// IPC, protocol) take their Electron objects as arguments so the tests can hand them doubles.
import { app, BrowserWindow, dialog, ipcMain, protocol, safeStorage, session } from 'electron'
import { createServices } from '../services/index'
import type { Services } from '../services/types'
import { resolveDataDir } from './config'
import { registerIpc } from './ipc'
import { safeStorageKeySource } from './safe-storage-key'
import { APP_SCHEME, devServerUrl, rendererOrigin } from './origin'
import { createAppProtocolHandler, registerAppScheme } from './protocol'
import { guardWebContents, installPermissionHandlers } from './security'
import { createMainWindow, kioskEnabled, outPaths } from './window'

const log = (message: string) => console.error(`dropdesk: ${message}`)

function main(): void {
  // Both must happen before 'ready': the sandbox for every renderer, the scheme table.
  app.enableSandbox()
  registerAppScheme(protocol)

  // One kiosk window per machine: a second launch (a double-click on the icon) focuses the
  // first instead of opening a second database connection.
  if (!app.requestSingleInstanceLock()) {
    app.quit()
    return
  }

  const paths = outPaths(__dirname)
  const renderer = rendererOrigin(devServerUrl(process.env, app.isPackaged))
  const kiosk = kioskEnabled(process.env)
  let win: BrowserWindow | null = null
  let services: Services | null = null
  let disposeIpc: (() => void) | null = null
  let quitting = false

  app.on('second-instance', () => {
    if (!win || win.isDestroyed()) return
    if (win.isMinimized()) win.restore()
    win.focus()
  })

  // Every web contents, including any we did not create on purpose.
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, renderer.isTrustedUrl))

  app.on('window-all-closed', () => app.quit())

  app.on('will-quit', () => {
    quitting = true
    disposeIpc?.()
    disposeIpc = null
    services?.close()
    services = null
  })

  app
    .whenReady()
    .then(async () => {
      installPermissionHandlers(session.defaultSession, renderer.isTrustedUrl)
      protocol.handle(APP_SCHEME, createAppProtocolHandler(paths.renderer))
      const dataDir = resolveDataDir(process.argv, process.env, app.getPath('userData'))
      const started = await createServices({ dataDir, transport: 'electron', keySource: safeStorageKeySource(safeStorage, dataDir) })
      if (quitting) return started.close() // quit while the store was opening
      services = started
      // Once, on a fresh data dir: the only way to learn the first supervisor's PIN (never logged).
      if (started.firstRunSupervisorPin) console.log(`first-run supervisor PIN: ${started.firstRunSupervisorPin}`)
      disposeIpc = registerIpc({
        ipcMain,
        services: started,
        getContents: () => (win && !win.isDestroyed() ? win.webContents : null),
        isTrustedUrl: renderer.isTrustedUrl,
        log,
      })
      win = createMainWindow(
        BrowserWindow,
        { kiosk, devTools: !app.isPackaged, preload: paths.preload, entryUrl: renderer.entryUrl },
        log,
      )
      win.on('closed', () => {
        win = null
      })
    })
    .catch((error: unknown) => {
      // Typically the data folder cannot be opened. Say so on screen rather than hang blank.
      const detail = error instanceof Error ? error.message : String(error)
      log(`start-up failed: ${error instanceof Error ? (error.stack ?? detail) : detail}`)
      dialog.showErrorBox('DropDesk could not start', detail)
      app.exit(1)
    })
}

main()
