import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { importManifestFile } from '../../electron/services/orders/manifest-import'
import { openStore } from '../../electron/services/store'
import { makeRecord } from '../support/manifest-factory'
import { tempDir } from '../support/temp-dir'

const now = () => new Date('2026-11-22T10:00:00Z')

function writeLines(dir: string, lines: string[]): string {
  const file = path.join(dir, 'manifest.jsonl')
  writeFileSync(file, lines.join('\n') + '\n')
  return file
}

describe('manifest import', () => {
  it('imports good lines, rejects bad ones with their line number and reason', async () => {
    const dir = tempDir()
    const good = [makeRecord(1), makeRecord(2), makeRecord(3)]
    const badImei = { ...makeRecord(4), item: { category: 'smartphone', imei: '356938035643808' } }
    const noOrderNumber: Record<string, unknown> = { ...makeRecord(5) }
    delete noOrderNumber.orderNumber
    const file = writeLines(dir, [
      JSON.stringify(good[0]),
      '{"orderNumber": "BROKEN"',
      JSON.stringify(badImei),
      '',
      JSON.stringify(noOrderNumber),
      JSON.stringify({ ...good[1], orderDate: '2026-02-30' }),
      JSON.stringify(good[1]),
      JSON.stringify({ ...good[2], futureField: { kept: true } }),
    ])
    const store = openStore(dir)
    const report = await importManifestFile(store, file, { source: 'import', now })
    expect(report.imported).toBe(3)
    expect(report.added).toBe(3)
    expect(report.rejectedCount).toBe(4)
    expect(report.rejected.map((r) => r.line)).toEqual([2, 3, 5, 6])
    expect(report.rejected[0]!.reason).toMatch(/not valid JSON/)
    expect(report.rejected[1]!.reason).toMatch(/`item\.imei`: The check digit is wrong/)
    expect(report.rejected[2]!.reason).toMatch(/orderNumber/)
    expect(report.rejected[3]!.reason).toMatch(/`orderDate` is not a real calendar date/)
    // Unknown fields are kept in the stored record.
    expect((store.orders.get(good[2]!.orderNumber)!.record as Record<string, unknown>).futureField).toEqual({ kept: true })
    store.close()
  })

  it('upserts by order number: a second import updates, never duplicates', async () => {
    const dir = tempDir()
    const store = openStore(dir)
    const r = makeRecord(7)
    await importManifestFile(store, writeLines(dir, [JSON.stringify(r)]), { source: 'import', now })
    const changed = { ...r, customer: { firstName: 'Zoé', lastName: 'Lefèvre' } }
    const second = await importManifestFile(store, writeLines(dir, [JSON.stringify(changed)]), { source: 'import', now })
    expect(second.added).toBe(0)
    expect(store.orders.count()).toBe(1)
    expect(store.orders.get(r.orderNumber)!.record.customer?.lastName).toBe('Lefèvre')
    store.close()
  })

  it('finds an order by any of its four keys, typed in any case, and by customer name without accents', async () => {
    const dir = tempDir()
    const store = openStore(dir)
    const records = Array.from({ length: 50 }, (_, i) => makeRecord(i + 100))
    const target = { ...records[10]!, customer: { firstName: 'Inès', lastName: 'Moreau' } }
    records[10] = target
    await importManifestFile(store, writeLines(dir, records.map((r) => JSON.stringify(r))), { source: 'import', now })
    const rr = target.returnRequest!
    const keys: Array<[string, string]> = [
      [rr.labelCode!, 'labelCode'],
      [rr.id, 'returnRequestId'],
      [rr.trackingNumber!, 'trackingNumber'],
      [target.orderNumber, 'orderNumber'],
      [` ${target.orderNumber.toLowerCase()} `, 'orderNumber'],
    ]
    for (const [code, key] of keys) {
      const found = store.orders.findByCode(code)
      expect(found?.record.orderNumber, code).toBe(target.orderNumber)
      expect(found?.matchedBy).toBe(key)
    }
    expect(store.orders.findByCode('NOPE-0000')).toBeNull()
    for (const q of ['moreau', 'Ines', 'MOREAU INÈS', 'inès mor']) {
      expect(store.orders.search(q, 10).map((o) => o.record.orderNumber), q).toContain(target.orderNumber)
    }
    expect(store.orders.search(target.orderNumber.slice(0, -1), 10).map((o) => o.record.orderNumber)).toContain(target.orderNumber)
    store.close()
  })

  it('replaces the demo orders when a real manifest is imported', async () => {
    const dir = tempDir()
    const store = openStore(dir)
    await importManifestFile(store, writeLines(dir, [JSON.stringify(makeRecord(1))]), { source: 'demo', now })
    expect(store.orders.count('demo')).toBe(1)
    await importManifestFile(store, writeLines(dir, [JSON.stringify(makeRecord(2))]), { source: 'import', now })
    expect(store.orders.count('demo')).toBe(0)
    expect(store.orders.count()).toBe(1)
    store.close()
  })
})
