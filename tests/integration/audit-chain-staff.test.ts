// Staff changes are links of the kiosk's audit chain, with its case events (migration 007): a
// staff event links to whatever event of the kiosk came last, and the next case event links to
// it. Editing, removing or re-ordering a staff event behind the app's back (a raw SQLite
// connection, append-only triggers dropped) is found at the first link it breaks.
import BetterSqlite3 from 'better-sqlite3'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { StaffPinResult } from '@shared/contract/staff-views'
import { staffEventHash, type HashedStaffEventColumns } from '../../electron/services/audit/staff-event-hash'
import { DB_FILE } from '../../electron/services/store/database'
import { KIOSK, rowAt, seededDir, tamper, verifyFile } from '../support/audit-chain-seed'
import { startStaffServices } from '../support/staff-services'

type Link = { table: string; seq: number; kiosk_id: string; prev_hash: string | null; hash: string }

/** Every row of both tables in the kiosk's chain order, as written (INTERLEAVED). */
function links(file: string): Link[] {
  const db = new BetterSqlite3(file, { readonly: true })
  const events = db.prepare("SELECT 'events' AS 'table', seq, kiosk_id, prev_hash, hash FROM events ORDER BY seq").all() as Link[]
  const staff = db.prepare("SELECT 'staff_events' AS 'table', seq, kiosk_id, prev_hash, hash, after_event_seq FROM staff_events ORDER BY seq").all() as Array<Link & { after_event_seq: number }>
  db.close()
  const merged: Link[] = []
  for (const e of events) {
    merged.push(...staff.filter((s) => s.after_event_seq === e.seq - 1))
    merged.push(e)
  }
  merged.push(...staff.filter((s) => s.after_event_seq >= events.length))
  return merged
}

describe('staff events in the audit chain', () => {
  it('links staff and case events of a kiosk in one chain, and verifies it', () => {
    const { file } = seededDir()
    const chain = links(file).filter((l) => l.kiosk_id === KIOSK)
    // 1 first supervisor, 2–3 case-1, 4 Bob added, 5 case-2 started, 6 PIN changed, 7 case-2 verified, 8 removed.
    expect(chain.map((l) => `${l.table}:${l.seq}`)).toEqual([
      'staff_events:1', 'events:1', 'events:2', 'staff_events:2', 'events:4', 'staff_events:3', 'events:5', 'staff_events:4',
    ])
    chain.forEach((l, i) => expect(l.prev_hash).toBe(i === 0 ? null : chain[i - 1]!.hash))
    // The other kiosk's event (events seq 3) starts its own chain.
    expect(links(file).find((l) => l.kiosk_id === 'KOTHER')).toMatchObject({ table: 'events', seq: 3, prev_hash: null })
    expect(verifyFile(file)).toEqual({ ok: true, checked: { events: 5, staff_events: 4 }, unchained: [], firstBreak: null })
  })

  it('finds an edited staff payload at that staff event, with its place in the chain', () => {
    const { file } = seededDir()
    const bobAdded = rowAt(file, 'staff_events', 2)
    tamper(file, [`UPDATE staff_events SET payload = json_set(payload, '$.role', 'supervisor') WHERE seq = 2`])
    expect(verifyFile(file).firstBreak).toEqual({
      table: 'staff_events', seq: 2, id: bobAdded.id, chainKey: KIOSK, position: 4, reason: expect.stringMatching(/edited/),
    })
  })

  it('finds an edit whose hash was recomputed at the next link, a case event', () => {
    const { file } = seededDir()
    const row = rowAt(file, 'staff_events', 2) as unknown as HashedStaffEventColumns
    const payload = JSON.stringify({ name: 'Bob', role: 'supervisor' })
    tamper(file, ['UPDATE staff_events SET payload = ?, hash = ? WHERE seq = 2', payload, staffEventHash({ ...row, payload })])
    expect(verifyFile(file).firstBreak).toMatchObject({ table: 'events', seq: 4, position: 5, reason: expect.stringMatching(/does not follow/) })
  })

  it('finds a removed staff event at the link after it, and one removed at the end', () => {
    const middle = seededDir()
    tamper(middle.file, ['DELETE FROM staff_events WHERE seq = 3'])
    // The PIN change sat between events 4 and 5: event 5 now points at a row that is gone.
    expect(verifyFile(middle.file).firstBreak).toMatchObject({ table: 'events', seq: 5, position: 6, reason: expect.stringMatching(/does not follow/) })

    const first = seededDir()
    tamper(first.file, ['DELETE FROM staff_events WHERE seq = 1'])
    expect(verifyFile(first.file).firstBreak).toMatchObject({ table: 'events', seq: 1, position: 1 })

    const end = seededDir()
    tamper(end.file, ['DELETE FROM staff_events WHERE seq = 4'])
    expect(verifyFile(end.file).firstBreak).toMatchObject({ table: 'staff_events', seq: 4, reason: expect.stringMatching(/last 1 row\(s\) of staff_events/) })
  })

  it('finds re-ordered staff events, and a staff event moved elsewhere in the chain', () => {
    const swapped = seededDir()
    // Bob's addition and PIN change trade places in the table.
    tamper(swapped.file, ['UPDATE staff_events SET seq = -seq WHERE seq IN (2, 3)'], ['UPDATE staff_events SET seq = 3 WHERE seq = -2'], ['UPDATE staff_events SET seq = 2 WHERE seq = -3'])
    expect(verifyFile(swapped.file).firstBreak).toMatchObject({ table: 'events', seq: 4, position: 4, reason: expect.stringMatching(/does not follow/) })

    const moved = seededDir()
    const row = rowAt(moved.file, 'staff_events', 2) as unknown as HashedStaffEventColumns
    // Placed after case-2 started instead of before it, hash recomputed to match.
    tamper(moved.file, ['UPDATE staff_events SET after_event_seq = 4, hash = ? WHERE seq = 2', staffEventHash({ ...row, after_event_seq: 4 })])
    expect(verifyFile(moved.file).firstBreak).toMatchObject({ table: 'events', seq: 4, position: 4 })
  })

  it('chains the staff changes the services make between case events', async () => {
    const f = await startStaffServices()
    const boss = f.services.openSession()
    expect(await f.call('session.signIn', { pin: f.pin }, boss)).toMatchObject({ ok: true })
    const orders = (await f.call('orders.search', { query: 'BM', limit: 2 }, boss)) as { ok: true; value: Array<{ orderNumber: string }> }
    const [a, b] = orders.value
    expect(await f.call('cases.start', { orderNumber: a!.orderNumber, via: 'search' }, boss)).toMatchObject({ ok: true })
    const added = (await f.call('staff.add', { name: 'Léa Martin', role: 'staff' }, boss)) as { ok: true; value: StaffPinResult }
    expect(await f.call('cases.start', { orderNumber: b!.orderNumber, via: 'search' }, boss)).toMatchObject({ ok: true })
    expect(await f.call('staff.changePin', { staffId: added.value.staff.id, newPin: '246810' }, boss)).toMatchObject({ ok: true })
    expect(await f.call('staff.remove', { staffId: added.value.staff.id }, boss)).toMatchObject({ ok: true })
    f.services.close()

    const file = path.join(f.dataDir, DB_FILE)
    const report = verifyFile(file)
    expect(report).toMatchObject({ ok: true, checked: { staff_events: 4 } })
    expect(report.checked.events).toBeGreaterThanOrEqual(4)
    const chain = links(file)
    expect(chain.map((l) => l.table)).toEqual(['staff_events', ...Array(report.checked.events! / 2).fill('events'), 'staff_events', ...Array(report.checked.events! / 2).fill('events'), 'staff_events', 'staff_events'])
    chain.forEach((l, i) => expect(l.prev_hash).toBe(i === 0 ? null : chain[i - 1]!.hash))
  })
})
