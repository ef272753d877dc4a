// Issue #7, crash safety: the built browser-mode host SIGKILLed at random points while intakes
// run over its API socket, DROPDESK_STORM_KILLS times (default 200). After every restart:
// PRAGMA integrity_check is ok, every step whose reply reached the client is there, no case is
// half written (contiguous events, projection = events folded again, audit chain intact), no
// photo is orphaned or missing. The seed is printed; DROPDESK_STORM_SEED replays a kill plan
// (DROPDESK_STORM_LANES: parallel hosts, default 3).
// Then the checks themselves are shown to catch each kind of damage a crash must never leave.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { DB_FILE } from '../../electron/services/store/database'
import { runStorm } from '../support/kill-storm'
import { checkAfterRestart } from '../support/kill-storm-checks'
import { runLane } from '../support/kill-storm-lane'
import { tempDir } from '../support/temp-dir'

const KILLS = Number(process.env.DROPDESK_STORM_KILLS ?? 200)
const SEED = Number(process.env.DROPDESK_STORM_SEED ?? Math.floor(Math.random() * 2 ** 31))

describe('SIGKILL storm', () => {
  it(`survives ${KILLS} kills of the host in the middle of intakes`, { timeout: 900_000 }, async () => {
    const f = await runStorm({ root: tempDir(), kills: KILLS, seed: SEED })
    console.log(
      `SIGKILL storm: ${f.kills} kills during intakes (${f.killsMidCall} with calls in flight) + ${f.bootKills} of a restart (${f.bootKillsBeforeReady} before it was ready), ${f.lanes} lanes; ` +
        `${f.intakesStarted} intakes started, ${f.intakesHandedOver} handed over; ${f.stepsConfirmed} steps and ${f.photosConfirmed} photos confirmed; ` +
        `${f.committedUnanswered} restarts found a step committed whose reply was lost; ${f.orphansRemoved} orphan photo files removed at start-up; ` +
        `${f.checks} checks over ${f.kills + f.lanes} restarts (final: ${f.final.cases} cases, ${f.final.events} events, ${f.final.photoFiles} photo files); ` +
        `host start median ${f.startMs.median} ms, max ${f.startMs.max} ms; lane-seconds ${Object.entries(f.phases).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ')}; ` +
        `CPU s: hosts ${f.cpu.hosts.toFixed(1)}, test ${f.cpu.test.toFixed(1)}; ${f.seconds.toFixed(1)} s; seed ${f.seed}`,
    )
    expect(f.kills).toBe(KILLS)
    expect(f.stepsConfirmed).toBeGreaterThan(KILLS)
    expect(f.killsMidCall).toBeGreaterThanOrEqual(Math.floor(KILLS / 2))
    expect(f.intakesHandedOver).toBeGreaterThan(0)
    expect(f.final.photoFiles).toBeGreaterThan(0)
  })

  it('its checks catch an orphan, a missing photo, a projection off its events, a lost step and a cut log', { timeout: 120_000 }, async () => {
    const root = tempDir()
    const dataDir = path.join(root, 'data')
    const lane = await runLane({ name: 'checked lane', dataDir, manifestFile: path.join(root, 'manifest.jsonl'), kills: 3, seed: SEED, workers: 2, maxReplies: 40, bootKillRate: 0 })
    const check = () => checkAfterRestart(dataDir, lane.ledger, new Set())
    expect(check().checks).toBeGreaterThan(0)

    const orphan = path.join(dataDir, 'photos', 'ab', `${'ab'.repeat(32)}.jpg`)
    mkdirSync(path.dirname(orphan), { recursive: true })
    writeFileSync(orphan, 'x')
    expect(check).toThrow(/an orphan/)
    renameSync(orphan, `${orphan}.tmp`)
    expect(check).toThrow(/a temp file/)
    renameSync(`${orphan}.tmp`, orphan)
    const [caseId, shas] = [...lane.ledger.photos].find(([, s]) => s.size > 0)!
    const sha = [...shas][0]!
    const photo = path.join(dataDir, 'photos', sha.slice(0, 2), `${sha}.jpg`)
    renameSync(orphan, path.join(root, 'orphan.jpg'))
    renameSync(photo, path.join(root, 'taken.jpg'))
    expect(check).toThrow(/has no file/)
    renameSync(path.join(root, 'taken.jpg'), photo)
    expect(check().checks).toBeGreaterThan(0)

    const db = new BetterSqlite3(path.join(dataDir, DB_FILE))
    try {
      const row = db.prepare('SELECT state FROM cases WHERE id = ?').get(caseId) as { state: string }
      db.prepare("UPDATE cases SET state = json_set(state, '$.updatedAt', 'edited') WHERE id = ?").run(caseId)
      expect(check).toThrow(/projection differs/)
      db.prepare('UPDATE cases SET state = ? WHERE id = ?').run(row.state, caseId)

      const confirmed = lane.ledger.cases.get(caseId)!
      confirmed.seq += 1_000
      expect(check).toThrow(/confirmed up to seq/)
      confirmed.seq -= 1_000

      // Past the append-only trigger, as someone editing the file by hand would.
      db.exec('DROP TRIGGER events_no_delete')
      db.prepare('DELETE FROM events WHERE seq = (SELECT max(seq) FROM events)').run()
      expect(check).toThrow(/audit chain broken/)
    } finally {
      db.close()
    }
  })
})
