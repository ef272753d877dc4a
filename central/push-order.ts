// Waiting room for pipelined pushes in this process. A kiosk may send batch N+1 ("after" the
// last kioskSeq of N) before N's reply came back; if N+1 reaches the database first it finds
// the kiosk's push_seq short of "after" and waits here until a commit for that kiosk (or a
// short poll, since another central process may be the one committing), then tries again.
// The database decides; this only avoids busy retries.
export class PushOrder {
  private readonly waiters = new Map<string, Set<() => void>>()

  /** Wakes the kiosk's waiting batches: one of them may follow the batch just committed. */
  noteCommitted(kioskId: string): void {
    const w = this.waiters.get(kioskId)
    if (!w) return
    this.waiters.delete(kioskId)
    for (const wake of w) wake()
  }

  /** Resolves on the kiosk's next commit here, or after `ms`. */
  next(kioskId: string, ms: number): Promise<void> {
    return new Promise((resolve) => {
      const set = this.waiters.get(kioskId) ?? new Set<() => void>()
      this.waiters.set(kioskId, set)
      const wake = () => {
        clearTimeout(timer)
        set.delete(wake)
        if (!set.size && this.waiters.get(kioskId) === set) this.waiters.delete(kioskId)
        resolve()
      }
      const timer = setTimeout(wake, Math.max(1, ms))
      set.add(wake)
    })
  }
}
