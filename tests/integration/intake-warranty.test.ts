// Scenario (a) of issue #3 through the service calls: a smartphone warranty repair from the
// scan to handed over, with 7 photos, the IMEI, backup, disconnection proof, PIN, packing
// checklist and package photos, the tracking number bound and the pickup batch closed. Then:
// the PIN is nowhere in the events, the database files or the logs.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { CarrierParcels, HandoverBatchView, PhotoBytes, PhotoCaptureResult } from '@shared/contract/intake-views'
import type { CaseDetail } from '@shared/contract/views'
import { jpeg, order, startIntake } from '../support/intake-fixture'

const PIN = '86420975'

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name)
    return statSync(p).isDirectory() ? filesUnder(p) : [p]
  })
}

describe('intake: smartphone warranty repair, scan to hand-over', () => {
  it('records every step through the calls and hands the parcel to the carrier', async () => {
    const r = order(1, { category: 'smartphone', caseType: 'warranty_repair' }, (o) => {
      o.orderDate = '2026-05-28'
      o.deliveredAt = '2026-06-01'
      o.returnRequest!.requestedAt = '2026-11-20T10:00:00Z'
    })
    const f = await startIntake([r])
    const caseId = await f.start(r)
    const s = f.staff

    let res = await f.ok('intake.identify', { caseId, imei: r.item.imei }, s)
    expect(res.detail.state.identity).toMatchObject({ imei: r.item.imei, imeiMatch: 'match' })
    res = await f.ok('intake.decideEligibility', { caseId }, s)
    expect(res.detail.intake.eligibility).toMatchObject({ verdict: 'covered', outcome: 'proceed' })
    expect(res.detail.state.eligibility?.window).toMatchObject({ window: 'warranty', within: true, deadline: '2027-06-01' })

    const plan = res.detail.intake.photoPlan!
    expect(plan.required).toHaveLength(7)
    for (const [n, shot] of plan.required.entries()) {
      const p = await f.ok<PhotoCaptureResult>('photos.capture', { caseId, purpose: 'condition', shot, mime: 'image/jpeg', data: jpeg(n) }, s)
      expect(p.recorded).toBe(true)
    }
    await f.ok('intake.backup', { caseId, kind: 'backed_up_and_removed' }, s)
    const proof = await f.ok<PhotoCaptureResult>('photos.capture', { caseId, purpose: 'account_proof', shot: 'account_screen', mime: 'image/jpeg', data: jpeg(100) }, s)
    const accounts = proof.detail.intake.accounts
    expect(accounts.length).toBeGreaterThan(0)
    await f.ok('intake.accountDisconnected', { caseId, accounts, proof: 'photo', photoSha256: proof.photo.sha256 }, s)
    res = await f.ok('intake.providePin', { caseId, kind: 'pin', pin: PIN }, s)
    expect(res.detail.intake.pinStored).toBe(true)
    expect(res.detail.intake.evidence.complete).toBe(true)
    res = await f.ok('intake.completeEvidence', { caseId }, s)
    expect(res.detail.state.status).toBe('evidence_captured')

    for (const item of res.detail.intake.packing.checklist) await f.ok('packing.check', { caseId, item }, s)
    // No printer confirmed a slip for this case: "printed" is refused, the slip is written by hand.
    expect(await f.fails('packing.slip', { caseId, via: 'printed' }, s)).toMatchObject({ code: 'illegal_transition', details: { reason: 'slip_not_printed' } })
    await f.ok('packing.slip', { caseId, via: 'written' }, s)
    for (const [n, shot] of ['package_inside', 'package_outside'].entries()) {
      await f.ok('photos.capture', { caseId, purpose: 'package', shot, mime: 'image/jpeg', data: jpeg(200 + n) }, s)
    }
    res = await f.ok('packing.done', { caseId }, s)
    expect(res.detail.state.status).toBe('packed')
    res = await f.ok('label.bind', { caseId, code: r.returnRequest!.trackingNumber }, s)
    expect(res.detail.state.status).toBe('labelled')
    expect(res.notice).toBeUndefined()

    const waiting = await f.ok<CarrierParcels[]>('handover.waiting', {}, s)
    expect(waiting).toHaveLength(1)
    const carrier = waiting[0]!.carrier
    expect(waiting[0]!.parcels.map((p) => p.caseId)).toEqual([caseId])
    const batch = await f.ok<HandoverBatchView>('handover.closeBatch', { carrier, driverAt: '09:45', scanned: [r.returnRequest!.trackingNumber] }, s)
    expect(batch).toMatchObject({ carrier, caseIds: [caseId], refused: [], localDate: '2026-11-23', driverAt: '2026-11-23T08:45:00.000Z' })
    expect(await f.ok<CarrierParcels[]>('handover.waiting', {}, s)).toEqual([])
    expect(await f.ok<HandoverBatchView[]>('handover.batches', {}, s)).toHaveLength(1)

    const detail = await f.ok<CaseDetail>('cases.get', { caseId }, s)
    expect(detail.state.status).toBe('handed_over')
    expect(detail.state.handedOver).toMatchObject({ batchId: batch.id, carrier })
    expect(detail.intake.progress.next).toBeNull()
    expect(detail.intake.photos.filter((p) => p.purpose === 'condition')).toHaveLength(7)
    const thumb = await f.ok<PhotoBytes>('photos.get', { caseId, sha256: detail.intake.photos[0]!.sha256 }, s)
    expect(thumb.data).toBe(jpeg(0))

    // Handed over: the parcel and its slip have left the counter, and the PIN with them.
    expect(detail.intake.pinStored).toBe(false)

    // The PIN: sealed in case_secrets only; never in an event, the database files or the logs.
    expect(JSON.stringify(detail)).not.toContain(PIN)
    const files = filesUnder(f.dataDir)
    expect(files.some((p) => p.endsWith('-wal') || p.endsWith('.sqlite') || p.endsWith('.db'))).toBe(true)
    for (const file of files) expect(readFileSync(file).includes(PIN), file).toBe(false)
    expect(f.logs.join('')).not.toContain(PIN)
    f.services.close()
    for (const file of filesUnder(f.dataDir)) expect(readFileSync(file).includes(PIN), file).toBe(false)
  })
})
