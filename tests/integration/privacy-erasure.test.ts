// GDPR access and erasure of one customer through the service calls, on a real data dir:
// supervisors only; the export holds the order, every event and the photo files (never the
// PIN); the erasure removes the customer's name, IMEI, PIN and photos and nothing of anyone
// else's, keeps the audit chain verifiable, and is itself recorded without personal data.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import type { CustomerExport, CustomerMatch, ErasureReport } from '@shared/contract/privacy-views'
import { verifyChains } from '../../electron/services/audit/verify-chain'
import { DB_FILE } from '../../electron/services/store/database'
import { OrdersCache } from '../../electron/services/store/orders-cache'
import { jpeg, startIntake } from '../support/intake-fixture'
import { customerOrder, handedOverCase } from '../support/privacy-case'

const PIN = '73195284'

function photoFiles(dataDir: string): string[] {
  const root = path.join(dataDir, 'photos')
  return readdirSync(root).flatMap((d) => readdirSync(path.join(root, d)))
}

describe('GDPR access and erasure of one customer', () => {
  it('exports and erases one customer, leaving the others and the audit chain intact', async () => {
    const alice = customerOrder(1, 'Zéphyrine', 'Quillardet')
    const bob = customerOrder(2, 'Barnabé', 'Oustalet')
    const f = await startIntake([alice, bob])
    const aliceCase = await handedOverCase(f, alice, PIN, 0)
    const bobCase = await handedOverCase(f, bob, '11223344', 100)

    // Access: staff and the customer screen are refused every privacy call.
    for (const [name, input] of [['privacy.find', { query: 'Quillardet' }], ['privacy.export', { orderNumber: alice.orderNumber }], ['privacy.erase', { orderNumber: alice.orderNumber, confirm: true }], ['privacy.setRetention', { days: 1 }], ['privacy.runRetention', {}]] as const) {
      expect((await f.fails(name, input, f.staff)).code).toBe('forbidden')
    }
    const kiosk = await f.signIn(f.staffPin)
    await f.ok('session.setMode', { mode: 'customer' }, kiosk)
    expect((await f.fails('privacy.export', { orderNumber: alice.orderNumber }, kiosk)).code).toBe('forbidden')
    expect((await f.fails('privacy.erase', { orderNumber: alice.orderNumber }, f.boss)).code).toBe('invalid_input')

    // Find by name, order number and label code.
    const byName = await f.ok<CustomerMatch[]>('privacy.find', { query: 'quillardet' }, f.boss)
    expect(byName).toEqual([{ orderNumber: alice.orderNumber, customerName: 'Zéphyrine Quillardet', cases: [expect.objectContaining({ caseId: aliceCase, status: 'handed_over', erased: false })] }])
    expect((await f.ok<CustomerMatch[]>('privacy.find', { query: alice.orderNumber }, f.boss)).map((m) => m.orderNumber)).toEqual([alice.orderNumber])
    expect((await f.ok<CustomerMatch[]>('privacy.find', { query: alice.returnRequest!.labelCode! }, f.boss))[0]?.orderNumber).toBe(alice.orderNumber)

    // Export: the order with the customer, every event with the IMEI, the photo bytes; no PIN.
    const doc = await f.ok<CustomerExport>('privacy.export', { orderNumber: alice.orderNumber }, f.boss)
    expect(doc).toMatchObject({ format: 'dropdesk.customer-export.v1', orderNumber: alice.orderNumber, order: { customer: { lastName: 'Quillardet' } } })
    expect(doc.cases).toHaveLength(1)
    const exported = doc.cases[0]!
    // The unlock PIN left the counter with the parcel: it was purged at hand-over.
    expect(exported).toMatchObject({ caseId: aliceCase, unlockPinHeld: false, erased: null })
    expect(exported.events.find((e) => e.type === 'device.identified')?.payload).toMatchObject({ imei: alice.item.imei })
    expect(exported.events.map((e) => e.type)).toContain('handed_over')
    expect(exported.photos).toHaveLength(9)
    expect(exported.photos.map((p) => p.data)).toContain(jpeg(0))
    expect(JSON.stringify(doc)).not.toContain(PIN)
    expect(JSON.stringify(doc)).not.toContain('Oustalet')

    // A slip still waiting for its printer: its rendered bytes carry the name and the PIN.
    const jobs = new BetterSqlite3(path.join(f.dataDir, DB_FILE))
    const job = jobs.prepare(
      `INSERT INTO print_jobs (id, case_id, document, params, printer_id, mime_type, payload, state, next_attempt_at, actor, created_at)
       VALUES (?, ?, 'orderSlip', ?, 'slip', 'application/pdf', ?, ?, 't', 'staff', 't')`,
    )
    job.run('job-held', aliceCase, JSON.stringify({ caseId: aliceCase }), Buffer.from(`Quillardet ${PIN}`), 'held')
    job.run('job-bob', bobCase, JSON.stringify({ caseId: bobCase }), Buffer.from('Oustalet'), 'held')
    jobs.close()
    const before = photoFiles(f.dataDir).length
    // No PIN left to purge: it went with the parcel at hand-over.
    const report = await f.ok<ErasureReport>('privacy.erase', { orderNumber: alice.orderNumber, confirm: true }, f.boss)
    expect(report).toMatchObject({ orderNumber: alice.orderNumber, caseIds: [aliceCase], eventsErased: 1, pinsPurged: 0, printJobsCleared: 1, photosDeleted: 9, walTruncated: true })
    expect(photoFiles(f.dataDir)).toHaveLength(before - 9)
    // At once, without a restart: the WAL is emptied and no byte of the files holds the values.
    const dbFile = path.join(f.dataDir, DB_FILE)
    expect(statSync(dbFile + '-wal').size).toBe(0)
    for (const file of [dbFile, dbFile + '-wal']) {
      const bytes = readFileSync(file)
      for (const gone of ['Quillardet', 'quillardet', alice.item.imei!]) expect(bytes.includes(Buffer.from(gone)), `${gone} in ${file}`).toBe(false)
    }
    expect(readFileSync(dbFile).includes(Buffer.from('Oustalet'))).toBe(true)

    const db = new BetterSqlite3(path.join(f.dataDir, DB_FILE), { readonly: true })
    try {
      expect(verifyChains(db)).toMatchObject({ ok: true })
      const dump = JSON.stringify([
        db.prepare('SELECT * FROM events').all(),
        db.prepare('SELECT * FROM cases').all(),
        db.prepare('SELECT * FROM orders').all(),
        db.prepare('SELECT * FROM privacy_log').all(),
      ])
      for (const gone of ['Zéphyrine', 'Quillardet', 'zéphyrine', alice.item.imei!]) expect(dump).not.toContain(gone)
      // The other customer is untouched.
      for (const kept of ['Barnabé', 'Oustalet', bob.item.imei!]) expect(dump).toContain(kept)
      // Both parcels were handed over, so neither PIN is kept any more (purged at hand-over).
      expect(db.prepare('SELECT case_id FROM case_secrets').all()).toEqual([])
      expect(db.prepare('SELECT id, state, payload IS NULL AS cleared FROM print_jobs ORDER BY id').all()).toEqual([
        { id: 'job-bob', state: 'held', cleared: 0 },
        { id: 'job-held', state: 'cancelled', cleared: 1 },
      ])
      const log = db.prepare('SELECT action, actor, detail FROM privacy_log ORDER BY seq').all() as Array<{ action: string; actor: string; detail: string }>
      expect(log.map((l) => l.action)).toEqual(['retention_purged', 'exported', 'erased'])
      expect(log.slice(1).every((l) => l.actor === f.boss.actor && l.detail.includes(alice.orderNumber))).toBe(true)
    } finally {
      db.close()
    }

    // What is left: the case and its events with erased markers, photo hashes without files.
    const after = await f.ok<CustomerExport>('privacy.export', { orderNumber: alice.orderNumber }, f.boss)
    expect(after.order).not.toHaveProperty('customer')
    expect(after.cases[0]).toMatchObject({ unlockPinHeld: false, erased: { reason: 'request' } })
    expect(after.cases[0]!.events.find((e) => e.type === 'device.identified')?.payload).toMatchObject({ imei: { erased: true } })
    expect(after.cases[0]!.photos.every((p) => p.data === null)).toBe(true)
    expect(await f.ok<CustomerMatch[]>('privacy.find', { query: 'Quillardet' }, f.boss)).toEqual([])
    expect((await f.ok<{ state: { status: string } }>('cases.get', { caseId: aliceCase }, f.staff)).state.status).toBe('handed_over')
    expect(existsSync(path.join(f.dataDir, DB_FILE + '-wal'))).toBe(true)
    expect(f.logs.join('')).not.toMatch(/Quillardet|Zéphyrine/)

    // The central system's copy of the order arrives again (a manifest pull, a file import): the
    // expected return is kept and still found by its code, the customer is not brought back.
    const writer = new BetterSqlite3(path.join(f.dataDir, DB_FILE))
    try {
      new OrdersCache(writer).put(alice, JSON.stringify(alice), 'central', new Date().toISOString())
      const again = new OrdersCache(writer).findByCode(alice.orderNumber)
      expect(again?.record).not.toHaveProperty('customer')
      expect(again?.record.item).not.toHaveProperty('imei')
      expect(JSON.stringify(again)).not.toMatch(/Quillardet|Zéphyrine/)
      // Bob's order, never erased, is written as it comes.
      new OrdersCache(writer).put(bob, JSON.stringify(bob), 'central', new Date().toISOString())
      expect(new OrdersCache(writer).findByCode(bob.orderNumber)?.record.customer?.lastName).toBe('Oustalet')
    } finally {
      writer.close()
    }
    expect(await f.ok<CustomerMatch[]>('privacy.find', { query: 'Quillardet' }, f.boss)).toEqual([])
  })

  it('refuses to erase a case still in progress, and an unknown order', async () => {
    const r = customerOrder(3, 'Ludivine', 'Carabasse')
    const f = await startIntake([r])
    const caseId = await f.start(r)
    await f.ok('intake.identify', { caseId, imei: r.item.imei }, f.staff)
    const refused = await f.fails('privacy.erase', { orderNumber: r.orderNumber, confirm: true }, f.boss)
    expect(refused).toMatchObject({ code: 'illegal_transition', message: expect.stringMatching(/in progress.*cancel/) })
    expect((await f.fails('privacy.erase', { orderNumber: 'BM-NOPE', confirm: true }, f.boss)).code).toBe('not_found')
    // Cancelled, it can be erased at once, unsynced: its events are pushed later with the markers.
    await f.ok('intake.cancel', { caseId, reason: 'customer_withdrew' }, f.staff)
    expect(await f.ok<ErasureReport>('privacy.erase', { orderNumber: r.orderNumber, confirm: true }, f.boss)).toMatchObject({ caseIds: [caseId], eventsErased: 1 })
  })
})
