// The label and the hand-over through the service calls: an expired label is never bound,
// recorded as new, or put in a pickup; a new label's carrier comes from the counter's list; a
// pickup is confirmed by scanning each parcel, closes with the driver's time, names any parcel
// that is not of this pickup, and leaves one unscanned only with a recorded reason. A new case
// on an order with a finished case needs its reason, recorded on case.started.
import { describe, expect, it } from 'vitest'
import type { CarrierParcels, HandoverBatchView, ParcelView } from '@shared/contract/intake-views'
import type { CaseDetail, CaseSummary, OrderMatch } from '@shared/contract/views'
import { makeDhlTrackingNumber, makeUpsTrackingNumber } from '@shared/domain/tracking-number'
import type { ManifestRecord } from '@shared/manifest/record'
import { order, startIntake, type IntakeFixture } from '../support/intake-fixture'
import { toPacked } from '../support/intake-steps'

const ups = (n: number): string => makeUpsTrackingNumber('A1B2C3', '01', String(n).padStart(7, '0'))

/** A warranty repair of a phone whose return label (UPS unless said) was requested on `requestedAt`. */
const phone = (i: number, requestedAt: string, carrier: 'UPS' | 'DHL' = 'UPS') =>
  order(i, { category: 'smartphone', caseType: 'warranty_repair' }, (o) => {
    o.deliveredAt = '2026-06-01'
    o.returnRequest!.requestedAt = requestedAt
    o.returnRequest!.carrier = carrier
    o.returnRequest!.trackingNumber = carrier === 'UPS' ? ups(i) : makeDhlTrackingNumber(String(100_000_000 + i))
  })

async function labelled(f: IntakeFixture, r: ManifestRecord, seed: number): Promise<string> {
  const caseId = await f.start(r)
  await toPacked(f, r, caseId, seed)
  await f.ok('label.bind', { caseId, code: r.returnRequest!.trackingNumber }, f.staff)
  return caseId
}

describe('an expired label', () => {
  it('is refused when bound or recorded as the new label, and the new label takes a carrier from the list', async () => {
    const r = phone(21, '2026-10-20T10:00:00Z') // valid until 3 Nov; today is 23 Nov
    const f = await startIntake([r])
    const caseId = await f.start(r)
    await toPacked(f, r, caseId, 0)
    const old = r.returnRequest!.trackingNumber!

    const bind = await f.fails('label.bind', { caseId, code: old }, f.staff)
    expect(bind).toMatchObject({ code: 'illegal_transition', details: { reason: 'label_expired', validUntil: '2026-11-03' } })
    expect(bind.message).toMatch(/Stick a new label on the parcel, choose its carrier, then scan the new label/)
    // Scanned as if it were the new label: still the expired one.
    expect(await f.fails('label.record', { caseId, code: old, carrier: 'UPS' }, f.staff)).toMatchObject({ details: { reason: 'label_expired' } })
    expect(await f.fails('label.record', { caseId, code: old }, f.staff)).toMatchObject({ details: { reason: 'label_expired' } })
    expect((await f.ok<CaseDetail>('cases.get', { caseId }, f.staff)).state.status).toBe('packed')

    const carriers = await f.ok<string[]>('label.carriers', {}, f.staff)
    expect(carriers).toEqual(expect.arrayContaining(['UPS', 'DHL', 'Colissimo']))
    const typo = await f.fails('label.record', { caseId, code: '6A10229184742', carrier: 'Colisimo' }, f.staff)
    expect(typo).toMatchObject({ code: 'invalid_input', details: { carriers } })
    expect(typo.message).toMatch(/"Colisimo" is not one of this counter's carriers.*choose the carrier from the list/)

    const fresh = ups(99)
    const recorded = await f.ok('label.record', { caseId, code: fresh, carrier: 'ups' }, f.staff)
    expect(recorded.detail.state.newLabel).toMatchObject({ carrier: 'UPS', trackingNumber: fresh, validUntil: '2026-12-07' })
    expect((await f.ok('label.bind', { caseId, code: fresh }, f.staff)).detail.state.status).toBe('labelled')
  })

  it('keeps a parcel whose label expired while it waited out of the pickup, named', async () => {
    const r = phone(22, '2026-11-20T10:00:00Z') // valid until 4 Dec
    const f = await startIntake([r])
    const caseId = await labelled(f, r, 0)
    f.clock.now = new Date('2026-12-07T09:00:00Z')
    f.staff = await f.signIn(f.staffPin) // two weeks later: a new sign-in
    const waiting = await f.ok<CarrierParcels[]>('handover.waiting', {}, f.staff)
    expect(waiting[0]!.parcels[0]).toMatchObject({ caseId, labelExpired: true, labelValidUntil: '2026-12-04' })
    const scan = await f.fails('handover.checkScan', { carrier: 'UPS', code: r.returnRequest!.trackingNumber }, f.staff)
    expect(scan).toMatchObject({ code: 'conflict', details: { problem: 'label_expired' } })
    expect(scan.message).toMatch(/label expired: take it back from the driver, stick a new label/)
    const close = await f.fails('handover.closeBatch', { carrier: 'UPS', driverAt: '10:00', scanned: [r.returnRequest!.trackingNumber] }, f.staff)
    expect(close.message).toMatch(/^Not closed: .*label expired/)
    expect((await f.ok<CaseDetail>('cases.get', { caseId }, f.staff)).state.status).toBe('labelled')
  })
})

describe('a carrier pickup', () => {
  it('needs the driver\'s time, a scan of each parcel or a reason, and names a parcel that is not of this pickup', async () => {
    const [a, b, c] = [phone(31, '2026-11-20T10:00:00Z'), phone(32, '2026-11-20T10:00:00Z'), phone(33, '2026-11-20T10:00:00Z', 'DHL')]
    const f = await startIntake([a!, b!, c!])
    const [ca, cb, cc] = [await labelled(f, a!, 0), await labelled(f, b!, 100), await labelled(f, c!, 200)]
    const [ta, tb, tc] = [a!, b!, c!].map((r) => r.returnRequest!.trackingNumber!)
    const input = { carrier: 'UPS', driverAt: '10:05', scanned: [ta!, tb!] }

    // The driver's time: required, a real time, not in the future.
    expect(await f.fails('handover.closeBatch', { ...input, driverAt: '' }, f.staff)).toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/Enter the time the driver took the parcels/) })
    expect(await f.fails('handover.closeBatch', { ...input, driverAt: '25:70' }, f.staff)).toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/not a real time/) })
    expect(await f.fails('handover.closeBatch', { ...input, driverAt: '11:30' }, f.staff)).toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/in the future/) })
    expect(await f.fails('handover.closeBatch', { ...input, scanned: [] }, f.staff)).toMatchObject({ code: 'invalid_input' })

    // Each scan is placed or named.
    expect(await f.ok<ParcelView>('handover.checkScan', { carrier: 'ups', code: ta!.toLowerCase() }, f.staff)).toMatchObject({ caseId: ca })
    const other = await f.fails('handover.checkScan', { carrier: 'UPS', code: tc! }, f.staff)
    expect(other).toMatchObject({ code: 'conflict', details: { problem: 'other_carrier' } })
    expect(other.message).toContain('a DHL parcel, not UPS: take it back from the driver')
    expect(await f.fails('handover.checkScan', { carrier: 'UPS', code: ups(4242) }, f.staff)).toMatchObject({ code: 'not_found', details: { problem: 'unknown' } })
    const mixed = await f.fails('handover.closeBatch', { ...input, scanned: [ta!, tb!, tc!] }, f.staff)
    expect(mixed.message).toMatch(/^Not closed: .*a DHL parcel/)

    // A waiting parcel not scanned: named, and it stays only with a reason.
    const missing = await f.fails('handover.closeBatch', { ...input, scanned: [ta!] }, f.staff)
    expect(missing).toMatchObject({ code: 'conflict', details: { problem: 'not_scanned' } })
    expect(missing.message).toContain(`not scanned yet: case ${(await f.ok<CaseDetail>('cases.get', { caseId: cb }, f.staff)).state.caseNumber} (${tb})`)
    const batch = await f.ok<HandoverBatchView>('handover.closeBatch', { ...input, scanned: [ta!], exception: 'The box is torn: repack it' }, f.staff)
    expect(batch).toMatchObject({ carrier: 'UPS', caseIds: [ca], driverAt: '2026-11-23T09:05:00.000Z', refused: [{ caseId: cb, message: expect.stringContaining('The box is torn: repack it') }] })
    expect((await f.ok<CaseDetail>('cases.get', { caseId: cb }, f.staff)).state.status).toBe('labelled')

    // A parcel already gone is named too; the next pickup takes the rest.
    const gone = await f.fails('handover.checkScan', { carrier: 'UPS', code: ta! }, f.staff)
    expect(gone).toMatchObject({ details: { problem: 'not_waiting' } })
    expect(gone.message).toMatch(/which is handed over, not waiting for this pickup/)
    const second = await f.ok<HandoverBatchView>('handover.closeBatch', { carrier: 'UPS', driverAt: '10:00', scanned: [tb!] }, f.staff)
    expect(second).toMatchObject({ caseIds: [cb], refused: [] })
    expect((await f.ok<CaseDetail>('cases.get', { caseId: cc }, f.staff)).state.status).toBe('labelled')
    expect(await f.ok<HandoverBatchView[]>('handover.batches', {}, f.staff)).toHaveLength(2)
  })
})

describe('a new case on an order with a finished case', () => {
  it('shows the earlier cases, needs a reason recorded on the case, and still reopens an open case', async () => {
    const r = phone(41, '2026-11-20T10:00:00Z')
    const f = await startIntake([r])
    const first = await labelled(f, r, 0)
    await f.ok('handover.closeBatch', { carrier: 'UPS', driverAt: '10:00', scanned: [r.returnRequest!.trackingNumber] }, f.staff)
    const firstNumber = (await f.ok<CaseDetail>('cases.get', { caseId: first }, f.staff)).state.caseNumber

    const match = await f.ok<OrderMatch>('orders.lookup', { code: r.returnRequest!.labelCode }, f.staff)
    expect(match.openCase).toBeNull()
    expect(match.earlierCases).toEqual([expect.objectContaining({ id: first, caseNumber: firstNumber, status: 'handed_over', endedAt: expect.any(String) })])

    const bare = await f.fails('cases.start', { orderNumber: r.orderNumber, via: 'scan' }, f.staff)
    expect(bare).toMatchObject({ code: 'conflict', details: { reason: 'restart_reason_required', earlierCases: [firstNumber] } })
    expect(bare.message).toMatch(new RegExp(`already had case ${firstNumber} \\(handed over on .*Choose why a new case starts`))
    expect(await f.fails('cases.start', { orderNumber: r.orderNumber, via: 'scan', restart: { reason: 'other' } }, f.staff)).toMatchObject({ code: 'invalid_input' })
    expect(await f.fails('cases.start', { orderNumber: r.orderNumber, via: 'scan', restart: { reason: 'whim' } }, f.staff)).toMatchObject({ code: 'invalid_input' })

    const second = await f.ok<CaseSummary>('cases.start', { orderNumber: r.orderNumber, via: 'scan', restart: { reason: 'repair_came_back' } }, f.staff)
    expect(second.id).not.toBe(first)
    const started = (await f.ok<CaseDetail>('cases.get', { caseId: second.id }, f.staff)).events[0]!
    expect(started).toMatchObject({ type: 'case.started', payload: { restart: { reason: 'repair_came_back', earlierCases: [firstNumber] } } })
    // The open case is reopened as before, with or without a reason: no third case.
    expect((await f.ok<CaseSummary>('cases.start', { orderNumber: r.orderNumber, via: 'scan' }, f.staff)).id).toBe(second.id)
  })
})
