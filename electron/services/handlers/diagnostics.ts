// `app.diagnostics`: what a supervisor or a technician needs to see first when a kiosk
// misbehaves. Supervisor only: it shows the data folder and the kiosk's inner state.
import { statfsSync, statSync } from 'node:fs'
import path from 'node:path'
import type { DiagnosticsView } from '@shared/contract/diagnostics-views'
import { requireSupervisor } from '../auth'
import type { ServiceContext } from '../context'
import { runProbes, type DiagnosticsSources, type LastSync } from '../diagnostics/probes'
import type { Handlers } from '../dispatch'
import { lastImport } from '../orders/import-log'
import { DB_FILE } from '../store/database'
import { schemaVersion } from '../store/migrate'

declare const __APP_VERSION__: string | undefined

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

export function diagnosticsHandlers(ctx: ServiceContext, dataDir: string, sources: DiagnosticsSources = {}): Pick<Handlers, 'app.diagnostics'> {
  const count = (table: string) => (ctx.store.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n
  return {
    'app.diagnostics': async (_input, session) => {
      requireSupervisor(session)
      const dbFile = path.join(dataDir, DB_FILE)
      const versions = process.versions as NodeJS.ProcessVersions & { electron?: string; chrome?: string }
      return {
        generatedAt: ctx.now().toISOString(),
        versions: {
          app: typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : (process.env.npm_package_version ?? 'dev'),
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
