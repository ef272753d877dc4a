/**
 * Tells a keyboard-wedge scanner burst from human typing, from key timing alone.
 * Pure and DOM-free: the caller feeds `KeyboardEvent.key` + `event.timeStamp`.
 *
 * Caller contract: a `pending` key may be suppressed, but then every key later
 * listed in `released` must be replayed, since it turned out to be typing. The
 * simpler contract (used by useKeyboardWedge) is to let every key through and,
 * on `scan`, restore the focused field to its value at the burst's first key
 * (the `pending` verdict with `startsBurst: true`).
 */

export interface WedgeKey {
  readonly key: string
  readonly at: number
  readonly repeat?: boolean
}

export interface WedgeClassifierOptions {
  /**
   * Longest gap allowed between two chars of one burst; a longer gap starts a new burst.
   * 35: scanners send a char every 1-20 ms, so this leaves room for USB/OS jitter, while
   * ordinary human intervals (60 ms and up) break the burst at once.
   */
  maxInterKeyMs?: number
  /**
   * Highest mean gap over the whole burst. 22: human fast digraphs are 25-45 ms, so they
   * can slip under `maxInterKeyMs` one by one, but a run of them can never average 22 ms;
   * scanners at 20 ms nominal keep 2 ms of headroom.
   */
  maxAvgInterKeyMs?: number
  /**
   * Fewest code chars (prefix/suffix excluded). 4: a scan needs at least three sub-35 ms
   * gaps in a row plus a prompt Enter, which a human essentially never produces.
   */
  minLength?: number
  /**
   * How long after the last char the Enter may arrive. 60: scanners send it as promptly
   * as the chars; a human reaching for Enter after a word takes longer.
   */
  maxEnterDelayMs?: number
  /** Sent by the scanner before the code (e.g. `]`); required when set, and stripped. */
  prefix?: string
  /**
   * Sent by the scanner after the code; when set, it ends a scan without waiting for Enter
   * (so the suffix must not occur inside codes). An Enter right after it belongs to the scan.
   */
  suffix?: string
}

export type WedgeVerdict =
  /** A modifier (Shift for capitals, ...): neither breaks nor joins a burst; let it through. */
  | { kind: 'ignored' }
  /** This key may belong to a scan. `released` are earlier keys that turned out to be typing. */
  | { kind: 'pending'; startsBurst: boolean; released: readonly WedgeKey[] }
  /** This key is typing; so are the `released` keys of the burst it ended. */
  | { kind: 'typing'; released: readonly WedgeKey[] }
  /** This key (Enter or the suffix's last char) completes a scan; suppress it. */
  | { kind: 'scan'; code: string }
  /** The Enter a scanner sends after a configured suffix; suppress it. */
  | { kind: 'consumed' }

// Shift must not break a burst: scanners press it around every capital letter.
const MODIFIERS = new Set([
  'Shift', 'Control', 'Alt', 'AltGraph', 'Meta', 'OS', 'CapsLock', 'NumLock', 'ScrollLock',
  'Fn', 'FnLock', 'Hyper', 'Super', 'Symbol', 'SymbolLock',
])

const IGNORED: WedgeVerdict = { kind: 'ignored' }

// Named keys ('Tab', 'Backspace', 'Dead', ...) are longer than one code point.
const isPrintable = (key: string): boolean => [...key].length === 1

export class WedgeClassifier {
  private readonly maxInterKeyMs: number
  private readonly maxAvgInterKeyMs: number
  private readonly minLength: number
  private readonly maxEnterDelayMs: number
  private readonly prefix: string
  private readonly suffix: string
  private burst: WedgeKey[] = []
  private text = ''
  private tailEnterUntil = -Infinity

  constructor(options: WedgeClassifierOptions = {}) {
    this.maxInterKeyMs = options.maxInterKeyMs ?? 35
    this.maxAvgInterKeyMs = options.maxAvgInterKeyMs ?? 22
    this.minLength = options.minLength ?? 4
    this.maxEnterDelayMs = options.maxEnterDelayMs ?? 60
    this.prefix = options.prefix ?? ''
    this.suffix = options.suffix ?? ''
  }

  push(k: WedgeKey): WedgeVerdict {
    if (MODIFIERS.has(k.key)) return IGNORED
    if (k.key === 'Enter') return this.enter(k)
    this.tailEnterUntil = -Infinity
    // A held key auto-repeats at scanner-like speed; it is never a scan.
    if (k.repeat || !isPrintable(k.key)) return { kind: 'typing', released: this.reset() }
    return this.char(k)
  }

  /** Drops a burst that can no longer complete; returns its keys (typing) for replay. */
  flush(now: number): readonly WedgeKey[] {
    const deadline = this.deadline()
    if (deadline === null || now <= deadline) return []
    return this.reset()
  }

  /** When an unterminated burst goes stale (for a flush timer), or null if none. */
  deadline(): number | null {
    const last = this.burst.at(-1)
    return last ? last.at + Math.max(this.maxInterKeyMs, this.maxEnterDelayMs) : null
  }

  /** Abandons the current burst (focus change, Ctrl shortcut, ...); returns its keys. */
  reset(): readonly WedgeKey[] {
    const released = this.burst
    this.burst = []
    this.text = ''
    return released
  }

  private char(k: WedgeKey): WedgeVerdict {
    const last = this.burst.at(-1)
    let released: readonly WedgeKey[] = []
    // A long pause (or a clock going backwards) ends the old burst; this key may start a new one.
    if (last && (k.at - last.at > this.maxInterKeyMs || k.at < last.at)) released = this.reset()
    if (!this.prefixFits(this.text + k.key)) {
      released = [...released, ...this.reset()]
      if (!this.prefixFits(k.key)) return { kind: 'typing', released }
    }
    const startsBurst = this.burst.length === 0
    this.burst.push(k)
    this.text += k.key
    if (this.suffix && this.text.endsWith(this.suffix)) {
      const code = this.code(this.suffix.length)
      if (code !== null) {
        this.reset()
        this.tailEnterUntil = k.at + this.maxEnterDelayMs
        return { kind: 'scan', code }
      }
    }
    return { kind: 'pending', startsBurst, released }
  }

  private enter(k: WedgeKey): WedgeVerdict {
    if (!k.repeat && k.at >= this.tailEnterUntil - this.maxEnterDelayMs && k.at <= this.tailEnterUntil) {
      this.tailEnterUntil = -Infinity
      return { kind: 'consumed' }
    }
    this.tailEnterUntil = -Infinity
    const last = this.burst.at(-1)
    const delay = last ? k.at - last.at : Infinity
    const code = !k.repeat && delay >= 0 && delay <= this.maxEnterDelayMs ? this.code(0) : null
    const released = this.reset()
    return code === null ? { kind: 'typing', released } : { kind: 'scan', code }
  }

  /** The burst's code if it passes the length and mean-speed tests, else null. */
  private code(suffixLength: number): string | null {
    const first = this.burst[0]
    const last = this.burst.at(-1)
    if (!first || !last || !this.text.startsWith(this.prefix)) return null
    const code = this.text.slice(this.prefix.length, this.text.length - suffixLength)
    if ([...code].length < this.minLength) return null
    const gaps = this.burst.length - 1
    if (gaps > 0 && (last.at - first.at) / gaps > this.maxAvgInterKeyMs) return null
    return code
  }

  private prefixFits(text: string): boolean {
    return text.length <= this.prefix.length ? this.prefix.startsWith(text) : text.startsWith(this.prefix)
  }
}
