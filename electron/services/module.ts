// The one shape of a service module: the calls it answers, what it starts and stops, and what
// it reports on the Diagnostics screen. The composition root (index.ts) builds each module
// with its collaborators, starts them in order and stops them in reverse.
import type { DiagnosticsProbe } from './diagnostics/probes'
import type { Handlers } from './dispatch'
import type { Session } from './session'

export interface ServiceModule<H extends Partial<Handlers> = Partial<Handlers>> {
  readonly handlers: H
  /** Timers, workers, devices, start-up checks: run once every module is built. */
  start?(): void | Promise<void>
  /**
   * Undoes start(), synchronously: the store closes right after the last module stopped, so
   * nothing may touch it later (a device port may finish closing on its own).
   */
  stop?(): void
  readonly probes?: readonly DiagnosticsProbe[]
  /** A connection closed: forget what this module kept for its session. */
  endSession?(session: Session): void
}

/** Starts modules in order; on a failure, stops the ones already started (in reverse) and rethrows. */
export async function startModules(modules: readonly ServiceModule[]): Promise<void> {
  const started: ServiceModule[] = []
  try {
    for (const m of modules) {
      await m.start?.()
      started.push(m)
    }
  } catch (e) {
    stopModules(started)
    throw e
  }
}

/** Stops modules in reverse order; one that fails to stop does not keep the others running. */
export function stopModules(modules: readonly ServiceModule[], onError: (e: unknown) => void = () => {}): void {
  for (const m of [...modules].reverse()) {
    try {
      m.stop?.()
    } catch (e) {
      onError(e)
    }
  }
}
