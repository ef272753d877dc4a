// `npm run staff:reset-supervisor -- --data-dir DIR`: the recovery when no supervisor PIN is
// known (the first-run PIN lost, the only supervisor gone). Whoever can run it has physical
// access to the machine; it gives the first supervisor a new PIN, printed once, and records
// that in the audited staff events. Run it with DropDesk stopped. Exit codes: 0 done, 2 cannot run.
import { existsSync } from 'node:fs'
import path from 'node:path'
import { Settings } from '../services/store/settings'
import { forgetFirstRunPin } from '../services/staff/first-run-pin'
import { generatePin, hashPin } from '../services/staff/pin-hash'
import { StaffStore } from '../services/staff/staff-store'
import { acquireInstanceLock } from '../services/startup/instance-lock'
import { DB_FILE, openDatabase } from '../services/store/database'

const usage = 'usage: npm run staff:reset-supervisor -- --data-dir DIR'
export const PHYSICAL_ACCESS_ACTOR = 'physical access at the machine'

function parse(argv: string[]): { dataDir: string } {
  let dataDir: string | undefined
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!
    if (a === '--data-dir') {
      const v = argv[++i]
      if (!v) throw new Error(`--data-dir needs a folder.\n${usage}`)
      dataDir = path.resolve(v)
    } else if (a.startsWith('--data-dir=')) dataDir = path.resolve(a.slice('--data-dir='.length))
    else throw new Error(`Unknown argument "${a}".\n${usage}`)
  }
  // Never a default folder: resetting the wrong kiosk's supervisor must take a deliberate choice.
  if (!dataDir) throw new Error(`Give the kiosk's data folder with --data-dir.\n${usage}`)
  return { dataDir }
}

async function main(): Promise<number> {
  const { dataDir } = parse(process.argv.slice(2))
  const file = path.join(dataDir, DB_FILE)
  if (!existsSync(file)) throw new Error(`No DropDesk database at ${file}. Give the kiosk's data folder with --data-dir.`)
  // Refused while DropDesk runs on this folder (the lock names it): stop DropDesk first.
  const lock = acquireInstanceLock(dataDir, 'browser')
  const db = openDatabase(file)
  try {
    const kioskId = new Settings(db).get<string>('kiosk.id')
    if (!kioskId) throw new Error(`${file} has no kiosk id: start DropDesk once on this folder first.`)
    const store = new StaffStore(db, kioskId)
    const pin = generatePin()
    // Stored without a lookup tag (the key may live in the desktop keyring): sign-in checks the hash and adds it.
    const hashed = { ...(await hashPin(pin)), tag: null }
    const at = new Date().toISOString()
    const first = store
      .active()
      .filter((s) => s.role === 'supervisor')
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt))[0]
    db.transaction(() => {
      if (first) store.resetSupervisorPin(first.id, hashed, PHYSICAL_ACCESS_ACTOR, at)
      else store.add({ name: 'Supervisor', role: 'supervisor', pin: hashed }, 'staff.added', PHYSICAL_ACCESS_ACTOR, at)
      forgetFirstRunPin(db)
    })()
    console.log(first ? `New PIN for supervisor "${first.name}": ${pin}` : `No supervisor was left: added "Supervisor" with PIN: ${pin}`)
    console.log('It is shown only now. Sign in with it, then change it. This reset is recorded in the staff events.')
    return 0
  } finally {
    db.close()
    lock.release()
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : String(e))
    process.exit(2)
  },
)
