// The app calls: `app.info` (what the screens show of this kiosk), and `app.diagnostics`, what a
// supervisor or a technician needs to see first when a kiosk misbehaves (supervisor only: it
// shows the data folder and the kiosk's inner state, and every module's probes).
import { statfsSync, statSync } from 'node:fs'
import path from 'node:path'
import type { DiagnosticsView } from '@shared/contract/diagnostics-views'
import type { ServiceContext } from '../context'
import { runProbes, type DiagnosticsSources, type LastSync } from '../diagnostics/probes'
import type { HandlersOf } from '../dispatch'
import type { ServiceModule } from '../module'
import { servesDemo } from '../orders/demo-manifest'
import { lastImport } from '../orders/import-log'
import { DB_FILE } from '../store/database'
import { schemaVersion } from '../store/migrate'

declare const __APP_VERSION__: string | undefined

const appVersion = (): string => (typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : (process.env.npm_package_version ?? 'dev'))

/** Below this much free space the screen warns: photos and the WAL need room. */
const LOW_DISK_BYTES = 1024 ** 3

function fileSize(file: string): number {
  try {
    return statSync(file).size
  } catch {
    return 0
  }
}

function disk(dir: string): DiagnosticsView['disk'] {
  try {
    const s = statfsSync(dir)
    const freeBytes = s.bavail * s.bsize
    return { freeBytes, totalBytes: s.blocks * s.bsize, status: freeBytes < LOW_DISK_BYTES ? 'warning' : 'ok' }
  } catch {
    return null
  }
}

/**
 * Without a reader from the sync module: configured when a central URL is set, and the last
 * success as the sync ledger records it (sync_state 'last.success', migration 003).
 */
function syncFromStore(ctx: ServiceContext): LastSync {
  const configured = Boolean(ctx.store.settings.get<string>('sync.centralUrl'))
  if (!configured) return { configured, lastSyncAt: null, detail: 'not configured' }
  let lastSyncAt: string | null = null
  try {
    const row = ctx.store.db.prepare("SELECT value FROM sync_state WHERE key = 'last.success'").get() as { value: string } | undefined
    lastSyncAt = row?.value ?? null
  } catch {
    // no sync ledger in this schema
  }
  return { configured, lastSyncAt, detail: null }
}

/** Built last: `sources.probes` are the other modules' probes. */
export function createDiagnosticsModule(ctx: ServiceContext, sources: DiagnosticsSources = {}): ServiceModule<HandlersOf<'app'>> {
  return { handlers: appHandlers(ctx, ctx.dataDir, sources) }
}

function appHandlers(ctx: ServiceContext, dataDir: string, sources: DiagnosticsSources): HandlersOf<'app'> {
  const count = (table: string) => (ctx.store.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n
  return {
    'app.info': () => ({
      version: appVersion(),
      kioskId: ctx.kioskId,
      transport: ctx.transport,
      timeZone: ctx.timeZone,
      ordersCount: ctx.store.orders.count(),
      demo: servesDemo(ctx.store),
    }),
    'app.diagnostics': async () => {
      const dbFile = path.join(dataDir, DB_FILE)
      const versions = process.versions as NodeJS.ProcessVersions & { electron?: string; chrome?: string }
      return {
        generatedAt: ctx.now().toISOString(),
        versions: {
          app: appVersion(),
          node: versions.node,
          electron: versions.electron ?? null,
          chromium: versions.chrome ?? null,
          sqlite: (ctx.store.db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v,
          platform: `${process.platform} ${process.arch}`,
        },
        dataDir,
        disk: disk(dataDir),
        database: {
          bytes: fileSize(dbFile),
          walBytes: fileSize(`${dbFile}-wal`),
          schemaVersion: schemaVersion(ctx.store.db),
          events: count('events'),
          cases: count('cases'),
          orders: count('orders'),
        },
        sync: (sources.lastSync ?? (() => syncFromStore(ctx)))(),
        probes: await runProbes(sources.probes ?? []),
        lastImport: lastImport(ctx.store.db),
      }
    },
  }
}
