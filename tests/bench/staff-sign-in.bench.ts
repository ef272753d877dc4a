// Staff PIN sign-in cost: one scrypt hash (the parameters of electron/services/staff/pin-hash.ts),
// and a PIN-only sign-in, which checks the PIN against every active staff member's hash, for
// a counter with 1, 5 and 20 people on its staff list.
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createServices } from '../../electron/services'
import { hashPin, PIN_KDF_PARAMS } from '../../electron/services/staff/pin-hash'
import { signedInSession } from '../support/staff-session'

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

async function main(): Promise<void> {
  const hashes: number[] = []
  for (let i = 0; i < 10; i++) {
    const t = performance.now()
    await hashPin('482913')
    hashes.push(performance.now() - t)
  }
  console.log(`scrypt N=${PIN_KDF_PARAMS.N} r=${PIN_KDF_PARAMS.r} p=${PIN_KDF_PARAMS.p}: median ${median(hashes).toFixed(0)} ms per PIN hash, on ${os.cpus().length} cores`)

  const dir = mkdtempSync(path.join(os.tmpdir(), 'dropdesk-bench-staff-'))
  // Quiet: the services log every sign-in.
  process.stderr.write = (() => true) as typeof process.stderr.write
  try {
    const services = await createServices({ dataDir: dir, transport: 'browser', timeZone: 'Europe/Paris' })
    const boss = await signedInSession(services)
    let staff = 1
    for (const target of [1, 5, 20]) {
      for (; staff < target; staff++) await services.dispatch('staff.add', { name: `Person ${staff}`, role: 'staff', pin: String(500000 + staff) }, boss)
      const times: number[] = []
      for (let i = 0; i < 5; i++) {
        const t = performance.now()
        const pin = target === 1 ? services.firstRunSupervisorPin! : String(500000 + staff - 1)
        const r = await services.dispatch('session.signIn', { pin }, services.openSession())
        times.push(performance.now() - t)
        if (!r.ok) throw new Error(r.error.message)
      }
      console.log(`sign-in by PIN with ${target} active staff: median ${median(times).toFixed(0)} ms`)
    }
    services.close()
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

void main()
