// `npm run manifest:import -- FILE.jsonl --data-dir DIR`: imports manifest records into a
// kiosk's orders cache and reports what happened. Exit codes: 0 all lines imported, 3 some
// lines rejected (the rest imported), 2 nothing imported, the file refused, or bad usage.
// The data dir is always named: a default would silently fill a folder nobody looks at.
import path from 'node:path'
import { workerSink } from '../services/orders/import-worker-sink'
import { importExitCode, importManifestFile } from '../services/orders/manifest-import'
import { importReportLines } from '../services/orders/import-report-text'
import { openStore } from '../services/store'
import { DB_FILE } from '../services/store/database'

const usage = 'usage: npm run manifest:import -- FILE.jsonl --data-dir DIR'

function parse(argv: string[]): { file: string; dataDir: string } {
  let file: string | undefined
  let dataDir: string | undefined
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
  if (!dataDir) {
    throw new Error(`Which kiosk? Name its data dir with --data-dir (the folder the kiosk was started with, which holds dropdesk.sqlite).\n${usage}`)
  }
  return { file, dataDir }
}

async function main(): Promise<number> {
  const { file, dataDir } = parse(process.argv.slice(2))
  const store = openStore(dataDir)
  try {
    // Validation here, SQLite writes in a worker thread: both cores busy on a large file.
    const sink = workerSink(path.join(__dirname, 'import-worker.js'), path.join(dataDir, DB_FILE))
    const timeZone = store.settings.get<string>('counter.timeZone')
    const r = await importManifestFile(store, file, { source: 'import', now: () => new Date(), timeZone, sink })
    const lines = importReportLines(file, r)
    if (r.refused !== null) console.error(lines.join('\n'))
    else console.log(lines.join('\n'))
    console.log(`Orders in ${dataDir}: ${store.orders.count()}`)
    return importExitCode(r)
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
