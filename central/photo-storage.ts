// Photos on disk, content-addressed by SHA-256, behind a small interface (an S3-compatible
// store can implement the same). An upload grows a partial file; whatever bytes arrived
// before a cut stay there, so the kiosk resumes from the size we report. A complete file whose
// hash matches its name moves to verified/; makeDurable (called when the kiosk links photos,
// before that is acknowledged) fsyncs a batch of them at once, moves them into objects/ and
// fsyncs those directories: a photo is acknowledged only once it survives a power cut, and
// the fsyncs of many photos overlap instead of each upload waiting for its own.
import { createHash } from 'node:crypto'
import { createReadStream, createWriteStream, mkdirSync, statSync } from 'node:fs'
import { open, rename, rm } from 'node:fs/promises'
import path from 'node:path'
import type { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { DirSync } from './dir-sync'

export interface PhotoStorage {
  /** The size of a photo held whole and verified (durable or about to be made so), or null. */
  size(sha256: string): Promise<number | null>
  /** How many bytes of an unfinished upload are kept (0 when none). */
  partialSize(sha256: string): Promise<number>
  /** Appends a chunk at `offset` (which must equal the partial size); returns the new size.
   * `length` is the photo's full size when the sender said it. */
  append(sha256: string, offset: number, chunk: Readable, length?: number): Promise<number>
  /** Verifies the partial file's hash; on a match the photo is held, otherwise it is dropped. */
  complete(sha256: string): Promise<'stored' | 'hash_mismatch'>
  /** Makes the held photos among `sha256s` durable (fsynced, in place); returns their sizes. */
  makeDurable(sha256s: string[]): Promise<Map<string, number>>
  read(sha256: string): Readable
}

export class OffsetMismatch extends Error {
  constructor(readonly expected: number) {
    super(`upload offset must be ${expected}`)
  }
}

/** The photo was completed meanwhile (by a retry that overtook a late request). */
export class AlreadyStored extends Error {}

export const SHA256_HEX = /^[0-9a-f]{64}$/

/** A whole photo up to this size is received in memory and written with one call. */
const IN_MEMORY_MAX = 16 * 1024 * 1024

/** Local stats are microseconds: sync, without the thread-pool hop and error objects of fs/promises. */
function fileSize(p: string): number | null {
  return statSync(p, { throwIfNoEntry: false })?.size ?? null
}

export class DiskPhotoStorage implements PhotoStorage {
  private readonly locks = new Map<string, Promise<unknown>>()
  /** Uploads written in one pass from offset 0 (the usual case): their hash, no re-read to verify. */
  private readonly onePass = new Map<string, { size: number; digest: string }>()
  /** Files of verified/ hashed by this process; others (from before a crash) are hashed again. */
  private readonly verifiedHere = new Set<string>()
  private readonly dirs = new DirSync()
  private readonly madeDirs = new Set<string>()

  constructor(private readonly root: string) {
    mkdirSync(path.join(root, 'objects'), { recursive: true })
    mkdirSync(path.join(root, 'partial'), { recursive: true })
    mkdirSync(path.join(root, 'verified'), { recursive: true })
  }

  /** The fan-out directory of a photo, made (durably) the first time it is needed. */
  private async objectDir(sha: string): Promise<string> {
    const dir = path.join(this.root, 'objects', sha.slice(0, 2))
    if (!this.madeDirs.has(dir)) {
      if (mkdirSync(dir, { recursive: true }) !== undefined) await this.dirs.sync(path.dirname(dir))
      this.madeDirs.add(dir)
    }
    return dir
  }

  private objectPath(sha: string): string {
    return path.join(this.root, 'objects', sha.slice(0, 2), sha)
  }

  private partialPath(sha: string): string {
    return path.join(this.root, 'partial', sha)
  }

  private verifiedPath(sha: string): string {
    return path.join(this.root, 'verified', sha)
  }

  private held(sha: string): number | null {
    return fileSize(this.objectPath(sha)) ?? fileSize(this.verifiedPath(sha))
  }

  /** One writer per photo at a time (two retries of the same upload must not interleave bytes). */
  private exclusive<T>(sha: string, fn: () => Promise<T>): Promise<T> {
    const previous = this.locks.get(sha) ?? Promise.resolve()
    const next = previous.catch(() => {}).then(fn)
    this.locks.set(sha, next)
    void next.finally(() => this.locks.get(sha) === next && this.locks.delete(sha)).catch(() => {})
    return next
  }

  async size(sha: string): Promise<number | null> {
    return this.held(sha)
  }

  async partialSize(sha: string): Promise<number> {
    return fileSize(this.partialPath(sha)) ?? 0
  }

  append(sha: string, offset: number, chunk: Readable, length?: number): Promise<number> {
    return this.exclusive(sha, async () => {
      if (this.held(sha) !== null) {
        chunk.resume()
        throw new AlreadyStored()
      }
      const have = fileSize(this.partialPath(sha)) ?? 0
      if (offset !== have) {
        chunk.resume()
        throw new OffsetMismatch(have)
      }
      this.onePass.delete(sha)
      if (offset === 0 && length !== undefined && length <= IN_MEMORY_MAX) return this.appendWhole(sha, chunk, length)
      // Bytes are kept as they arrive: a connection cut mid-chunk still advances the offset.
      const hash = offset === 0 ? createHash('sha256') : null
      if (hash) chunk.on('data', (b: Buffer) => hash.update(b))
      await pipeline(chunk, createWriteStream(this.partialPath(sha), { flags: 'a' })).catch(() => {})
      const size = fileSize(this.partialPath(sha)) ?? 0
      if (hash && chunk.readableEnded) this.onePass.set(sha, { size, digest: hash.digest('hex') })
      return size
    })
  }

  /** A photo sent whole: hashed as it arrives, written with one call. A cut connection
   * still leaves the bytes that came, for the kiosk to resume from. */
  private async appendWhole(sha: string, chunk: Readable, length: number): Promise<number> {
    const hash = createHash('sha256')
    const parts: Buffer[] = []
    let size = 0
    let whole = true
    try {
      for await (const b of chunk as AsyncIterable<Buffer>) {
        hash.update(b)
        parts.push(b)
        size += b.length
      }
    } catch {
      whole = false
    }
    const fh = await open(this.partialPath(sha), 'w')
    try {
      if (size) await fh.writev(parts)
    } finally {
      await fh.close()
    }
    if (whole && size === length) this.onePass.set(sha, { size, digest: hash.digest('hex') })
    return size
  }

  complete(sha: string): Promise<'stored' | 'hash_mismatch'> {
    return this.exclusive(sha, async () => {
      if (this.held(sha) !== null) return 'stored'
      const partial = this.partialPath(sha)
      const known = this.onePass.get(sha)
      this.onePass.delete(sha)
      const digest = known && known.size === fileSize(partial) ? known.digest : await hashFile(partial)
      if (digest !== sha) {
        await rm(partial, { force: true })
        return 'hash_mismatch'
      }
      await rename(partial, this.verifiedPath(sha))
      this.verifiedHere.add(sha)
      return 'stored'
    })
  }

  async makeDurable(shas: string[]): Promise<Map<string, number>> {
    const sizes = new Map<string, number>()
    const queue = [...new Set(shas)]
    // Several fsyncs at once let the file system commit them together; but each holds a libuv
    // thread, and uploads need some too (the pool has UV_THREADPOOL_SIZE threads, 4 by default).
    const parallel = Math.max(1, Number(process.env.UV_THREADPOOL_SIZE ?? 4) - 2)
    const worker = async () => {
      for (let sha = queue.shift(); sha !== undefined; sha = queue.shift()) {
        const s = sha
        const size = await this.exclusive(s, () => this.moveIntoObjects(s))
        if (size !== null) sizes.set(s, size)
      }
    }
    await Promise.all(Array.from({ length: Math.min(parallel, queue.length) }, worker))
    return sizes
  }

  /** verified/ → objects/: fsync the file, rename, fsync the directory (shared with the
   * other photos of the batch). The size once durable, or null when the photo is not held. */
  private async moveIntoObjects(sha: string): Promise<number | null> {
    const stored = fileSize(this.objectPath(sha))
    if (stored !== null) return stored
    const file = this.verifiedPath(sha)
    const size = fileSize(file)
    if (size === null) return null
    if (!this.verifiedHere.has(sha) && (await hashFile(file)) !== sha) {
      // Verified by a process that then lost power before the bytes were on disk.
      await rm(file, { force: true })
      return null
    }
    const fh = await open(file, 'r+')
    try {
      await fh.sync()
    } finally {
      await fh.close()
    }
    const dir = await this.objectDir(sha)
    await rename(file, path.join(dir, sha))
    await this.dirs.sync(dir)
    this.verifiedHere.delete(sha)
    return size
  }

  read(sha: string): Readable {
    return createReadStream(fileSize(this.objectPath(sha)) !== null ? this.objectPath(sha) : this.verifiedPath(sha))
  }
}

async function hashFile(file: string): Promise<string> {
  const hash = createHash('sha256')
  await pipeline(createReadStream(file), hash)
  return hash.digest('hex')
}
