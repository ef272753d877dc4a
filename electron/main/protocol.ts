// Serves the built renderer from app://dropdesk/ instead of file://. A privileged standard
// scheme gives the renderer a real origin (so the CSP's 'self', fetch and the camera permission
// all work), and unlike file:// it can reach nothing outside out/renderer.
import { readFile } from 'node:fs/promises'
import type { Protocol } from 'electron'
import { contentSecurityPolicy, contentTypeOf, hasDotDot, resolveRendererFile } from '../web/renderer-files'
import { APP_HOST, APP_SCHEME } from './origin'

/** The renderer's policy (web/renderer-files.ts): the app:// page reaches its own origin only. */
export const CONTENT_SECURITY_POLICY = contentSecurityPolicy()

/** Must run before `app` is ready: Chromium fixes the scheme table at start-up. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ])
}

const refuse = (status: number, text: string) =>
  new Response(text, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } })

/** A `protocol.handle` handler serving files inside `rootDir` only. */
export function createAppProtocolHandler(rootDir: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405, 'Method not allowed')
    const pathname = appPath(request.url)
    if (pathname === null) return refuse(403, 'Forbidden')
    const found = await resolveRendererFile(rootDir, pathname)
    if ('refused' in found) return found.refused === 403 ? refuse(403, 'Forbidden') : refuse(404, 'Not found')
    try {
      const body = request.method === 'HEAD' ? null : await readFile(found.file)
      return new Response(body, {
        status: 200,
        headers: {
          'content-type': contentTypeOf(found.file),
          'content-security-policy': CONTENT_SECURITY_POLICY,
          'x-content-type-options': 'nosniff',
          'cache-control': 'no-cache',
        },
      })
    } catch {
      return refuse(404, 'Not found')
    }
  }
}

/**
 * The (still encoded) path of an app://dropdesk/ URL, or null when it is not ours: another
 * scheme or host, or a raw path that climbs with `..`. Checked on the raw text because URL
 * parsing quietly folds `..` away (the decoded path is checked by resolveRendererFile).
 */
function appPath(rawUrl: string): string | null {
  const rawPath = rawUrl.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '').replace(/[?#].*$/, '')
  if (hasDotDot(rawPath)) return null
  let url: URL
  try {
    url = new URL(rawUrl)
  } catch {
    return null
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null
  return url.pathname
}
