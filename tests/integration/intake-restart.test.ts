// Resumable intake (issue #3): after a restart a case reopens with everything entered so far,
// the sealed PIN included when it was committed and absent when it was not; photo files no row
// or event refers to (a crash between the file and its commit) are removed at start-up. And
// the PIN vault itself: sealed at rest, readable for the slip, purged on demand.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { PhotoBytes, PhotoCaptureResult } from '@shared/contract/intake-views'
import type { CaseDetail } from '@shared/contract/views'
import { PinVault } from '../../electron/services/intake/pin-vault'
import { keyFileSource } from '../../electron/services/secrets/key-file'
import { createSecretBox } from '../../electron/services/secrets/secret-box'
import { openStore } from '../../electron/services/store'
import { jpeg, order, startIntake } from '../support/intake-fixture'
import { assess } from '../support/intake-steps'
import { tempDir } from '../support/temp-dir'

describe('intake: resumable', () => {
  it('reopens a case after a restart with everything entered so far', async () => {
    const r = order(21, { category: 'smartphone', caseType: 'warranty_repair' }, (o) => {
      o.deliveredAt = '2026-06-01'
      o.returnRequest!.requestedAt = '2026-11-20T10:00:00Z'
    })
    const held = order(22, { category: 'tablet', caseType: 'warranty_repair' })
    const f = await startIntake([r, held])
    const caseId = await f.start(r)
    await assess(f, r, caseId)
    for (const [n, shot] of ['screen_on', 'screen_off', 'back'].entries()) {
      await f.ok('photos.capture', { caseId, purpose: 'condition', shot, mime: 'image/jpeg', data: jpeg(n) }, f.staff)
    }
    // Evidence taken for an exclusion not yet recorded: linked to the case, so it is kept.
    const evidence = await f.ok<PhotoCaptureResult>('photos.capture', { caseId, purpose: 'exclusion', shot: 'liquid_indicator', mime: 'image/jpeg', data: jpeg(50) }, f.staff)
    await f.ok('intake.backup', { caseId, kind: 'backed_up_and_removed' }, f.staff)
    await f.ok('intake.providePin', { caseId, kind: 'pin', pin: '5551234' }, f.staff)
    const before = await f.ok<CaseDetail>('cases.get', { caseId }, f.staff)

    // A PIN the services refuse to record (the case is on hold) is not kept either.
    const heldCase = await f.start(held)
    await f.ok('intake.hold', { caseId: heldCase, reason: 'waiting_for_customer', note: 'Gone to fetch the charger' }, f.staff)
    expect(await f.fails('intake.providePin', { caseId: heldCase, kind: 'pin', pin: '9998887' }, f.staff)).toMatchObject({ code: 'illegal_transition' })

    // A crash after a photo's file was written, before its event: an orphan file.
    const orphan = path.join(f.dataDir, 'photos', 'ee', `${'e'.repeat(64)}.jpg`)
    mkdirSync(path.dirname(orphan), { recursive: true })
    writeFileSync(orphan, Buffer.from(jpeg(999), 'base64'))

    await f.restart()
    expect(existsSync(orphan)).toBe(false)
    const after = await f.ok<CaseDetail>('cases.get', { caseId }, f.staff)
    expect(after.state).toEqual(before.state)
    expect(after.intake.progress.next).toBe(before.intake.progress.next)
    expect(after.intake.progress.next).toBe('photos')
    expect(after.intake.evidence.photos?.missing).toEqual(['left', 'right', 'top', 'bottom'])
    expect(after.intake.pinStored).toBe(true)
    expect(after.intake.photos.map((p) => p.sha256)).toEqual(before.intake.photos.map((p) => p.sha256))
    // The slip printer (and it alone) reads the sealed PIN after the restart: the slip's model
    // carries it, which the preview reports as a masked line (a screen never shows the PIN).
    const slip = { id: 'slip', name: 'Slip printer', language: 'escpos', transport: { kind: 'raw9100', host: '127.0.0.1', port: 9 } }
    await f.ok('printers.configure', { printers: [slip], assignments: { orderSlip: 'slip' }, locale: 'en' }, f.boss)
    const preview = await f.ok<{ kind: string; pinMasked?: boolean }>('print.preview', { document: 'orderSlip', caseId }, f.staff)
    expect(preview.kind).toBe('png')
    expect(preview.pinMasked).toBe(true)
    expect(JSON.stringify(preview)).not.toContain('5551234')
    const kept = await f.ok<PhotoBytes>('photos.get', { caseId, sha256: evidence.photo.sha256 }, f.staff)
    expect(kept.data).toBe(jpeg(50))
    const heldAfter = await f.ok<CaseDetail>('cases.get', { caseId: heldCase }, f.staff)
    expect(heldAfter.intake.pinStored).toBe(false)
    expect(heldAfter.state.hold).toMatchObject({ reason: 'waiting_for_customer', note: 'Gone to fetch the charger' })
    // It goes on where it stopped.
    const resumed = await f.ok('intake.resume', { caseId: heldCase }, f.staff)
    expect(resumed.detail.state.status).toBe('verified')
  })

  it('keeps the PIN sealed at rest, gives it to the slip printer only, and purges it', () => {
    const dir = tempDir()
    const store = openStore(dir)
    try {
      const box = createSecretBox(keyFileSource(dir))
      const vault = new PinVault(store.db, box)
      vault.put('case-1', 'pin', '24681357', '2026-11-23T09:00:00.000Z')
      const row = store.db.prepare('SELECT sealed FROM case_secrets WHERE case_id = ?').get('case-1') as { sealed: string }
      expect(row.sealed).not.toContain('24681357')
      expect(vault.pinForSlip('case-1')).toBe('24681357')
      expect(vault.pinForSlip('case-2')).toBeNull()
      // Sealed for one case, it does not open for another.
      store.db.prepare("INSERT INTO case_secrets (case_id, kind, sealed, stored_at) VALUES ('case-2', 'pin', ?, 't')").run(row.sealed)
      expect(() => vault.pinForSlip('case-2')).toThrow(/does not decrypt/)
      expect(vault.purge('case-1')).toBe(true)
      expect(vault.has('case-1')).toBe(false)
      expect(vault.purge('case-1')).toBe(false)
    } finally {
      store.close()
    }
    expect(readFileSync(path.join(dir, 'dropdesk.sqlite')).includes('24681357')).toBe(false)
  })
})
