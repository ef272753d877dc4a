// The import report as printed by `npm run manifest:import` and `npm run serve -- --manifest`:
// the same words in both places. Reasons are already escaped (shared/manifest/printable.ts).
import type { ImportReport } from './manifest-import'

const SHOWN = 50

export function importReportLines(file: string, r: ImportReport): string[] {
  if (r.refused !== null) return [`Nothing imported from ${file}: ${r.refused}`]
  const seconds = (r.ms / 1000).toFixed(1)
  const perSecond = r.ms > 0 ? Math.round((r.imported / r.ms) * 1000) : r.imported
  const out = [`Imported ${r.imported} records (${r.added} new orders) from ${r.lines} lines in ${seconds} s (${perSecond} records/s); rejected ${r.rejectedCount}.`]
  for (const { line, reason } of r.rejected.slice(0, SHOWN)) out.push(`  line ${line}: ${reason}`)
  if (r.rejectedCount > SHOWN) out.push(`  … and ${r.rejectedCount - SHOWN} more rejected lines.`)
  if (r.imported === 0 && r.rejectedCount > 0) out.push('Nothing was imported: correct the lines above and import the file again.')
  else if (r.rejectedCount > 0) out.push('The other lines were imported; correct the lines above and import the file again (imported lines are updated, not doubled).')
  return out
}
