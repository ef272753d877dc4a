// Duplicate suppression for the one scan stream: the same code from the same source within
// `windowMs` counts once. A scanner in continuous mode, or a camera seeing the same QR code in
// every frame, would otherwise start the same lookup many times a second. The window slides
// (each repeat restarts it), so a code held in front of the camera counts once however long
// it stays; a deliberate rescan after a pause counts again.

export class DuplicateFilter {
  private readonly seen = new Map<string, number>()

  constructor(private readonly windowMs = 1000) {}

  /** True when this scan counts; false for a repeat within the window. `at` is in ms. */
  accept(source: string, code: string, at: number): boolean {
    const key = `${source}\u0000${code}`
    const last = this.seen.get(key)
    this.seen.set(key, at)
    if (this.seen.size > 64) this.prune(at)
    return last === undefined || at - last >= this.windowMs || at < last
  }

  private prune(now: number): void {
    for (const [key, at] of this.seen) if (now - at >= this.windowMs) this.seen.delete(key)
  }
}
