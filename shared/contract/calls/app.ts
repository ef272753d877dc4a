// This kiosk: what every screen shows of it, and the Diagnostics screen.
import { call, none } from '../define'
import type { DiagnosticsView } from '../diagnostics-views'
import type { AppInfo } from '../views'

export const appCalls = {
  'app.info': call<AppInfo>(['open', 'customer'], { passive: true })(none),
  /** Versions, data dir, disk, database, last sync, and every module's probes (devices, printers, photos). */
  'app.diagnostics': call<DiagnosticsView>('supervisor')(none),
}
