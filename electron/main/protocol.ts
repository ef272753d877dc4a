// Serves the built renderer from app://dropdesk/ instead of file://. A privileged standard
// scheme gives the renderer a real origin (so the CSP's 'self', fetch and the camera permission
// all work), and unlike file:// it can reach nothing outside out/renderer.
import { readFile, realpath, stat } from 'node:fs/promises'
import path from 'node:path'
import type { Protocol } from 'electron'
import { APP_HOST, APP_SCHEME } from './origin'

/** No inline scripts or styles, no foreign hosts, no plugins, no framing, no form posts. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  // The camera worker compiles our own zxing .wasm: the narrow permission, not 'unsafe-eval'.
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob: mediastream:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ')

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
}

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
  const root = path.resolve(rootDir)
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405, 'Method not allowed')
    const file = await resolveInside(root, request.url)
    if (file === null) return refuse(403, 'Forbidden')
    try {
      const info = await stat(file)
      if (!info.isFile()) return refuse(404, 'Not found')
      // A symlink inside out/renderer must not lead outside it either.
      const real = await realpath(file)
      if (!isInside(await realpath(root), real)) return refuse(403, 'Forbidden')
      const body = request.method === 'HEAD' ? null : await readFile(real)
      return new Response(body, {
        status: 200,
        headers: {
          'content-type': MIME[path.extname(real).toLowerCase()] ?? 'application/octet-stream',
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
 * The file a URL names, or null when it is not ours: another host, or a path that climbs out
 * of the root. Checked on the raw text as well as after decoding, because URL parsing quietly
 * folds `..` away and `%2e%2e%2f` only becomes `../` after decoding.
 */
export async function resolveInside(root: string, rawUrl: string): Promise<string | null> {
  const rawPath = rawUrl.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '').replace(/[?#].*$/, '')
  if (hasDotDot(rawPath)) return null
  let url: URL
  try {
    url = new URL(rawUrl)
  } catch {
    return null
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null
  let decoded: string
  try {
    decoded = decodeURIComponent(url.pathname)
  } catch {
    return null
  }
  if (decoded.includes('\0') || decoded.includes('\\') || hasDotDot(decoded)) return null
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '')
  const file = path.resolve(root, relative)
  return isInside(root, file) ? file : null
}

function hasDotDot(p: string): boolean {
  return p.split(/[/\\]/).some((segment) => /^(\.|%2e){2}$/i.test(segment))
}

function isInside(root: string, file: string): boolean {
  const rel = path.relative(root, file)
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel)
}
