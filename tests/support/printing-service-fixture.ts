// A PrintingService on a real store with fast retries, and helpers to wait for a job's state.
import { EventBus } from '../../electron/services/event-bus'
import { createLog } from '../../electron/services/log'
import { noPin, type PinSource } from '../../electron/services/printing/models'
import { PrintingService } from '../../electron/services/printing/printing-service'
import type { Store } from '../../electron/services/store'
import type { EventPayload } from '../../shared/contract/events'
import { FIXED_NOW } from './print-fixture'

export function printingFor(store: Store, options: { pinSource?: PinSource; statusTimeoutMs?: number } = {}) {
  const bus = new EventBus()
  const statuses: EventPayload<'printer.status'>[] = []
  bus.on((name, payload) => {
    if (name === 'printer.status') statuses.push(payload as EventPayload<'printer.status'>)
  })
  const printing = new PrintingService({
    store,
    kioskId: 'K7QX2',
    timeZone: 'Europe/Paris',
    now: () => new Date(),
    bus,
    log: createLog('test', () => {}),
    pinSource: options.pinSource ?? noPin,
    statusTimeoutMs: options.statusTimeoutMs ?? 300,
    worker: { baseDelayMs: 20, maxDelayMs: 200, maxHoldMs: 50, maxAttempts: 5 },
  })
  return { printing, statuses, caseDate: FIXED_NOW }
}

export async function waitFor<T>(what: string, f: () => T | null | undefined | false, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const v = f()
    if (v) return v
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 10))
  }
}
