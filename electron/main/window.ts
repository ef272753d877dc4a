// The one kiosk window. Everything the renderer may do comes through the preload; the
// webPreferences below make sure nothing else does.
import path from 'node:path'
import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron'
import { hardenWindowContents } from './security'

export interface WindowConfig {
  kiosk: boolean
  /** Developer tools only in an unpackaged (development) app. */
  devTools: boolean
  /** Absolute path of the built preload (out/preload/index.js). */
  preload: string
  /** The dev server URL or app://dropdesk/index.html. */
  entryUrl: string
}

/** The built layout: out/main/index.js sits next to out/preload and out/renderer. */
export function outPaths(mainDir: string): { preload: string; renderer: string } {
  return { preload: path.join(mainDir, '../preload/index.js'), renderer: path.join(mainDir, '../renderer') }
}

/** DROPDESK_KIOSK=0 gives a normal window for development; anything else is a kiosk. */
export function kioskEnabled(env: NodeJS.ProcessEnv): boolean {
  return env.DROPDESK_KIOSK !== '0'
}

export function windowOptions(config: Pick<WindowConfig, 'kiosk' | 'devTools' | 'preload'>): BrowserWindowConstructorOptions {
  return {
    kiosk: config.kiosk,
    width: 1280,
    height: 800,
    show: false, // shown on ready-to-show, so the counter never sees a white flash
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: config.devTools,
      preload: config.preload,
    },
  }
}

type WindowClass = new (options: BrowserWindowConstructorOptions) => BrowserWindow

export function createMainWindow(
  BrowserWindowClass: WindowClass,
  config: WindowConfig,
  log?: (message: string) => void,
): BrowserWindow {
  const win = new BrowserWindowClass(windowOptions(config))
  // No menu: its default accelerators (reload, devtools, zoom) would bypass the input filter.
  win.removeMenu()
  hardenWindowContents(win.webContents, { kiosk: config.kiosk, devTools: config.devTools, log })
  win.once('ready-to-show', () => win.show())
  win.loadURL(config.entryUrl).catch((error: unknown) => {
    log?.(`could not load ${config.entryUrl}: ${error instanceof Error ? error.message : String(error)}`)
  })
  return win
}
