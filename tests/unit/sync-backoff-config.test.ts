// Backoff with full jitter stays within its exponential ceiling; the sync configuration
// accepts only usable URLs and nightly times.
import { describe, expect, it } from 'vitest'
import { DomainError } from '@shared/contract/result'
import { backoffDelay } from '../../electron/services/sync/backoff'
import { nightlyPattern, normalizeCentralUrl } from '../../electron/services/sync/sync-config'
import { canonicalJson } from '../../central/canonical-json'

describe('sync backoff', () => {
  it('grows exponentially up to the cap, jittered below the ceiling', () => {
    const o = { baseMs: 100, capMs: 5_000 }
    expect([0, 1, 2, 3, 10].map((n) => backoffDelay(n, o, () => 1))).toEqual([100, 200, 400, 800, 5_000])
    expect(backoffDelay(3, o, () => 0)).toBe(1)
    for (let i = 0; i < 200; i++) {
      const d = backoffDelay(4, o)
      expect(d).toBeGreaterThanOrEqual(1)
      expect(d).toBeLessThanOrEqual(1_600)
    }
  })
})

describe('sync configuration', () => {
  it('normalises the central URL and refuses unusable ones', () => {
    expect(normalizeCentralUrl(' https://central.example.com/ ')).toBe('https://central.example.com')
    expect(normalizeCentralUrl('http://10.0.0.5:8480')).toBe('http://10.0.0.5:8480')
    for (const bad of ['central.example.com', 'ftp://x', 'https://u:p@x.com', 'https://x.com/?a=1']) {
      expect(() => normalizeCentralUrl(bad)).toThrow(DomainError)
    }
  })

  it('turns HH:MM into a daily cron pattern', () => {
    expect(nightlyPattern('02:30')).toBe('30 2 * * *')
    expect(nightlyPattern('23:05')).toBe('5 23 * * *')
    expect(() => nightlyPattern('24:00')).toThrow(DomainError)
    expect(() => nightlyPattern('2:30')).toThrow(DomainError)
  })

  it('hashes bodies independently of key order (canonical JSON)', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { f: 2, e: 3 }], c: null } })).toBe('{"a":{"c":null,"d":[1,{"e":3,"f":2}]},"b":1}')
    expect(canonicalJson({ a: 1, b: undefined })).toBe('{"a":1}')
  })
})
