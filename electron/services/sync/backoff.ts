// Exponential backoff with full jitter (AWS architecture blog): the delay before attempt n is
// uniform in [0, min(cap, base·2^n)], so kiosks that lost the centre together do not all come
// back in the same second.
export interface BackoffOptions {
  baseMs: number
  capMs: number
}

export const defaultBackoff: BackoffOptions = { baseMs: 2_000, capMs: 5 * 60_000 }

export function backoffDelay(attempt: number, o: BackoffOptions, random: () => number = Math.random): number {
  const ceiling = Math.min(o.capMs, o.baseMs * 2 ** Math.min(attempt, 30))
  return Math.max(1, Math.round(random() * ceiling))
}
