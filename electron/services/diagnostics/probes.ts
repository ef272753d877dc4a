// The extension point of the diagnostics screen. A module that has something to report
// (scanners, printers, sync) hands the composition root (services/index.ts) a probe or a
// last-sync reader; the diagnostics handler asks each one, with a time limit, and turns a probe
// that throws or hangs into an 'error'/'unknown' line rather than a failed screen.
import type { DiagnosticProbeView } from '@shared/contract/diagnostics-views'

export interface DiagnosticsProbe {
  id: string
  /** One or more lines (a printer module may report each printer). */
  probe(): DiagnosticProbeView | DiagnosticProbeView[] | Promise<DiagnosticProbeView | DiagnosticProbeView[]>
}

export interface LastSync {
  configured: boolean
  lastSyncAt: string | null
  detail: string | null
}

export interface DiagnosticsSources {
  probes?: readonly DiagnosticsProbe[]
  /** From the sync module; without one, sync is reported from its settings alone. */
  lastSync?: () => LastSync
}

const PROBE_TIMEOUT_MS = 2_000

export async function runProbes(probes: readonly DiagnosticsProbe[], timeoutMs = PROBE_TIMEOUT_MS): Promise<DiagnosticProbeView[]> {
  const lines = await Promise.all(
    probes.map(async (p): Promise<DiagnosticProbeView[]> => {
      let timer: ReturnType<typeof setTimeout> | undefined
      const timeout = new Promise<DiagnosticProbeView>((resolve) => {
        timer = setTimeout(() => resolve({ id: p.id, label: p.id, status: 'unknown', detail: `no answer within ${timeoutMs / 1000} s` }), timeoutMs)
      })
      try {
        const answer = await Promise.race([Promise.resolve().then(() => p.probe()), timeout])
        return Array.isArray(answer) ? answer : [answer]
      } catch (e) {
        return [{ id: p.id, label: p.id, status: 'error', detail: e instanceof Error ? e.message.slice(0, 200) : 'the check failed' }]
      } finally {
        clearTimeout(timer)
      }
    }),
  )
  return lines.flat()
}
