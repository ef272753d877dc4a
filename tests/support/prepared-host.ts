// A browser-mode host on a data dir prepared through the service calls: the cases a scenario
// starts from (packed, labelled, handed over) are recorded first, in-process on the demo data,
// then the host serves that data dir, so an end-to-end test spends its time on the screens it
// is about rather than on walking every earlier step again.
import path from 'node:path'
import type { StepResult } from '@shared/contract/intake-views'
import type { CaseSummary } from '@shared/contract/views'
import type { ManifestRecord } from '@shared/manifest/record'
import { createServices } from '../../electron/services'
import type { Session } from '../../electron/services/session'
import { startHost, type RunningHost } from './host'
import type { IntakeFixture } from './intake-fixture'
import { toPacked } from './intake-steps'
import { signedInSession } from './staff-session'
import { tempDir } from './temp-dir'

export interface Preparation {
  ok<T = StepResult>(name: string, input: unknown): Promise<T>
  /** Starts the order's case and walks it to packed (photos, prerequisites, packing). */
  packed(r: ManifestRecord, seed: number): Promise<string>
  /** Packed, then its return label bound: waiting for the carrier's pickup. */
  labelled(r: ManifestRecord, seed: number): Promise<string>
}

export async function preparedHost(prepare: (p: Preparation) => Promise<void>): Promise<RunningHost> {
  const dataDir = path.join(tempDir(), 'data')
  const services = await createServices({ dataDir, transport: 'browser' })
  let pin: string
  try {
    pin = services.firstRunSupervisorPin!
    const session: Session = await signedInSession(services, pin)
    const ok = async <T>(name: string, input: unknown): Promise<T> => {
      const r = await services.dispatch(name, input, session)
      if (!r.ok) throw new Error(`${name} failed: ${r.error.code}: ${r.error.message}`)
      return r.value as T
    }
    // The intake helpers need only `ok(name, input, session)` and the staff session.
    const fixture = { ok: (name: string, input: unknown) => ok(name, input), staff: session } as unknown as IntakeFixture
    const packed = async (r: ManifestRecord, seed: number): Promise<string> => {
      const { id } = await ok<CaseSummary>('cases.start', { orderNumber: r.orderNumber, via: 'scan' })
      await toPacked(fixture, r, id, seed)
      return id
    }
    await prepare({
      ok,
      packed,
      labelled: async (r, seed) => {
        const id = await packed(r, seed)
        await ok('label.bind', { caseId: id, code: r.returnRequest!.trackingNumber })
        return id
      },
    })
  } finally {
    services.close()
  }
  return startHost({ dataDir, supervisorPin: pin })
}
