// The order-details slip through the services, with a real receipt printer on a loopback port:
// "printed and put inside" only once the printer acknowledged this case's slip (else written
// by hand, recorded); the unlock PIN is masked in every preview, printed on the slip, purged
// when the parcel is handed over, and a reprint after the hand-over has none.
import { afterEach, describe, expect, it } from 'vitest'
import type { CarrierParcels, PhotoCaptureResult } from '@shared/contract/intake-views'
import type { PreviewView, PrintJobView } from '@shared/contract/printing-views'
import type { CaseDetail } from '@shared/contract/views'
import { FakeRawPrinter } from '../support/fake-raw-printer'
import { jpeg, order, startIntake } from '../support/intake-fixture'

const PIN = '86420975'
const printers: FakeRawPrinter[] = []
afterEach(async () => {
  for (const p of printers.splice(0)) await p.stop()
})

describe('the slip step keeps to what the printer did', () => {
  it('refuses "printed" until the printer acknowledged; masks the PIN in previews; purges it at hand-over', async () => {
    const r = order(1, { category: 'smartphone', caseType: 'warranty_repair' }, (o) => {
      o.orderDate = '2026-05-28'
      o.deliveredAt = '2026-06-01'
      o.returnRequest!.requestedAt = '2026-11-20T10:00:00Z'
    })
    const f = await startIntake([r])
    const tm = await new FakeRawPrinter('escpos').start()
    printers.push(tm)
    tm.state = 'paper_out'
    await f.ok('printers.configure', { locale: 'en', printers: [{ id: 'printer-1', name: 'Counter slips', language: 'escpos', transport: { kind: 'raw9100', host: '127.0.0.1', port: tm.port } }], assignments: { orderSlip: 'printer-1' } }, f.boss)
    const caseId = await f.start(r)
    const s = f.staff
    await f.ok('intake.identify', { caseId, imei: r.item.imei }, s)
    const decided = await f.ok<{ detail: CaseDetail }>('intake.decideEligibility', { caseId }, s)
    for (const [n, shot] of decided.detail.intake.photoPlan!.required.entries()) await f.ok('photos.capture', { caseId, purpose: 'condition', shot, mime: 'image/jpeg', data: jpeg(n) }, s)
    await f.ok('intake.backup', { caseId, kind: 'backed_up_and_removed' }, s)
    const proof = await f.ok<PhotoCaptureResult>('photos.capture', { caseId, purpose: 'account_proof', shot: 'account_screen', mime: 'image/jpeg', data: jpeg(100) }, s)
    await f.ok('intake.accountDisconnected', { caseId, accounts: proof.detail.intake.accounts, proof: 'photo', photoSha256: proof.photo.sha256 }, s)
    await f.ok('intake.providePin', { caseId, kind: 'pin', pin: PIN }, s)
    const packing = await f.ok<{ detail: CaseDetail }>('intake.completeEvidence', { caseId }, s)
    for (const item of packing.detail.intake.packing.checklist) await f.ok('packing.check', { caseId, item }, s)

    // The preview masks the PIN; nothing the screen gets carries it.
    const preview = await f.ok<PreviewView>('print.preview', { document: 'orderSlip', caseId }, s)
    expect(preview.pinMasked).toBe(true)
    expect(JSON.stringify(preview)).not.toContain(PIN)

    // Held for paper: the job says so by the printer's name, and "printed" is refused.
    const job = await f.ok<PrintJobView>('print.orderSlip', { caseId }, s)
    const jobState = async () => (await f.ok<PrintJobView[]>('print.jobs', { caseId }, s)).find((j) => j.id === job.id)
    await expect.poll(async () => (await jobState())?.state, { timeout: 10_000 }).toBe('held')
    expect(await jobState()).toMatchObject({ printerName: 'Counter slips', heldFor: 'paper_out' })
    expect(await f.fails('packing.slip', { caseId, via: 'printed' }, s)).toMatchObject({ code: 'illegal_transition', details: { reason: 'slip_not_printed' } })

    tm.state = 'ready' // the roll is changed a minute later, and someone presses "Check status"
    f.clock.now = new Date(f.clock.now.getTime() + 60_000)
    await f.ok('printers.status', { printerId: 'printer-1' }, s)
    await expect.poll(async () => (await jobState())?.state, { timeout: 20_000 }).toBe('acknowledged')
    expect(tm.jobs[0]!.toString('latin1')).toContain(PIN) // the slip itself carries it
    const slip = await f.ok<{ detail: CaseDetail }>('packing.slip', { caseId, via: 'printed' }, s)
    expect(slip.detail.state.packing.slip?.via).toBe('printed')

    for (const [n, shot] of ['package_inside', 'package_outside'].entries()) await f.ok('photos.capture', { caseId, purpose: 'package', shot, mime: 'image/jpeg', data: jpeg(200 + n) }, s)
    await f.ok('packing.done', { caseId }, s)
    await f.ok('label.bind', { caseId, code: r.returnRequest!.trackingNumber }, s)
    const waiting = await f.ok<CarrierParcels[]>('handover.waiting', {}, s)
    await f.ok('handover.closeBatch', { carrier: waiting[0]!.carrier, driverAt: '09:45', scanned: [r.returnRequest!.trackingNumber!] }, s)

    // Handed over: the PIN is gone; the slip reprinted now has no PIN line.
    expect((await f.ok<CaseDetail>('cases.get', { caseId }, s)).intake.pinStored).toBe(false)
    const again = await f.ok<PrintJobView>('print.reprint', { jobId: job.id }, s)
    await expect.poll(async () => (await f.ok<PrintJobView[]>('print.jobs', { caseId }, s)).find((j) => j.id === again.id)?.state, { timeout: 10_000 }).toBe('acknowledged')
    const reprinted = tm.jobs[1]!.toString('latin1')
    expect(reprinted).toContain(r.orderNumber)
    expect(reprinted).not.toContain(PIN)
    expect(reprinted).not.toContain('Unlock PIN')
    expect((await f.ok<PreviewView>('print.preview', { document: 'orderSlip', caseId }, s)).pinMasked).toBeUndefined()
    f.services.close()
  })
})
