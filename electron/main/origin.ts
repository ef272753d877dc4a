// Which pages are "ours": the built renderer on the app:// scheme, or, in development only, the
// electron-vite dev server. Every security decision in the shell (navigation, permissions, IPC
// senders) asks this one place.

export const APP_SCHEME = 'app'
export const APP_HOST = 'dropdesk'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`

/**
 * The origin of a URL, or null. Node's URL gives custom schemes an opaque origin ("null"), so
 * app:// is spelled out the way Chromium sees it once the scheme is registered as standard.
 */
export function originOf(url: string | undefined | null): string | null {
  if (!url) return null
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null
  }
  if (parsed.protocol === `${APP_SCHEME}:`) return parsed.host ? `${APP_SCHEME}://${parsed.host}` : null
  if (parsed.protocol === 'http:' || parsed.protocol === 'https:') return parsed.origin
  return null
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]'])

/**
 * The dev server URL, honoured only in an unpackaged app and only on loopback: an environment
 * variable must never be able to point a production kiosk at a foreign page that would then
 * get the preload's API.
 */
export function devServerUrl(env: NodeJS.ProcessEnv, isPackaged: boolean): string | null {
  const raw = env.ELECTRON_RENDERER_URL
  if (isPackaged || !raw) return null
  try {
    const url = new URL(raw)
    if ((url.protocol === 'http:' || url.protocol === 'https:') && LOOPBACK.has(url.hostname)) return url.href
  } catch {
    // fall through: a malformed value is ignored like a missing one
  }
  return null
}

export interface RendererOrigin {
  /** What the window loads first. */
  entryUrl: string
  /** The one origin trusted for navigation, permissions and IPC. */
  origin: string
  isTrustedUrl(url: string | undefined | null): boolean
}

export function rendererOrigin(devUrl: string | null): RendererOrigin {
  const entryUrl = devUrl ?? APP_ENTRY_URL
  const origin = devUrl ? (originOf(devUrl) ?? APP_ORIGIN) : APP_ORIGIN
  return { entryUrl, origin, isTrustedUrl: (url) => originOf(url) === origin }
}
