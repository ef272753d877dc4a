// How the built renderer (out/renderer) is served, the same way by the Electron app:// protocol
// (main/protocol.ts) and by browser mode's HTTP host (host/static-files.ts): one Content-
// Security-Policy, one table of content types, one guard that keeps every path inside the
// renderer folder, symlinks included.
import { realpath, stat } from 'node:fs/promises'
import path from 'node:path'

/**
 * No inline scripts or styles, no foreign hosts, no plugins, no framing, no form posts.
 * `connect`: origins the page may reach besides its own (browser mode's WebSocket).
 */
export function contentSecurityPolicy(connect: readonly string[] = []): string {
  return [
    "default-src 'self'",
    // The camera worker compiles our own zxing .wasm: 'wasm-unsafe-eval' allows no eval() of
    // JavaScript, and scripts still come from our origin only.
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "media-src 'self' blob: mediastream:",
    ["connect-src 'self'", ...connect].join(' '),
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'none'",
  ].join('; ')
}

const CONTENT_TYPES: Record<string, string> = {
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

export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream'
}

/** Whether a path (raw or decoded) has a `..` segment, spelled plainly or percent-encoded. */
export function hasDotDot(p: string): boolean {
  return p.split(/[/\\]/).some((segment) => /^(\.|%2e){2}$/i.test(segment))
}

function isInside(root: string, file: string): boolean {
  const rel = path.relative(root, file)
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel)
}

/** A renderer file, or why not: 403 for a path that is not ours, 404 for one that is not there. */
export type RendererFile = { file: string } | { refused: 403 | 404 }

/**
 * The file under `root` a URL's path names (still percent-encoded): refused (403) when it does
 * not decode, holds a NUL, a backslash or a `..`, climbs out, or is a symlink leading outside
 * the folder; 404 when it is not a file there. "/" is index.html.
 */
export async function resolveRendererFile(root: string, encodedPath: string): Promise<RendererFile> {
  let decoded: string
  try {
    decoded = decodeURIComponent(encodedPath)
  } catch {
    return { refused: 403 }
  }
  if (decoded.includes('\0') || decoded.includes('\\') || hasDotDot(decoded)) return { refused: 403 }
  const base = path.resolve(root)
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '')
  const file = path.resolve(base, relative)
  if (!isInside(base, file)) return { refused: 403 }
  try {
    if (!(await stat(file)).isFile()) return { refused: 404 }
    const real = await realpath(file)
    return isInside(await realpath(base), real) ? { file: real } : { refused: 403 }
  } catch {
    return { refused: 404 }
  }
}
