// Kiosk tokens recently found valid, so that a photo upload or a manifest page does not cost
// a database query for its bearer token. Entries live a few seconds: a revocation made in
// this process drops them at once (forgetKiosk); one made by another process (the `revoke`
// command) is honoured within the TTL for reads and photo bytes, and at once for events,
// whose push re-checks the token under the kiosk row's lock (events-ingest.ts).
import type { KioskIdentity } from './auth'

const MAX_ENTRIES = 10_000

export class TokenCache {
  private readonly entries = new Map<string, { who: KioskIdentity; until: number }>()

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  get(tokenHash: string): KioskIdentity | null {
    const e = this.entries.get(tokenHash)
    if (!e) return null
    if (e.until > this.now()) return e.who
    this.entries.delete(tokenHash)
    return null
  }

  set(tokenHash: string, who: KioskIdentity): void {
    if (this.ttlMs <= 0) return
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear()
    this.entries.set(tokenHash, { who, until: this.now() + this.ttlMs })
  }

  /** After a revocation or a new enrolment of this kiosk: its old token must not be trusted from cache. */
  forgetKiosk(kioskId: string): void {
    for (const [hash, e] of this.entries) if (e.who.kioskId === kioskId) this.entries.delete(hash)
  }
}
