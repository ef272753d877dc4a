// Start-up photo audit: every photo the record cites is on disk with its bytes; a missing or
// altered one is reported on the Diagnostics probe (and the log), never ignored. Also measures it.
import { createHash } from 'node:crypto'
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openStore, type Store } from '../../electron/services/store'
import { PhotoStore } from '../../electron/services/photos/photo-store'
import { auditPhotos, photoAuditProbe } from '../../electron/services/photos/photo-audit'

const cleanup: Array<() => void> = []
afterEach(() => {
  for (const f of cleanup.splice(0).reverse()) f()
})

function fixture(): { dataDir: string; store: Store; photos: PhotoStore } {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'dropdesk-photo-audit-'))
  const store = openStore(dataDir)
  cleanup.push(() => rmSync(dataDir, { recursive: true, force: true }))
  cleanup.push(() => store.close())
  return { dataDir, store, photos: new PhotoStore(dataDir) }
}

function png(n: number): Buffer {
  const b = Buffer.alloc(64)
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(b)
  b.writeUInt32BE(n, 16)
  return b
}

function record(f: ReturnType<typeof fixture>, count: number, quick = false): string[] {
  const insert = f.store.db.prepare("INSERT INTO photos (sha256, case_id, purpose, shot, mime, size, captured_at) VALUES (?, 'C1', 'condition', ?, 'image/png', 64, '2026-12-01T10:00:00Z')")
  const shas: string[] = []
  f.store.db.transaction(() => {
    for (let i = 0; i < count; i++) {
      // quick: plain writes for the timing run (the durable put is tested above; fsyncs are slow here).
      const bytes = png(i)
      const sha = quick ? createHash('sha256').update(bytes).digest('hex') : f.photos.put(bytes, 'image/png').sha256
      if (quick) {
        mkdirSync(path.dirname(f.photos.pathOf(sha, 'image/png')), { recursive: true })
        writeFileSync(f.photos.pathOf(sha, 'image/png'), bytes)
      }
      insert.run(sha, `s${i}`)
      shas.push(sha)
    }
  })()
  return shas
}

describe('the start-up photo audit', () => {
  it('reports a missing and an altered photo on the Diagnostics probe, and all intact otherwise', async () => {
    const f = fixture()
    const shas = record(f, 3)
    const ok = auditPhotos(f.store.db, f.photos, new Set(shas))
    expect(ok).toMatchObject({ checked: 3, missing: [], mismatched: [] })
    expect(await photoAuditProbe(ok).probe()).toMatchObject({ status: 'ok', detailKey: { key: 'photosOk', params: { checked: 3 } } })

    unlinkSync(f.photos.pathOf(shas[0]!, 'image/png'))
    writeFileSync(f.photos.pathOf(shas[1]!, 'image/png'), png(99))
    const cited = new Set([...shas, 'f'.repeat(64)]) // an event citing a photo that has no row at all
    const bad = auditPhotos(f.store.db, f.photos, cited)
    expect(bad.missing.sort()).toEqual([shas[0], 'f'.repeat(64)].sort())
    expect(bad.mismatched).toEqual([shas[1]])
    const line = await photoAuditProbe(bad).probe()
    expect(line).toMatchObject({ status: 'error', detailKey: { key: 'photosBad', params: { checked: 4, missing: 2, mismatched: 1 } } })
  })

  it('does not count the photos of an erased case', () => {
    const f = fixture()
    const shas = record(f, 2)
    f.store.db.prepare("INSERT INTO erased_cases (case_id, reason, at) VALUES ('C1', 'request', '2026-12-02T10:00:00Z')").run()
    for (const s of shas) unlinkSync(f.photos.pathOf(s, 'image/png'))
    expect(auditPhotos(f.store.db, f.photos, new Set(shas))).toMatchObject({ checked: 0, missing: [] })
  })

  it('checks 2,000 photos quickly enough for every start', () => {
    const f = fixture()
    const shas = record(f, 2_000, true)
    const report = auditPhotos(f.store.db, f.photos, new Set(shas))
    expect(report).toMatchObject({ checked: 2_000, missing: [], mismatched: [] })
    console.log(`photo audit: ${report.checked} photos in ${report.ms} ms`)
    expect(report.ms).toBeLessThan(20_000)
  })
})
