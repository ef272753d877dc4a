// The audit chain (migration 005): each event carries the hash of the kiosk's previous event;
// editing or removing an event behind the app's back (a raw SQLite connection with the
// append-only triggers dropped) is found at the right event, by the library and by
// `npm run audit:verify` (the built tool, as a real process).
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import BetterSqlite3, { type Database } from 'better-sqlite3'
import { beforeAll, describe, expect, it } from 'vitest'
import { eventHash, type HashedEventColumns } from '../../electron/services/audit/event-hash'
import { verifyChains } from '../../electron/services/audit/verify-chain'
import { DB_FILE, openDatabase } from '../../electron/services/store/database'
import { EventLog } from '../../electron/services/store/event-log'
import { migrationsThrough } from '../support/audit-migrations'
import { appendEventAt } from '../support/old-schema-rows'
import { caseEvent, rowAt, seededDir as seededWithStaff, tamper as tamperLogs } from '../support/audit-chain-seed'
import { tempDir } from '../support/temp-dir'

const root = path.resolve(__dirname, '../..')
const outDir = path.resolve(root, process.env.DROPDESK_OUT_DIR ?? 'out')

/** A data dir whose database, left at schema `version`, holds `n` events (two kiosks
 * interleaved) as the DropDesk of that schema wrote them. */
function seeded(n: number, version = 5): { dir: string; file: string } {
  const dir = tempDir()
  const file = path.join(dir, DB_FILE)
  const db = openDatabase(file, { migrations: migrationsThrough(version) })
  db.transaction(() => {
    for (let i = 1; i <= n; i++) appendEventAt(db, version, caseEvent(`case-${Math.ceil(i / 2)}`, i % 2 === 1 ? 1 : 2, i % 3 === 0 ? 'KOTHER' : 'KTEST1'))
  })()
  db.close()
  return { dir, file }
}

/** What an attacker with the file would do: drop the triggers, then change the log. */
function tamper(file: string, sql: string, ...params: unknown[]): void {
  const db = new BetterSqlite3(file)
  db.exec('DROP TRIGGER events_no_update; DROP TRIGGER events_no_delete;')
  db.prepare(sql).run(...params)
  db.close()
}

function seqOf(file: string, position: number): { seq: number; id: string } {
  const db = new BetterSqlite3(file, { readonly: true })
  const row = db.prepare('SELECT seq, id FROM events ORDER BY seq LIMIT 1 OFFSET ?').get(position - 1) as { seq: number; id: string }
  db.close()
  return row
}

function verifyFile(file: string) {
  const db: Database = new BetterSqlite3(file, { readonly: true })
  try {
    return verifyChains(db)
  } finally {
    db.close()
  }
}

function runTool(dir: string) {
  const r = spawnSync(process.execPath, [path.join(outDir, 'main/audit-verify.js'), '--data-dir', dir], { encoding: 'utf8' })
  return { code: r.status, out: r.stdout + r.stderr }
}

describe('the audit chain', () => {
  beforeAll(() => {
    expect(spawnSync(process.execPath, [path.join(root, 'scripts/ensure-build.mjs')], { cwd: root, stdio: 'inherit' }).status).toBe(0)
  })

  it('links each event to the previous event of the same kiosk', () => {
    const { file } = seeded(12)
    const db = new BetterSqlite3(file, { readonly: true })
    const rows = db.prepare('SELECT kiosk_id, prev_hash, hash FROM events ORDER BY seq').all() as Array<{ kiosk_id: string; prev_hash: string | null; hash: string }>
    db.close()
    const last = new Map<string, string>()
    for (const r of rows) {
      expect(r.hash).toMatch(/^[0-9a-f]{64}$/)
      expect(r.prev_hash).toBe(last.get(r.kiosk_id) ?? null)
      last.set(r.kiosk_id, r.hash)
    }
    expect([...last.keys()].sort()).toEqual(['KOTHER', 'KTEST1'])
    expect(verifyFile(file)).toMatchObject({ ok: true, checked: { events: 12 } })
    const tool = runTool(path.dirname(file))
    expect(tool.out).toContain('intact')
    expect(tool.code).toBe(0)
  })

  it('finds an edited payload at the edited event', () => {
    const { dir, file } = seeded(10)
    const target = seqOf(file, 6)
    tamper(file, `UPDATE events SET payload = json_set(payload, '$.orderNumber', 'BM-EVIL') WHERE seq = ?`, target.seq)
    expect(verifyFile(file).firstBreak).toMatchObject({ table: 'events', seq: target.seq, id: target.id, reason: expect.stringMatching(/edited/) })
    const tool = runTool(dir)
    expect(tool.code).toBe(1)
    expect(tool.out).toContain(`events seq ${target.seq} (id ${target.id})`)
  })

  it('finds an edit whose hash was recomputed, at the next event of that kiosk', () => {
    const { file } = seeded(10)
    const db = new BetterSqlite3(file)
    db.exec('DROP TRIGGER events_no_update')
    // Re-hashing the edited row is not enough: the next row of the kiosk still points at the old hash.
    const row = db.prepare('SELECT * FROM events WHERE seq = 1').get() as HashedEventColumns
    db.prepare("UPDATE events SET actor = 'someone-else', hash = ? WHERE seq = 1").run(eventHash({ ...row, actor: 'someone-else' }))
    db.close()
    expect(verifyFile(file).firstBreak).toMatchObject({ seq: 2, reason: expect.stringMatching(/does not follow/) })
  })

  it('finds a removed event in the middle and at the end', () => {
    const middle = seeded(9)
    const gone = seqOf(middle.file, 4)
    tamper(middle.file, 'DELETE FROM events WHERE seq = ?', gone.seq)
    const broken = verifyFile(middle.file).firstBreak
    expect(broken).toMatchObject({ seq: gone.seq + 1, reason: expect.stringMatching(/missing.*removed/) })
    const tool = runTool(middle.dir)
    expect(tool.code).toBe(1)
    expect(tool.out).toContain(`seq ${gone.seq + 1}`)

    const end = seeded(9)
    tamper(end.file, 'DELETE FROM events WHERE seq = 9')
    expect(verifyFile(end.file).firstBreak).toMatchObject({ seq: 9, reason: expect.stringMatching(/last 1 row/) })
  })

  it('chains the events recorded before migration 005 when it runs, keeping the log append-only', () => {
    const { file } = seeded(5, 4)
    const before = new BetterSqlite3(file, { readonly: true })
    expect(before.prepare('SELECT count(*) AS n FROM events').get()).toEqual({ n: 5 })
    before.close()
    const db = openDatabase(file, { migrations: migrationsThrough(5) })
    expect(() => db.prepare("UPDATE events SET actor = 'x'").run()).toThrow(/append-only/)
    expect(() => db.prepare('DELETE FROM events').run()).toThrow(/append-only/)
    db.close()
    // New events, written by today's app once the database is migrated, continue the backfilled chain.
    const current = openDatabase(file)
    new EventLog(current).append(caseEvent('case-new', 1))
    current.close()
    expect(verifyFile(file)).toMatchObject({ ok: true, checked: { events: 6 } })
  })

  it('checks staff events in the same chain, and names an edited one with its link', () => {
    const intact = seededWithStaff()
    const ok = runTool(intact.dir)
    expect(ok.code).toBe(0)
    expect(ok.out).toContain('5 events, 4 staff_events checked')

    const { dir, file } = seededWithStaff()
    const bobAdded = rowAt(file, 'staff_events', 2)
    tamperLogs(file, [`UPDATE staff_events SET payload = json_set(payload, '$.name', 'Mallory') WHERE seq = 2`])
    const tool = runTool(dir)
    expect(tool.code).toBe(1)
    expect(tool.out).toContain(`staff_events seq 2 (id ${bobAdded.id}), link 4 of kiosk KTEST1's chain: its content does not match its hash`)
  })

  it('says so when a database has no chain yet, and when there is no database', () => {
    const { dir } = seeded(2, 4)
    const old = runTool(dir)
    expect(old.code).toBe(2)
    expect(old.out).toMatch(/No audit chain/)
    const none = runTool(tempDir())
    expect(none.code).toBe(2)
    expect(none.out).toMatch(/No DropDesk database/)
  })
})
