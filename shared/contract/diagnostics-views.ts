// What the supervisor's diagnostics screen shows: versions, where the data is and how big it
// is, free disk space, the last sync, and one line per device/printer probe.

import type { ManifestImportView } from './import-views'

export type DiagnosticStatus = 'ok' | 'warning' | 'error' | 'unknown'

/** One line of a module's own check (a scanner, a printer…), written by that module. */
export interface DiagnosticProbeView {
  /** Stable id, e.g. "scanner:serial" or "printer:label". */
  id: string
  /** Short text shown as the line's name (the module's own words). */
  label: string
  status: DiagnosticStatus
  /** One line of detail, never personal data. */
  detail: string
  /**
   * The same line as message keys (renderer: `diagnostics.probe.<key>`) and their values, so
   * the screen shows it in its own language; `label`/`detail` stay the English fallback.
   */
  labelKey?: ProbeText
  detailKey?: ProbeText
}

export interface ProbeText {
  key: string
  params?: Record<string, string | number>
}

export interface DiagnosticsView {
  generatedAt: string
  versions: { app: string; node: string; electron: string | null; chromium: string | null; sqlite: string; platform: string }
  dataDir: string
  /** Free/total bytes of the data dir's file system; null when the system cannot tell. */
  disk: { freeBytes: number; totalBytes: number; status: DiagnosticStatus } | null
  database: { bytes: number; walBytes: number; schemaVersion: number; events: number; cases: number; orders: number }
  sync: { configured: boolean; lastSyncAt: string | null; detail: string | null }
  probes: DiagnosticProbeView[]
  /** The last manifest file imported (or refused); null when none was. */
  lastImport?: ManifestImportView | null
}
