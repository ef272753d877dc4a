// A retake of a condition photo: the new photo becomes the shot's photo, and the event names
// the photo it replaces, which stays in the log and on disk (nothing recorded is lost).
import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import type { PhotoCaptureResult } from '@shared/contract/intake-views'
import { DB_FILE } from '../../electron/services/store/database'
import { jpeg, order, startIntake } from '../support/intake-fixture'

describe('photo retake', () => {
  it('records the retake with the photo it replaces, and keeps both', async () => {
    const r = order(1, { category: 'smartphone', caseType: 'withdrawal' })
    const f = await startIntake([r])
    const caseId = await f.start(r)
    const capture = (n: number) => f.ok<PhotoCaptureResult>('photos.capture', { caseId, purpose: 'condition', shot: 'back', mime: 'image/jpeg', data: jpeg(n) }, f.staff)
    const first = await capture(1)
    const second = await capture(2)
    expect(second.photo.sha256).not.toBe(first.photo.sha256)
    expect(second.detail.state.photos.back!.sha256).toBe(second.photo.sha256)

    const db = new BetterSqlite3(path.join(f.dataDir, DB_FILE), { readonly: true })
    try {
      const payloads = (db.prepare("SELECT payload FROM events WHERE case_id = ? AND type = 'photo.captured' ORDER BY seq").all(caseId) as Array<{ payload: string }>).map(
        (row) => JSON.parse(row.payload) as { shot: string; sha256: string; replaces?: string },
      )
      expect(payloads).toHaveLength(2)
      expect(payloads[0]).not.toHaveProperty('replaces')
      expect(payloads[1]).toMatchObject({ shot: 'back', sha256: second.photo.sha256, replaces: first.photo.sha256 })
    } finally {
      db.close()
    }
    // The replaced photo can still be shown (it is evidence of what was there before).
    const old = await f.ok<{ sha256: string }>('photos.get', { caseId, sha256: first.photo.sha256 }, f.staff)
    expect(old.sha256).toBe(first.photo.sha256)

    // The same bytes again are no retake: nothing is added.
    const again = await capture(2)
    expect(again.recorded).toBe(false)
  })
})
