// The PII canary (issue #7): a case with a known customer name, IMEI and unlock PIN goes
// through the intake to hand-over on a real data dir; then the raw bytes of every file there
// (database, -wal, logs, photos, key file) are searched. The PIN is nowhere in plaintext, the
// name and IMEI nowhere in the logs. Once the case is synced and the retention delay has passed,
// a restart runs the purge: the name, IMEI and PIN are in no byte of the database or its WAL,
// the photos are gone, and the audit chain still verifies.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import type { RetentionView } from '@shared/contract/privacy-views'
import { verifyChains } from '../../electron/services/audit/verify-chain'
import { DB_FILE } from '../../electron/services/store/database'
import { logDir } from '../../electron/services/log'
import { startIntake } from '../support/intake-fixture'
import { customerOrder, handedOverCase, markSynced } from '../support/privacy-case'

const PIN = '90817263'
const FIRST = 'Zéphyrine'
const LAST = 'Canarivorax'
const DAY = 86_400_000

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name)
    return statSync(p).isDirectory() ? filesUnder(p) : [p]
  })
}

/** The needles found in the file's raw bytes. */
function found(file: string, needles: readonly string[]): string[] {
  const bytes = readFileSync(file)
  return needles.filter((n) => bytes.includes(Buffer.from(n, 'utf8')))
}

describe('PII canary', () => {
  it('keeps the PIN out of every file, names and IMEIs out of the logs, and all three out of the database after retention', async () => {
    const r = customerOrder(7, FIRST, LAST)
    const imei = r.item.imei!
    const f = await startIntake([r])
    const caseId = await handedOverCase(f, r, PIN, 0)
    const names = [FIRST, LAST, LAST.toLowerCase(), 'zephyrine', `${FIRST.toLowerCase()}@example.com`]

    const files = filesUnder(f.dataDir)
    expect(files.some((p) => p.endsWith(DB_FILE + '-wal'))).toBe(true)
    const logFiles = filesUnder(logDir(f.dataDir))
    expect(logFiles.length).toBeGreaterThan(0)
    for (const file of files) expect(found(file, [PIN]), file).toEqual([])
    for (const file of logFiles) expect(found(file, [...names, imei]), file).toEqual([])
    expect(f.logs.join('')).not.toContain(PIN)
    for (const needle of [...names, imei]) expect(f.logs.join('')).not.toContain(needle)
    // The canary is alive: before retention the database does hold the name and the IMEI.
    const dbFiles = files.filter((p) => path.basename(p).startsWith(DB_FILE))
    expect(dbFiles.flatMap((file) => found(file, [LAST, imei])).sort()).toEqual(expect.arrayContaining([LAST, imei]))
    const photos = filesUnder(path.join(f.dataDir, 'photos'))
    expect(photos).toHaveLength(9)

    // Synced today; 30 days later (the default delay) it is not due yet, 31 days later it is.
    markSynced(f.dataDir, caseId, f.clock.now)
    // (Days later the sessions have idled out: the supervisor signs in again.)
    f.clock.now = new Date(f.clock.now.getTime() + 30 * DAY - 60_000)
    expect(await f.ok<RetentionView>('privacy.retention', {}, await f.signIn(f.supervisorPin))).toMatchObject({ days: 30, due: 0 })
    f.clock.now = new Date(f.clock.now.getTime() + DAY)
    expect(await f.ok<RetentionView>('privacy.retention', {}, await f.signIn(f.supervisorPin))).toMatchObject({ due: 1 })
    // The purge runs at start (and nightly): a restart is what a kiosk does every morning.
    await f.restart()
    expect(await f.ok<RetentionView>('privacy.retention', {}, f.boss)).toMatchObject({ due: 0, lastRunAt: f.clock.now.toISOString() })

    const after = filesUnder(f.dataDir).filter((p) => path.basename(p).startsWith(DB_FILE))
    expect(after.length).toBeGreaterThan(0)
    for (const file of after) expect(found(file, [...names, imei, PIN]), file).toEqual([])
    expect(filesUnder(path.join(f.dataDir, 'photos'))).toEqual([])
    for (const file of filesUnder(logDir(f.dataDir))) expect(found(file, [...names, imei, PIN]), file).toEqual([])

    const db = new BetterSqlite3(path.join(f.dataDir, DB_FILE), { readonly: true })
    try {
      expect(verifyChains(db)).toMatchObject({ ok: true })
      expect(db.prepare('SELECT reason FROM erased_cases WHERE case_id = ?').get(caseId)).toEqual({ reason: 'retention' })
      const runs = db.prepare("SELECT actor, detail FROM privacy_log WHERE action = 'retention_purged' ORDER BY seq").all() as Array<{ actor: string; detail: string }>
      expect(runs.map((run) => JSON.parse(run.detail).caseIds)).toContainEqual([caseId])
      expect(runs.every((run) => run.actor === 'retention')).toBe(true)
      // The case itself stays: its status and the photo hashes its events point to.
      expect(db.prepare('SELECT status FROM cases WHERE id = ?').get(caseId)).toEqual({ status: 'handed_over' })
      expect(db.prepare('SELECT count(*) AS n FROM photos WHERE case_id = ?').get(caseId)).toEqual({ n: 9 })
    } finally {
      db.close()
    }
  })
})
