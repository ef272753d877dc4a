// `npm run audit:verify -- --data-dir DIR`: checks the audit chain of a kiosk's database and
// names the first broken link. Opens the file read-only and never migrates it, so checking a
// copy taken from a kiosk changes nothing. Exit codes: 0 intact, 1 broken, 2 cannot check.
import { existsSync } from 'node:fs'
import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { defaultDataDir } from '../host/args'
import { verifyChains } from '../services/audit/verify-chain'
import { DB_FILE } from '../services/store/database'

const usage = 'usage: npm run audit:verify -- [--data-dir DIR]'

function parse(argv: string[]): string {
  let dataDir = process.env.DROPDESK_DATA_DIR || defaultDataDir()
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!
    if (a === '--data-dir') {
      const v = argv[++i]
      if (!v) throw new Error(`--data-dir needs a folder.\n${usage}`)
      dataDir = path.resolve(v)
    } else if (a.startsWith('--data-dir=')) dataDir = path.resolve(a.slice('--data-dir='.length))
    else throw new Error(`Unknown argument "${a}".\n${usage}`)
  }
  return dataDir
}

function main(): number {
  const dataDir = parse(process.argv.slice(2))
  const file = path.join(dataDir, DB_FILE)
  if (!existsSync(file)) throw new Error(`No DropDesk database at ${file}. Give the kiosk's data folder with --data-dir.`)
  const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true })
  try {
    const report = verifyChains(db)
    const counts = Object.entries(report.checked).map(([table, n]) => `${n} ${table}`)
    if (report.unchained.length > 0 && counts.length === 0) {
      console.log(`No audit chain in ${file} yet (tables without one: ${report.unchained.join(', ')}). Start DropDesk once on it to upgrade the database, then check again.`)
      return 2
    }
    if (report.firstBreak) {
      const b = report.firstBreak
      console.log(`Audit chain BROKEN in ${file}`)
      const link = b.position ? `, link ${b.position} of kiosk ${b.chainKey}'s chain` : ''
      console.log(`  first broken link: ${b.table} seq ${b.seq}${b.id ? ` (id ${b.id})` : ''}${link}: ${b.reason}`)
      console.log(`  checked before the break: ${counts.join(', ')}`)
      console.log('  Keep this file as it is (copy it for the investigation) and report it to your supervisor.')
      return 1
    }
    console.log(`Audit chain intact in ${file}: ${counts.join(', ')} checked.`)
    if (report.unchained.length > 0) console.log(`  not chained in this schema: ${report.unchained.join(', ')}`)
    return 0
  } finally {
    db.close()
  }
}

try {
  process.exit(main())
} catch (e) {
  console.error(e instanceof Error ? e.message : String(e))
  process.exit(2)
}
