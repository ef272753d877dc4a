// The import rules a supervisor relies on: a file that is not JSON Lines is refused whole with
// what it looks like and what to do; each bad line gets one plain sentence; nothing already
// recorded is lost; every import is recorded for the diagnostics screen.
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createServices } from '../../electron/services'
import { lastImport } from '../../electron/services/orders/import-log'
import { importExitCode, importManifestFile, type ImportReport } from '../../electron/services/orders/manifest-import'
import { openStore, type Store } from '../../electron/services/store'
import { makeRecord } from '../support/manifest-factory'
import { signedInSession } from '../support/staff-session'
import { tempDir } from '../support/temp-dir'

const now = () => new Date('2026-11-22T10:00:00Z')
const line = (i: number) => JSON.stringify(makeRecord(i))

function fileOf(dir: string, name: string, content: string | Buffer): string {
  const file = path.join(dir, name)
  writeFileSync(file, content)
  return file
}

async function importInto(store: Store, file: string): Promise<ImportReport> {
  return importManifestFile(store, file, { source: 'import', now, timeZone: 'Europe/Paris' })
}

const rawControl = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/

describe('a file that is not a manifest is refused whole, with what it is and what to do', () => {
  const cases: Array<[string, (dir: string) => string, RegExp]> = [
    ['an empty file', (d) => fileOf(d, 'empty.jsonl', ''), /is empty: there is nothing to import; the manifest is JSON Lines/],
    ['only blank lines', (d) => fileOf(d, 'blank.jsonl', '\n  \n\r\n'), /holds only blank lines/],
    ['a folder', (d) => (mkdirSync(path.join(d, 'exports')), path.join(d, 'exports')), /is a folder, not a file: give the path of the manifest file inside it/],
    ['a missing file', (d) => path.join(d, 'nope.jsonl'), /does not exist: check the path/],
    ['a CSV export', (d) => fileOf(d, 'orders.csv', 'orderNumber,orderDate,category\nBM-1,2026-01-02,smartphone\n'), /looks like CSV .*the manifest is JSON Lines, one record per line/],
    ['a JSON array', (d) => fileOf(d, 'orders.json', `[\n${line(1)},\n${line(2)}\n]\n`), /looks like a JSON array; .* without the surrounding \[ \]/],
    ['a binary file', (d) => fileOf(d, 'a.jsonl', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x00, 0x00, 0x1b, 0x5b, 0x32, 0x4a, 0x0a, 0x00])), /looks like a binary file, not text \(byte 1 is the control byte 0x7F\)/],
    ['a gzip file', (d) => fileOf(d, 'm.jsonl.gz', Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x00])), /compressed \(gzip\).*unpack it first/],
    ['a Latin-1 file', (d) => fileOf(d, 'latin1.jsonl', Buffer.from(`${JSON.stringify({ ...makeRecord(1), seller: 'Bétes SARL' })}\n`, 'latin1')), /is not UTF-8 text .*byte \d+ is 0xE9.*save it as UTF-8/],
    ['UTF-16 text', (d) => fileOf(d, 'utf16.jsonl', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(line(1), 'utf16le')])), /is UTF-16 text: save it as UTF-8/],
  ]
  for (const [what, make, expected] of cases) {
    it(`${what}: refused, nothing imported, the demo orders kept, exit code 2`, async () => {
      const dir = tempDir()
      const store = openStore(path.join(dir, 'data'))
      await importManifestFile(store, fileOf(dir, 'demo.jsonl', `${line(500)}\n`), { source: 'demo', now })
      const r = await importInto(store, make(dir))
      expect(r.refused).toMatch(expected)
      expect(r.refused).not.toMatch(rawControl)
      expect(r.imported).toBe(0)
      expect(importExitCode(r)).toBe(2)
      expect(store.orders.count('demo')).toBe(1)
      expect(lastImport(store.db)?.refused).toBe(r.refused)
      store.close()
    })
  }
})

describe('each bad line is one plain sentence; the rest of the file imports', () => {
  it('names a missing field and what it is for, instead of zod’s words', async () => {
    const dir = tempDir()
    const store = openStore(path.join(dir, 'data'))
    const { orderNumber: _, ...noOrderNumber } = makeRecord(4)
    const badCategory = { ...makeRecord(5), item: { category: 'phone' } }
    const numberDate = { ...makeRecord(6), orderDate: 20260101 }
    const r = await importInto(store, fileOf(dir, 'm.jsonl', [line(1), line(2), line(3), JSON.stringify(noOrderNumber), JSON.stringify(badCategory), JSON.stringify(numberDate)].join('\n')))
    expect(r.rejected).toEqual([
      { line: 4, reason: '`orderNumber` is missing: every record needs the marketplace order number', key: 'import.fieldMissing', params: { field: 'orderNumber', more: 0 } },
      { line: 5, reason: expect.stringMatching(/^`item.category` is the text "phone": it must be one of smartphone, tablet, computer, smartwatch, other/), key: 'import.fieldValue', params: { field: 'item.category', more: 0 } },
      { line: 6, reason: '`orderDate` must be a text in quotes, not number 20260101', key: 'import.fieldType', params: { field: 'orderDate', more: 0 } },
    ])
    expect(JSON.stringify(r.rejected)).not.toMatch(/Invalid input|expected string|received undefined/)
    expect(r.imported).toBe(3)
    expect(importExitCode(r)).toBe(3)
    store.close()
  })

  it('reports invalid UTF-8 with its line and byte position and does not store it', async () => {
    const dir = tempDir()
    const store = openStore(path.join(dir, 'data'))
    const accented = JSON.stringify({ ...makeRecord(2), seller: 'Bêtes SARL' })
    const broken = Buffer.from(JSON.stringify({ ...makeRecord(3), seller: 'B?tes SARL' }))
    broken[broken.indexOf('B?tes') + 1] = 0xea
    const file = fileOf(dir, 'm.jsonl', Buffer.concat([Buffer.from(`${line(1)}\n${accented}\n`), broken, Buffer.from('\n')]))
    const r = await importInto(store, file)
    expect(r.rejected).toHaveLength(1)
    expect(r.rejected[0]!.line).toBe(3)
    expect(r.rejected[0]!.reason).toBe(
      `not valid UTF-8 at byte ${broken.indexOf(0xea) + 1} (0xEA): the file was saved in another encoding (often Latin-1 or Windows-1252); save it as UTF-8 and import it again`,
    )
    expect(store.orders.get(makeRecord(3).orderNumber)).toBeNull()
    expect(store.orders.get(makeRecord(2).orderNumber)!.record.seller).toBe('Bêtes SARL')
    expect(JSON.stringify(store.db.prepare('SELECT record FROM orders').all())).not.toContain('\ufffd')
    store.close()
  })

  it('never echoes a control byte from the file: each is shown escaped', async () => {
    const dir = tempDir()
    const store = openStore(path.join(dir, 'data'))
    const evil = JSON.stringify({ ...makeRecord(2), item: { category: 'phone\u001b[2J\u0007' } })
    const r = await importInto(store, fileOf(dir, 'm.jsonl', `${line(1)}\n${evil}\n{"orderNumber": "\u001b]0;owned\u0007"\n`))
    expect(r.rejected.map((x) => x.line)).toEqual([2, 3])
    for (const x of r.rejected) expect(x.reason).not.toMatch(rawControl)
    expect(r.rejected[0]!.reason).toContain('phone\\x1B[2J\\x07')
    store.close()
  })

  it('refuses a record ordered or delivered after today', async () => {
    const dir = tempDir()
    const store = openStore(path.join(dir, 'data'))
    const future = { ...makeRecord(2), deliveredAt: '2026-11-23' }
    const today = { ...makeRecord(3), orderDate: '2026-11-20', deliveredAt: '2026-11-22' }
    const r = await importInto(store, fileOf(dir, 'm.jsonl', [line(1), JSON.stringify(future), JSON.stringify(today)].join('\n')))
    expect(r.rejected).toEqual([{ line: 2, reason: expect.stringMatching(/^`deliveredAt` is 2026-11-23, after today \(2026-11-22\): .*correct the date/), key: 'import.futureDate', params: { field: 'deliveredAt', date: '2026-11-23', today: '2026-11-22' } }])
    expect(store.orders.get(future.orderNumber)).toBeNull()
    expect(store.orders.get(today.orderNumber)).not.toBeNull()
    store.close()
  })

  it('reports an order number repeated in one file with both line numbers and keeps the first', async () => {
    const dir = tempDir()
    const store = openStore(path.join(dir, 'data'))
    const first = makeRecord(2)
    const second = { ...first, customer: { firstName: 'Zoé', lastName: 'Autre' } }
    const r = await importInto(store, fileOf(dir, 'm.jsonl', [line(1), JSON.stringify(first), line(3), JSON.stringify(second)].join('\n')))
    expect(r.rejected).toEqual([{ line: 4, reason: expect.stringMatching(new RegExp(`^order ${first.orderNumber} is already on line 2, which was kept`)), key: 'import.duplicateOrder', params: { orderNumber: first.orderNumber, line: 2 } }])
    expect(store.orders.get(first.orderNumber)!.record.customer).toEqual(first.customer)
    expect(r.imported).toBe(3)
    store.close()
  })

  it('every line rejected: nothing imported, exit code 2, the demo kept', async () => {
    const dir = tempDir()
    const store = openStore(path.join(dir, 'data'))
    await importManifestFile(store, fileOf(dir, 'demo.jsonl', `${line(500)}\n`), { source: 'demo', now })
    const r = await importInto(store, fileOf(dir, 'm.jsonl', '{"orderNumber":"BM-1"}\n{oops\n'))
    expect(r.imported).toBe(0)
    expect(importExitCode(r)).toBe(2)
    expect(store.orders.count('demo')).toBe(1)
    store.close()
  })
})

describe('an order that already has a case', () => {
  it('is never changed by an import: the change is reported, the same record again is fine', async () => {
    const dir = tempDir()
    const dataDir = path.join(dir, 'data')
    const records = [makeRecord(1), makeRecord(2)]
    const services = await createServices({ dataDir, transport: 'browser', manifestFile: fileOf(dir, 'first.jsonl', records.map((r) => JSON.stringify(r)).join('\n')), timeZone: 'Europe/Paris' })
    const session = await signedInSession(services)
    const started = await services.dispatch('cases.start', { orderNumber: records[0]!.orderNumber, via: 'search' }, session)
    expect(started.ok).toBe(true)
    const caseNumber = (started as { value: { caseNumber: string } }).value.caseNumber
    services.close()

    const store = openStore(dataDir)
    const changed = { ...records[0]!, item: { ...records[0]!.item, model: 'Another model' } }
    const otherChanged = { ...records[1]!, item: { ...records[1]!.item, model: 'Another model' } }
    const again = JSON.stringify(Object.fromEntries(Object.entries(records[0]!).reverse()))
    const r = await importInto(store, fileOf(dir, 'second.jsonl', [JSON.stringify(changed), JSON.stringify(otherChanged)].join('\n')))
    expect(r.rejected).toEqual([
      { line: 1, reason: expect.stringMatching(new RegExp(`^order ${records[0]!.orderNumber} already has case ${caseNumber} at this counter, so this line may not change it \\(it changes \`item.model\`\\)`)), key: 'import.orderHasCase', params: { orderNumber: records[0]!.orderNumber, caseNumber, fields: ['item.model'] } },
    ])
    expect(store.orders.get(records[0]!.orderNumber)!.record.item.model).toBe(records[0]!.item.model)
    expect(store.orders.get(records[1]!.orderNumber)!.record.item.model).toBe('Another model')
    const same = await importInto(store, fileOf(dir, 'third.jsonl', again))
    expect(same.rejectedCount).toBe(0)
    store.close()
  })
})

describe('the import log', () => {
  it('records when, which file (its name only), the counts and the rejected lines; the demo is not recorded', async () => {
    const dir = tempDir()
    const store = openStore(path.join(dir, 'data'))
    await importManifestFile(store, fileOf(dir, 'demo.jsonl', `${line(500)}\n`), { source: 'demo', now })
    expect(lastImport(store.db)).toBeNull()
    await importInto(store, fileOf(dir, 'monday.jsonl', `${line(1)}\n{oops\n${line(2)}\n`))
    expect(lastImport(store.db)).toEqual({
      at: '2026-11-22T10:00:00.000Z',
      fileName: 'monday.jsonl',
      refused: null,
      lines: 3,
      imported: 2,
      added: 2,
      rejectedCount: 1,
      rejected: [{ line: 2, reason: expect.stringMatching(/^not valid JSON/), key: 'import.notJson' }],
    })
    store.close()
  })

  it('is shown to supervisors in app.diagnostics after serve --manifest', async () => {
    const dir = tempDir()
    const services = await createServices({ dataDir: path.join(dir, 'data'), transport: 'browser', manifestFile: fileOf(dir, 'tuesday.jsonl', `${line(1)}\n{"orderNumber":"BM-2"}\n`), timeZone: 'Europe/Paris' })
    try {
      const d = await services.dispatch('app.diagnostics', {}, await signedInSession(services))
      expect(d.ok).toBe(true)
      const shown = (d as { value: { lastImport: unknown } }).value.lastImport
      expect(shown).toMatchObject({ fileName: 'tuesday.jsonl', imported: 1, rejectedCount: 1, rejected: [{ line: 2 }] })
    } finally {
      services.close()
    }
  })
})
