import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { isValidImei } from '@shared/domain/imei'
import { validateTrackingNumber } from '@shared/domain/tracking-number'
import { categories, caseTypes, describeIssues, manifestRecordSchema } from '@shared/manifest/record'
import { makeRecord, makeRecords, recordLine, writeManifestFile } from '../support/manifest-factory'

describe('manifest factory', () => {
  const records = makeRecords(2_000)

  it('makes records that all parse with the manifest schema', () => {
    for (const [i, record] of records.entries()) {
      const parsed = manifestRecordSchema.safeParse(record)
      expect(parsed.success, parsed.success ? '' : `record ${i}: ${describeIssues(parsed.error)}`).toBe(true)
    }
  })

  it('gives every record its own scan keys', () => {
    const seen = new Map<string, number>()
    for (const [i, r] of records.entries()) {
      const keys = [r.orderNumber, r.returnRequest?.id, r.returnRequest?.labelCode, r.returnRequest?.trackingNumber]
      for (const key of keys) {
        if (key === undefined) continue
        expect(seen.get(key), `${key} of record ${i}`).toBeUndefined()
        seen.set(key, i)
      }
    }
  })

  it('varies categories and case types, with walk-ins and trade-ins', () => {
    const first25 = records.slice(0, 25)
    for (const category of categories) {
      for (const type of [...caseTypes, undefined]) {
        const found = first25.some((r) => r.item.category === category && r.returnRequest?.type === type)
        expect(found, `${category} / ${type ?? 'walk-in'}`).toBe(true)
      }
    }
    for (const r of records.filter((r) => r.returnRequest?.type === 'trade_in')) {
      expect(r.tradeIn?.accessoriesRequired).toBe(r.item.category === 'computer')
    }
  })

  it('gives smartphones a Luhn-valid IMEI, others a serial, and valid tracking numbers', () => {
    for (const r of records) {
      if (r.item.category === 'smartphone') expect(isValidImei(r.item.imei ?? '')).toBe(true)
      else expect(r.item.serial).toMatch(/^[0-9A-Z]{10,}$/)
      const rr = r.returnRequest
      if (rr) expect(validateTrackingNumber(rr.carrier ?? '', rr.trackingNumber ?? ''), rr.trackingNumber).toEqual({ ok: true })
    }
    expect(new Set(records.map((r) => r.returnRequest?.carrier)).size).toBe(5) // 4 carriers + walk-ins
  })

  it('is deterministic and honours the options', () => {
    expect(makeRecord(1234)).toEqual(makeRecord(1234))
    const walkIn = makeRecord(3, { category: 'computer', caseType: 'walk_in', anchorDate: '2027-01-15' })
    expect(walkIn.item.category).toBe('computer')
    expect(walkIn.returnRequest).toBeUndefined()
    expect(walkIn.deliveredAt! < '2027-01-15').toBe(true)
    expect(makeRecord(3, { caseType: 'trade_in' }).tradeIn).toBeDefined()
  })

  it('writes each line exactly as JSON.stringify would (the fast path builds it by hand)', () => {
    for (const [i, record] of records.entries()) expect(recordLine(i)).toBe(JSON.stringify(record))
    const opts = { anchorDate: '2027-03-01', category: 'other', caseType: 'trade_in' } as const
    expect(recordLine(77, opts)).toBe(JSON.stringify(makeRecord(77, opts)))
  })

  it('writes JSONL files line by line, the same records as makeRecord', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dropdesk-factory-'))
    try {
      const path = join(dir, 'manifest.jsonl')
      await writeManifestFile(path, 25_001)
      const lines = (await readFile(path, 'utf8')).split('\n')
      expect(lines).toHaveLength(25_002)
      expect(lines.at(-1)).toBe('')
      expect(JSON.parse(lines[25_000]!)).toEqual(makeRecord(25_000))
      expect(JSON.parse(lines[0]!)).toEqual(makeRecord(0))
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
