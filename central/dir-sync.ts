// fsync of a directory, so that a rename into it survives a power cut. Group commit: callers
// that arrive while a directory's fsync runs share the next one (an fsync that started before
// their rename may not cover it), so a burst of uploads costs a few fsyncs, not one each.
import { open } from 'node:fs/promises'

async function fsyncDir(dir: string): Promise<void> {
  const fh = await open(dir, 'r')
  try {
    await fh.sync()
  } finally {
    await fh.close()
  }
}

export class DirSync {
  private readonly running = new Map<string, Promise<void>>()
  private readonly queued = new Map<string, Promise<void>>()

  /** Resolves once everything renamed into `dir` before this call is durable. */
  sync(dir: string): Promise<void> {
    const queued = this.queued.get(dir)
    if (queued) return queued
    const running = this.running.get(dir)
    if (!running) return this.start(dir)
    const next = running
      .catch(() => {})
      .then(() => {
        this.queued.delete(dir)
        return this.start(dir)
      })
    this.queued.set(dir, next)
    return next
  }

  private start(dir: string): Promise<void> {
    const run: Promise<void> = fsyncDir(dir).finally(() => {
      if (this.running.get(dir) === run) this.running.delete(dir)
    })
    this.running.set(dir, run)
    return run
  }
}
