// A kiosk for sync tests: the real services on a temp data dir with a manifest of test
// orders, cases started through the dispatcher (each case is case.started + order.verified).
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { createServices } from '../../electron/services'
import type { Session } from '../../electron/services/session'
import type { Services } from '../../electron/services/types'
import { makeRecord } from './manifest-factory'
import { signedInSession } from './staff-session'

export interface TestKiosk {
  services: Services
  session: Session
  dataDir: string
  /** Starts cases for orders [from, from + n) of the manifest; returns their ids. */
  startCases(n: number, from?: number): Promise<string[]>
}

export async function startKiosk(dir: string, options: { orders?: number; firstOrder?: number; now?: () => Date } = {}): Promise<TestKiosk> {
  const first = options.firstOrder ?? 0
  const records = Array.from({ length: options.orders ?? 50 }, (_, i) => makeRecord(first + i))
  const manifest = path.join(dir, 'manifest.jsonl')
  writeFileSync(manifest, records.map((r) => JSON.stringify(r)).join('\n'))
  const dataDir = path.join(dir, 'data')
  const services = await createServices({ dataDir, transport: 'browser', manifestFile: manifest, timeZone: 'Europe/Paris', ...(options.now ? { now: options.now } : {}) })
  const session = await signedInSession(services)
  return {
    services,
    session,
    dataDir,
    async startCases(n, from = 0) {
      const ids: string[] = []
      for (let i = from; i < from + n; i++) {
        const r = await services.dispatch('cases.start', { orderNumber: records[i]!.orderNumber, via: 'search' }, session)
        if (!r.ok) throw new Error(`cases.start failed: ${r.error.message}`)
        ids.push((r.value as { id: string }).id)
      }
      return ids
    },
  }
}
