// Services on a real data dir with a clock the test moves, and every log line kept, for the
// staff sign-in tests.
import path from 'node:path'
import { afterEach } from 'vitest'
import type { Result } from '@shared/contract/result'
import { createServices } from '../../electron/services'
import type { Session } from '../../electron/services/session'
import type { Services } from '../../electron/services/types'
import { tempDir } from './temp-dir'
import { watchConsoleLines } from '../../electron/services/logging/console-sink'

const open: Services[] = []
afterEach(() => {
  for (const s of open.splice(0)) s.close()
})

export interface StaffFixture {
  services: Services
  dataDir: string
  clock: { now: Date; advance(ms: number): void }
  logs: string[]
  call(name: string, input: unknown, session: Session): Promise<Result<unknown>>
  restart(): Promise<Services>
}

export async function startStaffServices(): Promise<StaffFixture & { pin: string }> {
  const dataDir = path.join(tempDir(), 'data')
  const clock = {
    now: new Date('2026-11-23T09:00:00Z'),
    advance(ms: number) {
      this.now = new Date(this.now.getTime() + ms)
    },
  }
  const logs: string[] = []
  // The services log on stderr: keep every line (quietly) to check what was written.
  // Every service log line, to check what was written (tests/support/vitest-setup.ts keeps them off the output).
  afterEach(watchConsoleLines((line) => logs.push(`${line}\n`)))
  const make = async () => {
    const s = await createServices({ dataDir, transport: 'browser', timeZone: 'Europe/Paris', now: () => clock.now })
    open.push(s)
    return s
  }
  const fixture: StaffFixture = {
    services: await make(),
    dataDir,
    clock,
    logs,
    call: (name, input, session) => fixture.services.dispatch(name, input, session),
    restart: async () => {
      fixture.services.close()
      open.splice(open.indexOf(fixture.services), 1)
      fixture.services = await make()
      return fixture.services
    },
  }
  const pin = fixture.services.firstRunSupervisorPin
  if (!pin) throw new Error('a fresh data dir must create the first supervisor')
  return Object.assign(fixture, { pin })
}

/** A PIN that is not `pin` (the same length, differing in the last digit). */
export function wrongPin(pin: string): string {
  return pin.slice(0, -1) + String((Number(pin.at(-1)) + 1) % 10)
}
