// `npm run secrets:reset -- --data-dir DIR [--yes]`: the recovery when the kiosk's encryption
// key is lost and no backup holds it. Without --yes it only says what would be lost. Run it with
// DropDesk stopped. Exit codes: 0 reset done, 1 nothing done (no --yes), 2 cannot run.
import { existsSync } from 'node:fs'
import path from 'node:path'
import { defaultDataDir } from '../host/args'
import { describeReset, resetSecrets } from '../services/secrets/secrets-reset'
import { acquireInstanceLock } from '../services/startup/instance-lock'
import { DB_FILE, openDatabase } from '../services/store/database'

const usage = 'usage: npm run secrets:reset -- --data-dir DIR [--yes]'

function parse(argv: string[]): { dataDir: string; yes: boolean } {
  let dataDir = process.env.DROPDESK_DATA_DIR || defaultDataDir()
  let yes = false
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!
    if (a === '--yes') yes = true
    else if (a === '--data-dir') {
      const v = argv[++i]
      if (!v) throw new Error(`--data-dir needs a folder.\n${usage}`)
      dataDir = path.resolve(v)
    } else if (a.startsWith('--data-dir=')) dataDir = path.resolve(a.slice('--data-dir='.length))
    else throw new Error(`Unknown argument "${a}".\n${usage}`)
  }
  return { dataDir, yes }
}

function main(): number {
  const { dataDir, yes } = parse(process.argv.slice(2))
  const file = path.join(dataDir, DB_FILE)
  if (!existsSync(file)) throw new Error(`No DropDesk database at ${file}. Give the kiosk's data folder with --data-dir.`)
  // Refused while DropDesk runs on this folder (the lock names it).
  const lock = acquireInstanceLock(dataDir, 'browser')
  const db = openDatabase(file)
  try {
    const what = describeReset(db)
    const lost = `${what.unlockPins} stored unlock PINs${what.syncToken ? ' and the sync token' : ''}`
    if (!yes) {
      console.log(`This removes what the lost key sealed: ${lost}. They cannot be read without that key.`)
      console.log(`Staff PINs keep working (${what.staffTags} lookup tags are cleared and rebuilt at sign-in).`)
      console.log('If the key can still be restored from a backup, do that instead. Otherwise stop DropDesk and run again with --yes.')
      return 1
    }
    resetSecrets(db)
    console.log(`Removed ${lost}; cleared ${what.staffTags} staff PIN lookup tags.`)
    console.log('Start DropDesk: it records the key it finds (or makes a new one). Ask customers again for unlock PINs where needed; enrol the kiosk for sync again.')
    return 0
  } finally {
    db.close()
    lock.release()
  }
}

try {
  process.exit(main())
} catch (e) {
  console.error(e instanceof Error ? e.message : String(e))
  process.exit(2)
}
