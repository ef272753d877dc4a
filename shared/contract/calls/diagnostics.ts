import { call, none } from '../define'
import type { DiagnosticsView } from '../diagnostics-views'

export const diagnosticsCalls = {
  /** Supervisor only: versions, data dir, disk, database, last sync, device and printer probes. */
  'app.diagnostics': call<DiagnosticsView>()(none),
}
