// Start-up check of the evidence: every photo a committed event or photo row cites must be on
// disk with the bytes its SHA-256 names. A missing or altered photo is reported (the log, and
// the Diagnostics screen through photoAuditProbe), never silently ignored. Photos of erased
// cases are gone on purpose and not counted.
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import type { Database } from 'better-sqlite3'
import type { DiagnosticsProbe } from '../diagnostics/probes'
import type { PhotoMime, PhotoStore } from './photo-store'

export interface PhotoAuditReport {
  checked: number
  missing: string[]
  mismatched: string[]
  ms: number
}

export function auditPhotos(db: Database, photos: PhotoStore, cited: ReadonlySet<string>): PhotoAuditReport {
  const started = performance.now()
  const erased = new Set((db.prepare('SELECT DISTINCT p.sha256 FROM photos p JOIN erased_cases x ON x.case_id = p.case_id').all() as { sha256: string }[]).map((r) => r.sha256))
  const kept = new Set((db.prepare('SELECT DISTINCT p.sha256 FROM photos p WHERE p.case_id NOT IN (SELECT case_id FROM erased_cases)').all() as { sha256: string }[]).map((r) => r.sha256))
  const mimes = new Map((db.prepare('SELECT sha256, mime FROM photos').all() as { sha256: string; mime: PhotoMime }[]).map((r) => [r.sha256, r.mime]))
  const report: PhotoAuditReport = { checked: 0, missing: [], mismatched: [], ms: 0 }
  for (const sha of cited) {
    if (erased.has(sha) && !kept.has(sha)) continue
    const mime = mimes.get(sha)
    report.checked++
    if (!mime) {
      report.missing.push(sha) // cited by an event with no photo row: its file cannot be found
      continue
    }
    let bytes: Buffer
    try {
      bytes = readFileSync(photos.pathOf(sha, mime))
    } catch {
      report.missing.push(sha)
      continue
    }
    if (createHash('sha256').update(bytes).digest('hex') !== sha) report.mismatched.push(sha)
  }
  report.ms = Math.round(performance.now() - started)
  return report
}

export function photoAuditProbe(report: PhotoAuditReport): DiagnosticsProbe {
  return {
    id: 'photos',
    probe: () => {
      const bad = report.missing.length + report.mismatched.length
      const params = { checked: report.checked, missing: report.missing.length, mismatched: report.mismatched.length }
      return bad === 0
        ? { id: 'photos', label: 'Photos', status: 'ok', detail: `${report.checked} photos checked at start: all present and intact.`, labelKey: { key: 'photos' }, detailKey: { key: 'photosOk', params } }
        : {
            id: 'photos',
            label: 'Photos',
            status: 'error',
            detail: `${report.missing.length} missing and ${report.mismatched.length} altered of ${report.checked} photos the record cites: restore the photos folder from backup; the log names each one.`,
            labelKey: { key: 'photos' },
            detailKey: { key: 'photosBad', params },
          }
    },
  }
}
