// Bad input of issue #3 through the service calls: a wrong IMEI, an IMEI of another device, a
// second identical photo or step, a back-navigation after a committed step, another order's
// label, an expired label, a dead device. Each gets a clear message; nothing recorded is lost
// or duplicated.
import { createHash } from 'node:crypto'
import { existsSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { CarrierParcels, HandoverBatchView, PhotoCaptureResult } from '@shared/contract/intake-views'
import type { CaseDetail } from '@shared/contract/views'
import { makeUpsTrackingNumber } from '@shared/domain/tracking-number'
import { jpeg, order, startIntake } from '../support/intake-fixture'
import { assess, prerequisites, takePhotos, toPacked } from '../support/intake-steps'

const sha256Of = (base64: string): string => createHash('sha256').update(Buffer.from(base64, 'base64')).digest('hex')

const phone = (i: number, patch: Parameters<typeof order>[2] = () => {}) =>
  order(i, { category: 'smartphone', caseType: 'warranty_repair' }, (o) => {
    o.deliveredAt = '2026-06-01'
    o.returnRequest!.requestedAt = '2026-11-20T10:00:00Z'
    patch(o)
  })

describe('intake: bad input', () => {
  it('refuses a malformed IMEI, holds a different one for a supervisor, and lets a dead device skip "screen on"', async () => {
    const r = phone(11)
    const f = await startIntake([r])
    const caseId = await f.start(r)
    const imei = r.item.imei!
    const wrongCheck = imei.slice(0, 14) + String((Number(imei[14]) + 1) % 10)
    const luhn = await f.fails('intake.identify', { caseId, imei: wrongCheck }, f.staff)
    expect(luhn).toMatchObject({ code: 'invalid_input', details: { problems: ['imei_check_digit'] } })
    expect(luhn.message).toMatch(/check digit \(Luhn\).*Scan or type it again/)
    expect((await f.fails('intake.identify', { caseId, imei: imei.slice(0, 14) }, f.staff)).message).toMatch(/15 digits; this one has 14/)
    expect((await f.fails('intake.identify', { caseId }, f.staff)).message).toMatch(/Enter the IMEI/)
    expect((await f.ok<CaseDetail>('cases.get', { caseId }, f.staff)).events).toHaveLength(2)

    // A valid IMEI of another device (the other record's): recorded, and the case waits for a supervisor.
    const another = phone(12).item.imei!
    const held = await f.ok('intake.identify', { caseId, imei: `${another.slice(0, 2)} ${another.slice(2, 8)} ${another.slice(8)}` }, f.staff)
    expect(held.detail.state).toMatchObject({ status: 'on_hold', hold: { reason: 'identity_mismatch', needsSupervisor: true }, identity: { imei: another, imeiMatch: 'mismatch' } })
    expect(held.notice).toMatch(/IMEI differs from the order's: the case is on hold/)
    expect(await f.fails('intake.decideEligibility', { caseId }, f.staff)).toMatchObject({ code: 'illegal_transition' })
    const resolved = await f.ok('intake.override', { caseId, supervisorPin: f.supervisorPin, subject: 'identity_mismatch', reason: 'Customer typed the IMEI of their old phone' }, f.staff)
    expect(resolved.detail.state.status).toBe('verified')
    await f.ok('intake.identify', { caseId, imei }, f.staff)
    await f.ok('intake.decideEligibility', { caseId }, f.staff)

    // A device that does not power on: "screen on" is skipped with the reason, not faked.
    await takePhotos(f, caseId, 0, ['screen_on'])
    expect((await f.ok<CaseDetail>('cases.get', { caseId }, f.staff)).intake.evidence.photos?.missing).toEqual(['screen_on'])
    expect(await f.fails('photos.skip', { caseId, shot: 'back', reason: 'device_dead' }, f.staff)).toMatchObject({ code: 'illegal_transition' })
    const skipped = await f.ok('photos.skip', { caseId, shot: 'screen_on', reason: 'device_dead' }, f.staff)
    expect(skipped.detail.state.skippedShots.screen_on).toMatchObject({ reason: 'device_dead' })
    expect(skipped.detail.intake.evidence.photos).toMatchObject({ complete: true, skipped: ['screen_on'] })
  })

  it('adds nothing for a second identical photo or step, and refuses going back after a commit unless reopened', async () => {
    const r = phone(13)
    const f = await startIntake([r])
    const caseId = await f.start(r)
    await assess(f, r, caseId)
    const shot = { caseId, purpose: 'condition', shot: 'back', mime: 'image/jpeg', data: jpeg(7) }
    const first = await f.ok<PhotoCaptureResult>('photos.capture', shot, f.staff)
    const second = await f.ok<PhotoCaptureResult>('photos.capture', shot, f.staff)
    expect(second).toMatchObject({ recorded: false, notice: expect.stringMatching(/already recorded/), photo: { sha256: first.photo.sha256 } })
    expect(second.detail.events).toHaveLength(first.detail.events.length)
    expect(second.detail.intake.photos.filter((p) => p.shot === 'back')).toHaveLength(1)
    await f.ok('intake.backup', { caseId, kind: 'backed_up_and_removed' }, f.staff)
    expect(await f.ok('intake.backup', { caseId, kind: 'backed_up_and_removed' }, f.staff)).toMatchObject({ recorded: false })
    expect(await f.fails('photos.capture', { ...shot, data: Buffer.from('not a picture').toString('base64') }, f.staff)).toMatchObject({ code: 'invalid_input' })

    await takePhotos(f, caseId, 20)
    await prerequisites(f, caseId)
    await f.ok('intake.completeEvidence', { caseId }, f.staff)
    const back = await f.fails('photos.capture', { ...shot, data: jpeg(8) }, f.staff)
    expect(back).toMatchObject({ code: 'illegal_transition', details: { reason: 'step_committed' } })
    // Refused before the bytes were written: no file for it.
    expect(existsSync(path.join(f.dataDir, 'photos'))).toBe(true)
    expect(readdirSync(path.join(f.dataDir, 'photos'), { recursive: true }).some((n) => String(n).includes(sha256Of(jpeg(8))))).toBe(false)
    expect(back.message).toMatch(/already done. To change it, reopen the step/)
    const reopened = await f.ok('intake.reopen', { caseId, step: 'evidence', reason: 'Retake the back: it was blurred' }, f.staff)
    expect(reopened.detail.state.status).toBe('eligibility_decided')
    const retaken = await f.ok<PhotoCaptureResult>('photos.capture', { ...shot, data: jpeg(8) }, f.staff)
    expect(retaken.detail.state.photos.back?.sha256).toBe(retaken.photo.sha256)
    expect((await f.ok('intake.completeEvidence', { caseId }, f.staff)).detail.state.status).toBe('evidence_captured')
  })

  it("refuses another order's label and an expired one, and hands over the parcel once a new label is bound", async () => {
    const old = makeUpsTrackingNumber('A1B2C3', '01', '0000001')
    const r = phone(14, (o) => {
      o.returnRequest!.requestedAt = '2026-10-20T10:00:00Z' // valid until 3 Nov: expired
      o.returnRequest!.carrier = 'UPS'
      o.returnRequest!.trackingNumber = old
    })
    const neighbour = phone(15)
    const f = await startIntake([r, neighbour])
    const caseId = await f.start(r)
    const packed = await toPacked(f, r, caseId, 0)
    expect(packed.detail.intake.label).toMatchObject({ source: 'order', expired: true, validUntil: '2026-11-03' })
    expect(packed.detail.intake.flags.labelExpired).toBe(true)

    const foreign = await f.fails('label.bind', { caseId, code: neighbour.returnRequest!.trackingNumber }, f.staff)
    expect(foreign).toMatchObject({ code: 'conflict' })
    expect(foreign.message).toContain(`belongs to order ${neighbour.orderNumber}`)
    expect((await f.fails('label.bind', { caseId, code: old.slice(0, -1) + ((Number(old.at(-1)) + 1) % 10) }, f.staff)).code).toBe('invalid_input')

    // The expired label itself is refused, bound or recorded as "new", with what to do.
    const expiredBind = await f.fails('label.bind', { caseId, code: old.toLowerCase() }, f.staff)
    expect(expiredBind).toMatchObject({ code: 'illegal_transition', details: { reason: 'label_expired', validUntil: '2026-11-03' } })
    expect(expiredBind.message).toMatch(/valid until 2026-11-03.*Stick a new label on the parcel/)
    expect(await f.fails('label.record', { caseId, code: old, carrier: 'UPS' }, f.staff)).toMatchObject({ details: { reason: 'label_expired' } })
    expect(await f.ok<CarrierParcels[]>('handover.waiting', {}, f.staff)).toEqual([])

    const fresh = makeUpsTrackingNumber('A1B2C3', '01', '0000002')
    const relabelled = await f.ok('label.record', { caseId, code: fresh }, f.staff)
    expect(relabelled.detail.state.status).toBe('packed')
    expect(relabelled.detail.intake.label).toMatchObject({ source: 'new', trackingNumber: fresh, validUntil: '2026-12-07', expired: false })
    expect(await f.fails('label.bind', { caseId, code: old }, f.staff)).toMatchObject({ code: 'invalid_input' })
    await f.ok('label.bind', { caseId, code: fresh }, f.staff)
    const batch = await f.ok<HandoverBatchView>('handover.closeBatch', { carrier: 'UPS', driverAt: '10:00', scanned: [fresh] }, f.staff)
    expect(batch.caseIds).toEqual([caseId])
  })
})
