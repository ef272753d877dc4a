// Services on a real data dir for the intake tests: a manifest of hand-made orders, a clock
// the test sets, a supervisor and a staff member signed in, every log line kept, and `ok` /
// `fails` helpers that unwrap a call's envelope.
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterEach, expect } from 'vitest'
import type { StepResult } from '@shared/contract/intake-views'
import type { Result, ResultError } from '@shared/contract/result'
import type { StaffPinResult } from '@shared/contract/staff-views'
import type { CaseSummary } from '@shared/contract/views'
import type { ManifestRecord } from '@shared/manifest/record'
import { createServices } from '../../electron/services'
import type { Session } from '../../electron/services/session'
import type { Services } from '../../electron/services/types'
import { makeRecord, type RecordOptions } from './manifest-factory'
import { tempDir } from './temp-dir'
import { watchConsoleLines } from '../../electron/services/logging/console-sink'

const open: Services[] = []
afterEach(() => {
  for (const s of open.splice(0)) s.close()
})

/** Monday 23 November 2026, 10:00 in Paris. */
export const NOW = new Date('2026-11-23T09:00:00Z')

/** A manifest record with the dates the test needs (factory record `i`, then `patch`). */
export function order(i: number, opts: RecordOptions, patch: (r: ManifestRecord) => void = () => {}): ManifestRecord {
  const r = makeRecord(i, opts)
  patch(r)
  return r
}

/** A tiny JPEG (the JPEG signature, a marker with `n`, the end marker): distinct bytes per n. */
export function jpeg(n: number): string {
  return Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x06, n & 0xff, (n >> 8) & 0xff, 0x4a, 0x46, 0xff, 0xd9]).toString('base64')
}

export async function startIntake(records: ManifestRecord[]) {
  const root = tempDir()
  const dataDir = path.join(root, 'data')
  const manifestFile = path.join(root, 'manifest.jsonl')
  writeFileSync(manifestFile, records.map((r) => JSON.stringify(r)).join('\n') + '\n')
  const clock = { now: new Date(NOW) }
  const logs: string[] = []
  // Every service log line, to check what was written (tests/support/vitest-setup.ts keeps them off the output).
  afterEach(watchConsoleLines((line) => logs.push(`${line}\n`)))
  const make = async () => {
    const s = await createServices({ dataDir, transport: 'browser', timeZone: 'Europe/Paris', now: () => clock.now, manifestFile })
    open.push(s)
    return s
  }
  let services = await make()
  const supervisorPin = services.firstRunSupervisorPin!

  const call = (name: string, input: unknown, session: Session): Promise<Result<unknown>> => services.dispatch(name, input, session)
  const ok = async <T = StepResult>(name: string, input: unknown, session: Session): Promise<T> => {
    const r = await call(name, input, session)
    if (!r.ok) throw new Error(`${name} failed: ${r.error.code}: ${r.error.message}`)
    return r.value as T
  }
  const fails = async (name: string, input: unknown, session: Session): Promise<ResultError> => {
    const r = await call(name, input, session)
    expect(r.ok, `${name} should have been refused`).toBe(false)
    return (r as { ok: false; error: ResultError }).error
  }
  const signIn = async (pin: string): Promise<Session> => {
    const session = services.openSession()
    await ok('session.signIn', { pin }, session)
    return session
  }
  const boss = await signIn(supervisorPin)
  const added = await ok<StaffPinResult>('staff.add', { name: 'Noé', role: 'staff' }, boss)
  const staffPin = added.generatedPin!
  const staff = await signIn(staffPin)

  const fixture = {
    dataDir,
    clock,
    logs,
    supervisorPin,
    staffPin,
    boss,
    staff,
    get services() {
      return services
    },
    call,
    ok,
    fails,
    signIn,
    /** Starts the case of an order by scanning it, as staff. */
    start: async (r: ManifestRecord) => (await ok<CaseSummary>('cases.start', { orderNumber: r.orderNumber, via: 'scan' }, fixture.staff)).id,
    /** Closes and reopens the services on the same data dir (sessions are new: sign in again). */
    restart: async () => {
      services.close()
      open.splice(open.indexOf(services), 1)
      services = await make()
      fixture.staff = await signIn(staffPin)
      fixture.boss = await signIn(supervisorPin)
    },
  }
  return fixture
}

export type IntakeFixture = Awaited<ReturnType<typeof startIntake>>
