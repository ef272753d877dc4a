import { describe, expect, it } from 'vitest'
import { seededRandom } from '../support/seeded-random'
import {
  WedgeClassifier,
  type WedgeClassifierOptions,
  type WedgeKey,
  type WedgeVerdict,
} from '../../renderer/src/composables/wedge-classifier'


const isUpper = (c: string): boolean => c !== c.toLowerCase()

/** Keys for `text` as a wedge scanner sends them: Shift before capitals, chars `gap` ms apart. */
function scannerKeys(text: string, gap: number, enterDelay = gap, start = 1000): WedgeKey[] {
  const keys: WedgeKey[] = []
  let at = start
  for (const c of text) {
    if (isUpper(c)) keys.push({ key: 'Shift', at })
    keys.push({ key: c, at })
    at += gap
  }
  keys.push({ key: 'Enter', at: at - gap + enterDelay })
  return keys
}

function feed(keys: readonly WedgeKey[], options?: WedgeClassifierOptions): WedgeVerdict[] {
  const c = new WedgeClassifier(options)
  return keys.map((k) => c.push(k))
}

const scans = (verdicts: readonly WedgeVerdict[]): string[] =>
  verdicts.flatMap((v) => (v.kind === 'scan' ? [v.code] : []))

const CODES = ['RMA-7731902', '1Z999AA10123456784', 'AbCd-1234-xYz', '0123456789', 'SN4711']

describe('WedgeClassifier: scanner bursts', () => {
  const cases = [1, 5, 10, 15, 20].flatMap((gap) => CODES.map((code) => ({ gap, code })))

  it.each(cases)('scans $code at $gap ms per key', ({ gap, code }) => {
    const verdicts = feed(scannerKeys(code, gap))
    expect(verdicts.at(-1)).toEqual({ kind: 'scan', code })
    expect(verdicts.slice(0, -1).every((v) => v.kind === 'pending' || v.kind === 'ignored')).toBe(true)
  })

  it('marks only the first char of a burst as its start', () => {
    const starts = feed(scannerKeys('ABCD', 5)).filter((v) => v.kind === 'pending' && v.startsBurst)
    expect(starts).toHaveLength(1)
  })

  it('scans the minimum length, but not shorter codes', () => {
    expect(scans(feed(scannerKeys('1234', 5)))).toEqual(['1234'])
    for (const short of ['1', '12', '123']) expect(scans(feed(scannerKeys(short, 5)))).toEqual([])
    expect(scans(feed(scannerKeys('123456', 5), { minLength: 8 }))).toEqual([])
  })

  it('scans back to back codes', () => {
    const keys = [...scannerKeys('RMA-7731902', 5, 5, 0), ...scannerKeys('SN4711', 5, 5, 500)]
    expect(scans(feed(keys))).toEqual(['RMA-7731902', 'SN4711'])
  })
})

describe('WedgeClassifier: human typing', () => {
  const charset = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-'

  /** A typed word ending in Enter; `gap()` draws each interval, Enter included. */
  function humanKeys(rand: () => number, gap: () => number): WedgeKey[] {
    const length = 4 + Math.floor(rand() * 17)
    const keys: WedgeKey[] = []
    let at = 1000 + rand() * 1000
    for (let i = 0; i < length; i++) {
      const c = charset[Math.floor(rand() * charset.length)] ?? 'x'
      // A person presses Shift some time before the letter.
      if (isUpper(c)) keys.push({ key: 'Shift', at: at - 10 - rand() * 60 })
      keys.push({ key: c, at })
      at += gap()
    }
    keys.push({ key: 'Enter', at })
    return keys
  }

  const between = (rand: () => number, lo: number, hi: number): number => lo + rand() * (hi - lo)

  const typists = [
    { name: 'slow typists (150-300 ms)', seed: 1, gap: (r: () => number) => between(r, 150, 300) },
    {
      name: 'fast typists (60-120 ms, 20% digraphs at 25-45 ms)',
      seed: 2,
      gap: (r: () => number) => (r() < 0.2 ? between(r, 25, 45) : between(r, 60, 120)),
    },
    // Back-to-back digraphs slip under maxInterKeyMs; only the mean-speed rule rejects these.
    {
      name: 'very fast typists (50% digraphs at 25-45 ms)',
      seed: 3,
      gap: (r: () => number) => (r() < 0.5 ? between(r, 25, 45) : between(r, 60, 120)),
    },
  ]

  it.each(typists)('never classifies $name as a scan', ({ seed, gap }) => {
    const rand = seededRandom(seed)
    const c = new WedgeClassifier()
    const found: string[] = []
    for (let sample = 0; sample < 3000; sample++) {
      for (const k of humanKeys(rand, () => gap(rand))) {
        const v = c.push(k)
        if (v.kind === 'scan') found.push(v.code)
      }
    }
    expect(found).toEqual([])
  })

  it('ends human bursts as typing and releases their keys', () => {
    const verdicts = feed([
      { key: 'a', at: 0 },
      { key: 'b', at: 30 },
      { key: 'c', at: 130 },
      { key: 'Enter', at: 230 },
    ])
    expect(verdicts[2]).toEqual({
      kind: 'pending',
      startsBurst: true,
      released: [{ key: 'a', at: 0 }, { key: 'b', at: 30 }],
    })
    expect(verdicts[3]).toEqual({ kind: 'typing', released: [{ key: 'c', at: 130 }] })
  })

  it('rejects a run of back to back 25 ms digraphs by its mean speed', () => {
    expect(scans(feed(scannerKeys('abcdefgh', 25)))).toEqual([])
    expect(scans(feed(scannerKeys('abcdefgh', 23)))).toEqual([])
  })

  it('never scans a held key, even at scanner speed', () => {
    const keys: WedgeKey[] = Array.from({ length: 20 }, (_, i) => ({ key: '7', at: i * 30, repeat: i > 0 }))
    keys.push({ key: 'Enter', at: 20 * 30 })
    expect(scans(feed(keys))).toEqual([])
    expect(scans(feed(keys.map((k) => ({ ...k, at: k.at / 6 }))))).toEqual([])
  })

  it('ignores a repeated Enter', () => {
    const keys = scannerKeys('ABCDEF', 5)
    const enter = keys.at(-1)
    if (!enter) throw new Error('no Enter')
    keys[keys.length - 1] = { ...enter, repeat: true }
    expect(scans(feed(keys))).toEqual([])
  })
})

describe('WedgeClassifier: interrupted and late bursts', () => {
  it.each([1, 3, 5, 7, 9])('resets a burst with one long gap after char %i', (split) => {
    const code = 'RMA-7731902'
    const head = code.slice(0, split)
    const tail = code.slice(split)
    const verdicts = feed([...scannerKeys(head, 5, 5, 0).slice(0, -1), ...scannerKeys(tail, 5, 5, 400)])
    // The pause resets the burst: the whole code is never reported, and the tail only
    // counts as a scan of its own when it is long enough.
    expect(scans(verdicts)).toEqual(tail.length >= 4 ? [tail] : [])
  })

  it('releases the first part of a burst broken by a pause', () => {
    const verdicts = feed([
      ...scannerKeys('12345', 5, 5, 0).slice(0, -1),
      ...scannerKeys('67', 5, 5, 300),
    ])
    expect(scans(verdicts)).toEqual([])
    const sixth = verdicts[5]
    expect(sixth?.kind === 'pending' && sixth.released.map((k) => k.key).join('')).toBe('12345')
  })

  it.each([61, 100, 500])('rejects an Enter %i ms after the last char', (delay) => {
    const verdicts = feed(scannerKeys('RMA-7731902', 5, delay))
    expect(scans(verdicts)).toEqual([])
    expect(verdicts.at(-1)?.kind).toBe('typing')
  })

  it('accepts an Enter right at the limit', () => {
    expect(scans(feed(scannerKeys('RMA-7731902', 5, 60)))).toEqual(['RMA-7731902'])
  })

  it('breaks a burst on a named key such as Backspace', () => {
    const keys = scannerKeys('12345678', 5, 5, 0)
    keys.splice(6, 0, { key: 'Backspace', at: 27 })
    const verdicts = feed(keys)
    expect(verdicts[6]).toMatchObject({ kind: 'typing', released: keys.slice(0, 6) })
    expect(scans(verdicts)).toEqual([])
  })

  it('flushes a stale unterminated burst', () => {
    const c = new WedgeClassifier()
    for (const k of scannerKeys('ABCDEF', 5, 5, 0).slice(0, -1)) c.push(k)
    expect(c.deadline()).toBe(25 + 60)
    expect(c.flush(50)).toEqual([])
    expect(c.flush(86).filter((k) => k.key !== 'Shift').map((k) => k.key).join('')).toBe('ABCDEF')
    expect(c.deadline()).toBeNull()
    expect(c.push({ key: 'Enter', at: 87 }).kind).toBe('typing')
  })
})

describe('WedgeClassifier: prefix and suffix', () => {
  it('strips a configured prefix and requires it', () => {
    expect(scans(feed(scannerKeys(']RMA-7731902', 5), { prefix: ']' }))).toEqual(['RMA-7731902'])
    expect(scans(feed(scannerKeys('RMA-7731902', 5), { prefix: ']' }))).toEqual([])
    expect(scans(feed(scannerKeys(']C1SN4711', 5), { prefix: ']C1' }))).toEqual(['SN4711'])
  })

  it('lets non-prefix keys through as typing at once', () => {
    expect(feed([{ key: 'a', at: 0 }], { prefix: ']' })).toEqual([{ kind: 'typing', released: [] }])
  })

  it('does not count the prefix towards the minimum length', () => {
    expect(scans(feed(scannerKeys(']123', 5), { prefix: ']' }))).toEqual([])
  })

  it('ends a scan on the suffix without Enter, and strips it', () => {
    const keys = scannerKeys('RMA-7731902#', 5).slice(0, -1)
    const verdicts = feed(keys, { suffix: '#' })
    expect(verdicts.at(-1)).toEqual({ kind: 'scan', code: 'RMA-7731902' })
  })

  it('consumes the Enter sent right after the suffix', () => {
    const verdicts = feed(scannerKeys(']1Z999AA10123456784#', 5), { prefix: ']', suffix: '#' })
    expect(scans(verdicts)).toEqual(['1Z999AA10123456784'])
    expect(verdicts.at(-1)).toEqual({ kind: 'consumed' })
  })

  it('handles a multi-char suffix', () => {
    const verdicts = feed(scannerKeys('SN4711$$', 5).slice(0, -1), { suffix: '$$' })
    expect(scans(verdicts)).toEqual(['SN4711'])
  })

  it('still needs scanner timing when the suffix arrives', () => {
    const keys = scannerKeys('abcdef#', 150).slice(0, -1)
    expect(scans(feed(keys, { suffix: '#' }))).toEqual([])
  })
})
