// The same picture can serve two purposes (a still scene photographed twice): the account
// proof must be found as an account proof even when its bytes equal a condition photo's.
import { describe, expect, it } from 'vitest'
import type { PhotoCaptureResult } from '@shared/contract/intake-views'
import { jpeg, order, startIntake } from '../support/intake-fixture'

describe('photo purposes', () => {
  it('accepts an account-proof photo whose bytes equal an earlier condition photo', async () => {
    const r = order(1, { category: 'smartphone', caseType: 'warranty_repair' })
    const f = await startIntake([r])
    const caseId = await f.start(r)
    const s = f.staff
    const condition = await f.ok<PhotoCaptureResult>('photos.capture', { caseId, purpose: 'condition', shot: 'back', mime: 'image/jpeg', data: jpeg(7) }, s)
    const proof = await f.ok<PhotoCaptureResult>('photos.capture', { caseId, purpose: 'account_proof', shot: 'account_screen', mime: 'image/jpeg', data: jpeg(7) }, s)
    expect(proof.photo.sha256).toBe(condition.photo.sha256)
    const res = await f.ok('intake.accountDisconnected', { caseId, accounts: proof.detail.intake.accounts, proof: 'photo', photoSha256: proof.photo.sha256 }, s)
    expect(res.detail.state.account).toMatchObject({ outcome: 'signed_out', proof: 'photo', photoSha256: proof.photo.sha256 })
    // A photo never taken as a proof is still refused as one.
    const other = await f.ok<PhotoCaptureResult>('photos.capture', { caseId, purpose: 'condition', shot: 'left', mime: 'image/jpeg', data: jpeg(8) }, s)
    const refused = await f.call('intake.accountDisconnected', { caseId, accounts: proof.detail.intake.accounts, proof: 'photo', photoSha256: other.photo.sha256 }, s)
    expect(refused).toMatchObject({ ok: false, error: { code: 'not_found' } })
  })
})
