// Serves the built renderer (out/renderer) read-only, with the same path guard and content
// types as the Electron window (web/renderer-files.ts); anything else is a 404. Unknown paths
// without an extension get index.html (the app's own routes).
import { createReadStream } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import path from 'node:path'
import { contentTypeOf, resolveRendererFile } from '../web/renderer-files'

async function fileIn(root: string, urlPath: string): Promise<string | null> {
  const found = await resolveRendererFile(root, urlPath)
  return 'file' in found ? found.file : null
}

export function serveStatic(root: string, headers: Record<string, string>): (req: IncomingMessage, res: ServerResponse) => void {
  const serve = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { ...headers, Allow: 'GET, HEAD' }).end()
      return
    }
    const urlPath = new URL(req.url ?? '/', 'http://host').pathname
    let file = await fileIn(root, urlPath)
    if (!file && !path.extname(urlPath)) file = await fileIn(root, '/index.html')
    if (!file) {
      res.writeHead(404, { ...headers, 'Content-Type': 'text/plain' }).end('Not found')
      return
    }
    const isHtml = file.endsWith('.html')
    res.writeHead(200, {
      ...headers,
      'Content-Type': contentTypeOf(file),
      // Hashed assets never change; the page itself must always be fresh.
      'Cache-Control': isHtml ? 'no-store' : 'public, max-age=31536000, immutable',
    })
    if (req.method === 'HEAD') res.end()
    else createReadStream(file).pipe(res)
  }
  return (req, res) => {
    serve(req, res).catch(() => {
      if (res.headersSent) res.destroy()
      else res.writeHead(500, { ...headers, 'Content-Type': 'text/plain' }).end('Server error')
    })
  }
}
