// What one manifest import did: read by the import itself, its log (import-log.ts), the
// printed report (import-report-text.ts) and the services' start.
import type { ReasonParams } from '@shared/contract/result'

/** A rejected line: its reason in English (the command's report) and as a key for the screen. */
export interface Rejection {
  line: number
  reason: string
  key?: string
  params?: ReasonParams
}

export interface ImportReport {
  /** The whole file was refused (nothing read from it), and why; null when its lines were read. */
  refused: string | null
  lines: number
  imported: number
  /** Orders that were not in the cache before. */
  added: number
  rejectedCount: number
  /** The first rejections (all are counted; only the first 1,000 are kept). */
  rejected: Rejection[]
  ms: number
}
