// The demo manifest is the first thing a newcomer sees: every line must import, and it must
// show every case the counter handles, judged at its anchor date as the app will after
// shifting the dates to today.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { addDays, daysBetween } from '@shared/domain/dates'
import { isValidImei } from '@shared/domain/imei'
import { labelValidity } from '@shared/domain/label-validity'
import { validateTrackingNumber } from '@shared/domain/tracking-number'
import { categories, caseTypes, describeIssues, manifestRecordSchema, type ManifestRecord } from '@shared/manifest/record'

const ROOT = resolve(__dirname, '../..')
const DEMO_DIR = resolve(ROOT, 'resources/demo')
const read = (name: string): string => readFileSync(resolve(DEMO_DIR, name), 'utf8')
const anchor = (JSON.parse(read('anchor.json')) as { anchorDate: string }).anchorDate
const now = new Date(`${anchor}T12:00:00Z`)
const TZ = 'Europe/Paris'

const lines = read('manifest.jsonl').split('\n').filter((l) => l.trim() !== '')
const records: ManifestRecord[] = lines.map((line, i) => {
  const parsed = manifestRecordSchema.safeParse(JSON.parse(line))
  if (!parsed.success) throw new Error(`line ${i + 1}: ${describeIssues(parsed.error)}`)
  return parsed.data
})
const requests = records.flatMap((r) => (r.returnRequest ? [{ r, rr: r.returnRequest }] : []))
const ofType = (type: string) => requests.filter(({ rr }) => rr.type === type)
const monthsAfter = (date: string, months: number): string => {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCMonth(d.getUTCMonth() + months)
  return d.toISOString().slice(0, 10)
}
/** Mon-Fri days after `from` up to and including `to` (holidays would only add to it). */
const businessDaysBetween = (from: string, to: string): number => {
  let n = 0
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay())) n++
  return n
}

describe('demo manifest', () => {
  it('is what scripts/generate-demo-manifest.ts writes (regenerate it after editing the rows)', () => {
    const out = mkdtempSync(join(tmpdir(), 'dropdesk-demo-'))
    try {
      const script = resolve(ROOT, 'scripts/generate-demo-manifest.ts')
      execFileSync(process.execPath, ['--import', 'tsx', script, out], { cwd: ROOT, stdio: 'pipe' })
      for (const name of ['manifest.jsonl', 'README.md', 'anchor.json']) {
        expect(read(name), name).toBe(readFileSync(join(out, name), 'utf8'))
      }
    } finally {
      rmSync(out, { recursive: true, force: true })
    }
    expect(anchor).toBe('2026-11-20')
  }, 30_000)

  it('has at least 60 records, every line valid', () => {
    expect(records.length).toBeGreaterThanOrEqual(60)
    expect(records).toHaveLength(lines.length)
  })

  it('covers every category with every case type, and warranty walk-ins', () => {
    for (const category of categories) {
      for (const type of caseTypes) {
        expect(requests.some(({ r, rr }) => r.item.category === category && rr.type === type), `${category} / ${type}`).toBe(true)
      }
    }
    expect(records.filter((r) => !r.returnRequest).length).toBeGreaterThanOrEqual(2)
  })

  it('gives every record its own scan keys', () => {
    const owner = new Map<string, string>()
    for (const r of records) {
      const keys = new Set([r.orderNumber, r.returnRequest?.id, r.returnRequest?.labelCode, r.returnRequest?.trackingNumber])
      for (const key of keys) {
        if (key === undefined) continue
        expect(owner.get(key), `${key} of ${r.orderNumber}`).toBeUndefined()
        owner.set(key, r.orderNumber)
      }
    }
  })

  it('has valid tracking numbers for every carrier, and valid IMEIs', () => {
    for (const { rr } of requests) {
      expect(validateTrackingNumber(rr.carrier ?? '', rr.trackingNumber ?? ''), `${rr.carrier} ${rr.trackingNumber}`).toEqual({ ok: true })
    }
    expect(new Set(requests.map(({ rr }) => rr.carrier))).toEqual(new Set(['UPS', 'DHL', 'USPS', 'FedEx', 'Colissimo']))
    for (const r of records.filter((r) => r.item.category === 'smartphone')) expect(isValidImei(r.item.imei ?? '')).toBe(true)
  })

  it('has an expired return label, and mostly labels still valid', () => {
    const expired = requests.filter(({ rr }) => labelValidity(rr.requestedAt, now, TZ).expired)
    expect(expired.length).toBeGreaterThanOrEqual(1)
    expect(requests.length - expired.length).toBeGreaterThanOrEqual(40)
    // A label on its last valid day is still valid.
    expect(requests.some(({ rr }) => labelValidity(rr.requestedAt, now, TZ).validUntil === anchor)).toBe(true)
  })

  it('has a withdrawal past 30 days from delivery, and withdrawals within it', () => {
    const age = ({ r }: { r: ManifestRecord }) => daysBetween(r.deliveredAt!, anchor)
    expect(ofType('withdrawal').some((x) => age(x) > 30)).toBe(true)
    expect(ofType('withdrawal').filter((x) => age(x) <= 30).length).toBeGreaterThanOrEqual(10)
  })

  it('has trade-ins: a phone, a computer needing its accessories, an expired offer', () => {
    const tradeIns = ofType('trade_in')
    expect(tradeIns.length).toBeGreaterThanOrEqual(3)
    expect(tradeIns.some(({ r }) => r.item.category === 'smartphone')).toBe(true)
    expect(tradeIns.some(({ r }) => r.item.category === 'computer' && r.tradeIn?.accessoriesRequired === true)).toBe(true)
    expect(tradeIns.some(({ r }) => daysBetween(r.tradeIn!.offerAt.slice(0, 10), anchor) > 21)).toBe(true)
  })

  it('has damage reported late (over 3 business days) and in time', () => {
    const delay = ({ r, rr }: (typeof requests)[number]) => businessDaysBetween(r.deliveredAt!, rr.requestedAt.slice(0, 10))
    expect(ofType('damaged_on_arrival').some((x) => delay(x) > 3)).toBe(true)
    expect(ofType('damaged_on_arrival').some((x) => delay(x) <= 3)).toBe(true)
  })

  it('has an extended warranty still covering, and an expired warranty', () => {
    const covered = (r: ManifestRecord) => anchor <= monthsAfter(r.deliveredAt!, r.warrantyMonths ?? 12)
    const warranty = records.filter((r) => !r.returnRequest || r.returnRequest.type === 'warranty_repair')
    expect(warranty.some((r) => r.warrantyMonths === 24 && covered(r) && monthsAfter(r.deliveredAt!, 12) < anchor)).toBe(true)
    expect(warranty.some((r) => (r.warrantyMonths ?? 12) === 12 && !covered(r))).toBe(true)
  })

  it('documents an IMEI that mismatches its order: valid, and not the order IMEI', () => {
    const readme = read('README.md')
    const match = /order `(BM-\d+)` \(IMEI on the order `(\d{15})`\),\s+type or scan the IMEI \*\*`(\d{15})`\*\*/.exec(readme)
    expect(match).not.toBeNull()
    const [, orderNumber, orderImei, scanImei] = match!
    const record = records.find((r) => r.orderNumber === orderNumber)
    expect(record?.item.imei).toBe(orderImei)
    expect(isValidImei(scanImei!)).toBe(true)
    expect(scanImei).not.toBe(orderImei)
    expect(records.some((r) => r.item.imei === scanImei)).toBe(false)
  })
})
