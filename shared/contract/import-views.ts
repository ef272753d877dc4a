// The last manifest import as a supervisor sees it on the diagnostics screen.
import type { ReasonParams } from './result'

export interface ManifestImportView {
  at: string
  fileName: string
  /** Why the whole file was refused; null when its lines were read. */
  refused: string | null
  lines: number
  imported: number
  added: number
  rejectedCount: number
  /** The first rejected lines (at most 100), in file order. */
  rejected: { line: number; reason: string; key?: string; params?: ReasonParams }[]
}
