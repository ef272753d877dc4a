// Hostile input at the service boundary: every contract call (whatever domains exist when this
// runs: the list comes from shared/contract/calls.ts) is dispatched with random, oversized,
// wrong-typed and prototype-polluting payloads by a signed-in supervisor (so the payloads reach
// the schemas and handlers, not only the sign-in guard) and by an anonymous session. Every
// outcome must be a result envelope (never a throw, never 'internal'), nothing may be written to
// the records, and Object.prototype must stay clean. Runs per call: DROPDESK_FUZZ_RUNS (default 60).
import path from 'node:path'
import BetterSqlite3, { type Database } from 'better-sqlite3'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { callNames, type CallName } from '@shared/contract/calls'
import { errorCodes, type Result } from '@shared/contract/result'
import { createServices } from '../../electron/services'
import { DB_FILE } from '../../electron/services/store/database'
import type { Session } from '../../electron/services/session'
import type { Services } from '../../electron/services/types'
import { hostilePayload } from '../support/hostile-input'
import { tempDir } from '../support/temp-dir'

const RUNS = Number(process.env.DROPDESK_FUZZ_RUNS ?? 60)
/** The records a hostile call must never change. */
const RECORD_TABLES = ['events', 'cases', 'orders', 'staff', 'staff_events', 'settings']

let services: Services
let dataDir: string
let totalRuns = 0

let reader: Database

/** Row counts, read on a second, read-only connection: WAL lets it see every committed write. */
function tableCounts(): Record<string, number> {
  return countsIn(reader)
}

function countsIn(db: Database): Record<string, number> {
  const present = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>).map((r) => r.name))
  return Object.fromEntries(RECORD_TABLES.filter((t) => present.has(t)).map((t) => [t, (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n]))
}

async function supervisorSession(): Promise<Session> {
  const session = services.openSession()
  const pin = services.firstRunSupervisorPin
  if (!pin) throw new Error('a fresh data dir should give the first-run supervisor PIN')
  const r = await services.dispatch('session.signIn', { pin }, session)
  if (!r.ok) throw new Error(`sign-in failed: ${r.error.message}`)
  return session
}

function isEnvelope(r: unknown): r is Result<unknown> {
  if (typeof r !== 'object' || r === null) return false
  const e = r as { ok?: unknown; value?: unknown; error?: { code?: unknown; message?: unknown } }
  if (e.ok === true) return 'value' in e
  return e.ok === false && typeof e.error?.message === 'string' && (errorCodes as readonly unknown[]).includes(e.error?.code)
}

function prototypeIsClean(): boolean {
  return Object.getOwnPropertyNames(Object.prototype).every((k) => k !== 'polluted') && ({} as { polluted?: unknown }).polluted === undefined
}

beforeAll(async () => {
  dataDir = tempDir()
  services = await createServices({ dataDir, transport: 'browser' })
  reader = new BetterSqlite3(path.join(dataDir, DB_FILE), { readonly: true })
})
afterAll(() => {
  reader?.close()
  services?.close()
  console.log(`contract fuzz: ${totalRuns} hostile calls over ${callNames.length} contract calls (${RUNS} runs per call, each as the signed-in supervisor or an anonymous session at random)`)
})

describe('hostile input through the service dispatcher', () => {
  it.each(callNames.map((n) => [n]))('%s answers every hostile payload with a typed envelope and writes nothing', async (name: CallName) => {
    // Signed in first: a supervisor's first sign-in deletes the sealed first-run PIN (a setting).
    let session = await supervisorSession()
    const before = tableCounts()
    let counts = before
    let accepted = 0
    const anonymous = services.openSession()
    await fc.assert(
      fc.asyncProperty(hostilePayload, fc.boolean(), async (payload, signedIn) => {
        totalRuns++
        // A payload that signs the supervisor out (session.signOut {}) would starve later runs.
        if (signedIn && !session.actor) session = await supervisorSession()
        let result: unknown
        try {
          result = await services.dispatch(name, payload, signedIn ? session : anonymous)
        } catch (e) {
          throw new Error(`${name} threw instead of answering: ${String(e)}`)
        }
        if (!isEnvelope(result)) throw new Error(`${name} answered something that is not an envelope: ${JSON.stringify(result)?.slice(0, 200)}`)
        if (!result.ok && result.error.code === 'internal') throw new Error(`${name} hit a bug on a hostile payload (see the service log)`)
        // A refused call writes nothing. (One the schema accepted, e.g. devices.configure with
        // an empty settings object, is a supervisor's valid request and may.)
        const after = tableCounts()
        if (!result.ok && JSON.stringify(after) !== JSON.stringify(counts)) {
          throw new Error(`${name} refused a payload (${result.error.code}) but wrote: ${JSON.stringify(counts)} -> ${JSON.stringify(after)}`)
        }
        if (result.ok) accepted++
        counts = after
        if (!prototypeIsClean()) throw new Error(`${name} polluted Object.prototype`)
      }),
      { numRuns: RUNS, seed: Number(process.env.DROPDESK_FUZZ_SEED ?? 20261122) },
    )
    // Hostile payloads are refused; only the rare valid one (an empty object for a call without
    // input) may be accepted, and then the records it may touch are settings only.
    expect(accepted).toBeLessThan(RUNS)
    const { settings: _s, ...records } = tableCounts()
    const { settings: _b, ...recordsBefore } = before
    expect(records).toEqual(recordsBefore)
  })

  it('polluted nothing, and the services still answer afterwards', async () => {
    expect(prototypeIsClean()).toBe(true)
    const r = await services.dispatch('app.info', {}, services.openSession())
    expect(r.ok).toBe(true)
    expect(totalRuns).toBeGreaterThanOrEqual(callNames.length * RUNS)
  })
})
