// Scenario (d) of issue #3 through the service calls: a customer at the kiosk scans their
// return QR code, answers the self-check (photos, backup, account, PIN), gets a ticket; staff
// scan the ticket and pick the case up. The customer reaches only their own case.
import { describe, expect, it } from 'vitest'
import type { PhotoCaptureResult, SelfCheckFinish, SelfCheckView } from '@shared/contract/intake-views'
import type { CaseMatch, CaseSummary } from '@shared/contract/views'
import { jpeg, order, startIntake } from '../support/intake-fixture'

describe('intake: customer self-check', () => {
  it('ends in a ticket that staff pick up, and keeps the customer to their own case', async () => {
    const mine = order(6, { category: 'smartphone', caseType: 'withdrawal' }, (o) => {
      o.deliveredAt = '2026-11-10'
      o.returnRequest!.requestedAt = '2026-11-21T10:00:00Z'
    })
    const other = order(7, { category: 'smartphone', caseType: 'withdrawal' })
    const f = await startIntake([mine, other])
    const otherCase = await f.start(other)

    // Staff hand the screen to the customer.
    const kiosk = await f.signIn(f.staffPin)
    await f.ok('session.setMode', { mode: 'customer' }, kiosk)
    expect(kiosk.mode).toBe('customer')
    expect(await f.fails('selfcheck.finish', {}, kiosk)).toMatchObject({ code: 'not_found' })
    expect(await f.fails('selfcheck.start', { code: 'RL-0000000' }, kiosk)).toMatchObject({ code: 'not_found' })
    // An order number is guessable: only the return's own codes (QR, label) open it.
    expect(await f.fails('selfcheck.start', { code: mine.orderNumber }, kiosk)).toMatchObject({ code: 'not_found' })
    // Staff calls stay out of reach, from the staff session as much as from the kiosk.
    expect(await f.fails('selfcheck.start', { code: mine.returnRequest!.labelCode }, f.staff)).toMatchObject({ code: 'forbidden' })

    const started = await f.ok<SelfCheckView>('selfcheck.start', { code: mine.returnRequest!.labelCode }, kiosk)
    const caseId = started.caseId
    expect(started.detail.state).toMatchObject({ status: 'verified', category: 'smartphone', startedBy: expect.stringMatching(/^customer@/) })
    expect(await f.ok<SelfCheckView>('selfcheck.current', {}, kiosk)).toMatchObject({ caseId })

    for (const [name, input] of [
      ['cases.get', { caseId }],
      ['cases.list', {}],
      ['intake.identify', { caseId, imei: mine.item.imei }],
      ['photos.capture', { caseId: otherCase, purpose: 'condition', shot: 'back', mime: 'image/jpeg', data: jpeg(1) }],
      ['intake.backup', { caseId: otherCase, kind: 'backed_up_and_removed' }],
      ['photos.capture', { caseId, purpose: 'exclusion', shot: 'damage_closeup', mime: 'image/jpeg', data: jpeg(1) }],
    ] as const) {
      expect(await f.fails(name, input, kiosk), name).toMatchObject({ code: 'forbidden' })
    }

    for (const [n, shot] of started.detail.intake.photoPlan!.required.entries()) {
      await f.ok<PhotoCaptureResult>('photos.capture', { caseId, purpose: 'condition', shot, mime: 'image/jpeg', data: jpeg(300 + n) }, kiosk)
    }
    const backup = await f.ok('intake.backup', { caseId, kind: 'backed_up_and_removed', confirmedBy: 'staff' }, kiosk)
    expect(backup.detail.state.backup).toMatchObject({ confirmedBy: 'customer' })
    const proof = await f.ok<PhotoCaptureResult>('photos.capture', { caseId, purpose: 'account_proof', shot: 'account_screen', mime: 'image/jpeg', data: jpeg(399) }, kiosk)
    await f.ok('intake.accountDisconnected', { caseId, accounts: proof.detail.intake.accounts, proof: 'photo', photoSha256: proof.photo.sha256 }, kiosk)
    await f.ok('intake.providePin', { caseId, kind: 'pattern', pin: '14789' }, kiosk)

    const finished = await f.ok<SelfCheckFinish>('selfcheck.finish', {}, kiosk)
    expect(finished.ticket.number).toMatch(/^\d{6}$/)
    expect(finished.ticket.qr).toBe(`DROPDESK-TICKET:${finished.ticket.number}`)
    expect(finished.detail.state.checkIn).toMatchObject({ ticket: finished.ticket.number })
    // The number told at the counter finds the case, to be taken over.
    const told = await f.ok<CaseMatch[]>('cases.find', { query: finished.ticket.number }, f.staff)
    expect(told.map((m) => [m.case.id, m.matchedBy, m.ticketToPickUp])).toEqual([[caseId, 'ticket', finished.ticket.number]])
    // The screen is free for the next customer.
    expect(await f.ok('selfcheck.current', {}, kiosk)).toBeNull()
    expect(await f.fails('photos.get', { caseId, sha256: proof.photo.sha256 }, kiosk)).toMatchObject({ code: 'forbidden' })

    expect(await f.fails('cases.pickUp', { ticket: '000000' }, f.staff)).toMatchObject({ code: 'not_found' })
    const picked = await f.ok('cases.pickUp', { ticket: finished.ticket.qr }, f.staff)
    expect(picked.recorded).toBe(true)
    expect(picked.detail.state.checkIn).toMatchObject({ pickedUpBy: f.staff.actor })
    expect(picked.detail.intake.pinStored).toBe(true)
    // Staff finish it: the evidence the customer gave is all there.
    expect(picked.detail.intake.evidence.missing).toEqual([])
    const again = await f.ok('cases.pickUp', { ticket: finished.ticket.number }, f.staff)
    expect(again).toMatchObject({ recorded: false, notice: expect.stringMatching(/already picked up/) })
    const today = await f.ok<CaseSummary[]>('cases.list', {}, f.staff)
    expect(today.map((c) => c.id).sort()).toEqual([caseId, otherCase].sort())
  })
})
