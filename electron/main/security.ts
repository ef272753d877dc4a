// Hardening of the web contents and the session (the Electron security checklist): the kiosk
// shows our renderer and nothing else, grants the camera and nothing else, and the person at
// the counter cannot reload, zoom or open developer tools from the keyboard.
import type { Input, Session, WebContents } from 'electron'

export type IsTrustedUrl = (url: string | undefined | null) => boolean

type GuardedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>

/**
 * For every web contents (installed from app 'web-contents-created', so a contents we did not
 * expect is covered too): no navigation away from our origin, no new windows, no <webview>.
 */
export function guardWebContents(contents: GuardedContents, isTrustedUrl: IsTrustedUrl): void {
  contents.on('will-navigate', (event) => {
    if (!isTrustedUrl(event.url)) event.preventDefault()
  })
  contents.on('will-frame-navigate', (event) => {
    if (!isTrustedUrl(event.url)) event.preventDefault()
  })
  contents.on('will-redirect', (event) => {
    if (!isTrustedUrl(event.url)) event.preventDefault()
  })
  // A kiosk has no second window and no external browser to hand links to.
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
  contents.on('will-attach-webview', (event) => event.preventDefault())
}

type PermissionSession = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>

/**
 * Only 'media', only video (the barcode camera; nothing here records sound), only for our own
 * origin in the main frame. Everything else — geolocation, notifications, HID, serial, USB, clipboard —
 * is denied: devices are reached by the services, never by the page.
 */
export function installPermissionHandlers(session: PermissionSession, isTrustedUrl: IsTrustedUrl): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? (details.mediaTypes ?? []) : []
    const cameraOnly = mediaTypes.length > 0 && mediaTypes.every((type) => type === 'video')
    callback(permission === 'media' && cameraOnly && details.isMainFrame && isTrustedUrl(details.requestingUrl))
  })
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) => {
    if (permission !== 'media' || details.mediaType === 'audio' || !details.isMainFrame) return false
    return isTrustedUrl(details.requestingUrl ?? requestingOrigin)
  })
}

/**
 * Keys that would reload the page, go back or forward, open developer tools, zoom, print, close
 * the window, or (in kiosk mode) quit or leave full screen. A keyboard-wedge scanner types plain
 * characters and Enter, so it is unaffected.
 */
export function isBlockedShortcut(input: Pick<Input, 'type' | 'key' | 'control' | 'meta' | 'shift' | 'alt'>, kiosk: boolean): boolean {
  if (input.type !== 'keyDown') return false
  const key = input.key.toLowerCase()
  if (key === 'f5' || key === 'f12' || key === 'browserrefresh' || key === 'browserback' || key === 'browserforward') return true
  if (kiosk && key === 'f11') return true
  if (kiosk && input.alt && key === 'f4') return true
  if (input.alt && (key === 'arrowleft' || key === 'arrowright' || key === 'home')) return true
  const mod = input.control || input.meta
  if (!mod) return false
  if (key === 'r' || key === 'w' || key === 'p') return true
  if (input.shift && (key === 'i' || key === 'j' || key === 'c')) return true
  if (key === '+' || key === '=' || key === '-' || key === '_' || key === '0') return true
  if (kiosk && key === 'q') return true
  return false
}

type WindowContents = Pick<WebContents, 'on' | 'reload' | 'isDestroyed' | 'setVisualZoomLevelLimits' | 'closeDevTools'>

/**
 * Per window: block the shortcuts, pin the zoom, keep developer tools shut in a packaged app,
 * and come back after a renderer crash. A reload is all a crash needs: every step the counter
 * confirmed is already an event in the services, and the renderer rebuilds its screens from them
 * (after sign-in, scanning the same label offers to resume the open case).
 */
export function hardenWindowContents(
  contents: WindowContents,
  options: { kiosk: boolean; devTools?: boolean; log?: (message: string) => void },
): void {
  contents.on('before-input-event', (event, input) => {
    if (isBlockedShortcut(input, options.kiosk)) event.preventDefault()
  })
  // webPreferences.devTools=false already refuses them; this also covers a path we did not think of.
  if (options.devTools === false) {
    contents.on('devtools-opened', () => {
      options.log?.('developer tools opened in a production build: closed')
      contents.closeDevTools()
    })
  }
  // Touch screens: a pinch must not zoom the intake screens out of their layout.
  void contents.setVisualZoomLevelLimits(1, 1)
  // An unattended kiosk must not sit on a blank page after a renderer crash. A short delay keeps
  // a page that crashes on load from spinning the CPU.
  let lastReload = 0
  contents.on('render-process-gone', (_event, details) => {
    options.log?.(`renderer gone (${details.reason}, exit ${details.exitCode}); reloading`)
    const wait = Date.now() - lastReload < 10_000 ? 5_000 : 500
    setTimeout(() => {
      if (contents.isDestroyed()) return // the window closed meanwhile
      lastReload = Date.now()
      contents.reload()
    }, wait)
  })
}
