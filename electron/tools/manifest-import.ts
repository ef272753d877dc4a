// `npm run manifest:import -- FILE.jsonl --data-dir DIR`: imports manifest records into a
// kiosk's orders cache and reports what happened. Exit codes: 0 all lines imported, 3 some
// lines rejected (the rest imported), 2 bad usage or unreadable file.
import { existsSync } from 'node:fs'
import path from 'node:path'
import { defaultDataDir } from '../host/args'
import { workerSink } from '../services/orders/import-worker-sink'
import { importManifestFile } from '../services/orders/manifest-import'
import { openStore } from '../services/store'
import { DB_FILE } from '../services/store/database'

const usage = 'usage: npm run manifest:import -- FILE.jsonl [--data-dir DIR]'

function parse(argv: string[]): { file: string; dataDir: string } {
  let file: string | undefined
  let dataDir = process.env.DROPDESK_DATA_DIR || defaultDataDir()
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!
    if (a === '--data-dir') {
      const v = argv[++i]
      if (!v) throw new Error(`--data-dir needs a folder.\n${usage}`)
      dataDir = path.resolve(v)
    } else if (a.startsWith('--')) throw new Error(`Unknown option "${a}".\n${usage}`)
    else if (file) throw new Error(`Give one file at a time.\n${usage}`)
    else file = path.resolve(a)
  }
  if (!file) throw new Error(`Which file? ${usage}`)
  if (!existsSync(file)) throw new Error(`${file} does not exist.`)
  return { file, dataDir }
}

async function main(): Promise<number> {
  const { file, dataDir } = parse(process.argv.slice(2))
  const store = openStore(dataDir)
  try {
    // Validation here, SQLite writes in a worker thread: both cores busy on a large file.
    const sink = workerSink(path.join(__dirname, 'import-worker.js'), path.join(dataDir, DB_FILE))
    const r = await importManifestFile(store, file, { source: 'import', now: () => new Date(), sink })
    const perSecond = r.ms > 0 ? Math.round((r.imported / r.ms) * 1000) : r.imported
    console.log(
      `Imported ${r.imported} records (${r.added} new orders) from ${r.lines} lines in ${(r.ms / 1000).toFixed(1)} s (${perSecond} records/s); rejected ${r.rejectedCount}.`,
    )
    for (const { line, reason } of r.rejected.slice(0, 50)) console.log(`  line ${line}: ${reason}`)
    if (r.rejectedCount > 50) console.log(`  … and ${r.rejectedCount - 50} more rejected lines.`)
    console.log(`Orders in ${dataDir}: ${store.orders.count()}`)
    return r.rejectedCount ? 3 : 0
  } finally {
    store.close()
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : String(e))
    process.exit(2)
  },
)
