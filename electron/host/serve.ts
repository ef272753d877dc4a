// Browser mode: the same services and renderer as the Electron app, over a loopback
// WebSocket. Listens on 127.0.0.1 only and prints one line with the URL to open, which holds
// the per-start token.
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { createServer } from 'node:http'
import path from 'node:path'
import { createServices } from '../services'
import { importReportLines } from '../services/orders/import-report-text'
import { parseHostArgs } from './args'
import { portInUseMessage } from './port-owner'
import { securityHeaders } from './content-policy'
import { serveStatic } from './static-files'
import { attachBridge } from './ws-bridge'

export const HOST = '127.0.0.1'

function rendererDir(): string {
  const dir = process.env.DROPDESK_RENDERER_DIR ?? path.join(__dirname, '..', 'renderer')
  if (!existsSync(path.join(dir, 'index.html'))) {
    throw new Error(`The renderer is not built (${dir}/index.html is missing). Run: npm run build`)
  }
  return dir
}

async function main(): Promise<void> {
  const args = parseHostArgs(process.argv.slice(2))
  const root = rendererDir()
  const services = await createServices({
    dataDir: args.dataDir,
    transport: 'browser',
    manifestFile: args.manifest,
    timeZone: args.timeZone,
  })
  // Once, on a fresh data dir: the only way to learn the first supervisor's PIN (never logged).
  // The same report as `npm run manifest:import`; the kiosk starts either way (the orders it
  // already had are kept) and Diagnostics shows the report to supervisors.
  if (args.manifest && services.manifestReport) console.log(importReportLines(args.manifest, services.manifestReport).join('\n'))
  if (services.firstRunSupervisorPin) console.log(`first-run supervisor PIN: ${services.firstRunSupervisorPin}`)
  const token = randomBytes(24).toString('base64url')
  const server = createServer()
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(args.port, HOST, () => resolve())
    })
  } catch (e) {
    services.close()
    if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new Error(portInUseMessage(HOST, args.port))
    throw e
  }
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : args.port
  services.instance?.setPort(port)
  const origin = `http://${HOST}:${port}`
  server.on('request', serveStatic(root, securityHeaders(origin)))
  const bridge = attachBridge(server, services, { token, origins: [origin, `http://localhost:${port}`] })

  console.log(`DropDesk is ready: open ${origin}/#token=${token}`)

  const stop = () => {
    bridge.close()
    server.close()
    services.close()
    process.exit(0)
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((e: unknown) => {
  console.error(`DropDesk could not start: ${e instanceof Error ? e.message : String(e)}`)
  process.exit(1)
})
