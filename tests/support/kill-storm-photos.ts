// The photo half of the kill storm's checks: after a restart the photo folder holds exactly the
// photos the records cite (the start-up clean-up removed what an interrupted capture left), each
// file's bytes hash to its name, and no photo row or event points at a missing file.
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { PHOTO_MIME_TYPES, type PhotoMime } from '../../electron/services/photos/photo-store'

export interface PhotoRow {
  case_id: string
  sha256: string
  purpose: string
  mime: PhotoMime
}

export interface PhotoFacts {
  rows: PhotoRow[]
  /** Every SHA-256 an event payload cites, with the cases whose events cite it. */
  cited: Map<string, Set<string>>
  /** caseId -> photos whose capture the client saw confirmed. */
  confirmed: Map<string, Set<string>>
  /** Files already hashed by an earlier check (a content-addressed file never changes). */
  verifiedFiles: Set<string>
  ok: (cond: boolean, message: () => string) => void
}

/** Checks the folder against the records; returns how many photo files there are. */
export function checkPhotoFiles(dataDir: string, f: PhotoFacts): number {
  const root = path.join(dataDir, 'photos')
  const rowShas = new Set(f.rows.map((r) => r.sha256))
  let count = 0
  for (const sub of readdirSync(root)) {
    for (const name of readdirSync(path.join(root, sub))) {
      count++
      const sha = name.split('.')[0]!
      f.ok(!name.endsWith('.tmp'), () => `photos/${sub}/${name}: a temp file left after the restart`)
      f.ok(rowShas.has(sha) || f.cited.has(sha), () => `photos/${sub}/${name}: an orphan (no photo row, no event) after the restart`)
      if (f.verifiedFiles.has(name)) continue
      const digest = createHash('sha256').update(readFileSync(path.join(root, sub, name))).digest('hex')
      f.ok(digest === sha, () => `photos/${sub}/${name}: its bytes hash to ${digest} (a torn write)`)
      f.verifiedFiles.add(name)
    }
  }
  const fileOf = (r: PhotoRow) => path.join(root, r.sha256.slice(0, 2), `${r.sha256}.${PHOTO_MIME_TYPES[r.mime]}`)
  const rowKeys = new Set(f.rows.map((r) => `${r.case_id}/${r.sha256}`))
  for (const r of f.rows) {
    f.ok(existsSync(fileOf(r)), () => `case ${r.case_id}: photo row ${r.sha256} (${r.purpose}) has no file`)
    // Condition and package photos commit their row with their event: one without the other is half a capture.
    if (r.purpose === 'condition' || r.purpose === 'package') f.ok(f.cited.get(r.sha256)?.has(r.case_id) === true, () => `case ${r.case_id}: ${r.purpose} photo row ${r.sha256} without its event`)
  }
  for (const [sha, cases] of f.cited) for (const c of cases) f.ok(rowKeys.has(`${c}/${sha}`), () => `case ${c}: an event cites photo ${sha}, which has no row`)
  for (const [c, shas] of f.confirmed) for (const sha of shas) f.ok(rowKeys.has(`${c}/${sha}`), () => `case ${c}: confirmed photo ${sha} is missing`)
  return count
}
