// Photos on disk, content-addressed by SHA-256, behind a small interface (an S3-compatible
// store can implement the same). An upload grows a partial file chunk by chunk; whatever
// bytes arrived before a cut stay there, so the kiosk resumes from the size we report.
// Only a file whose hash matches its name is ever moved into objects/.
import { createHash } from 'node:crypto'
import { createReadStream, createWriteStream, mkdirSync } from 'node:fs'
import { open, rename, rm, stat } from 'node:fs/promises'
import path from 'node:path'
import type { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'

export interface PhotoStorage {
  /** The size of a stored photo, or null. */
  size(sha256: string): Promise<number | null>
  /** How many bytes of an unfinished upload are kept (0 when none). */
  partialSize(sha256: string): Promise<number>
  /** Appends a chunk at `offset` (which must equal the partial size); returns the new size. */
  append(sha256: string, offset: number, chunk: Readable): Promise<number>
  /** Verifies the partial file's hash; on a match it becomes the stored photo, otherwise it is dropped. */
  complete(sha256: string): Promise<'stored' | 'hash_mismatch'>
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

export class DiskPhotoStorage implements PhotoStorage {
  private readonly locks = new Map<string, Promise<unknown>>()
  /** Hashes of uploads written in one pass from offset 0 (the usual case): no re-read to verify. */
  private readonly onePass = new Map<string, { size: number; digest: string }>()

  constructor(private readonly root: string) {
    mkdirSync(path.join(root, 'objects'), { recursive: true })
    mkdirSync(path.join(root, 'partial'), { recursive: true })
  }

  private objectPath(sha: string): string {
    return path.join(this.root, 'objects', sha.slice(0, 2), sha)
  }

  private partialPath(sha: string): string {
    return path.join(this.root, 'partial', sha)
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
    try {
      return (await stat(this.objectPath(sha))).size
    } catch {
      return null
    }
  }

  async partialSize(sha: string): Promise<number> {
    try {
      return (await stat(this.partialPath(sha))).size
    } catch {
      return 0
    }
  }

  append(sha: string, offset: number, chunk: Readable): Promise<number> {
    return this.exclusive(sha, async () => {
      if ((await this.size(sha)) !== null) {
        chunk.resume()
        throw new AlreadyStored()
      }
      const have = await this.partialSize(sha)
      if (offset !== have) {
        chunk.resume()
        throw new OffsetMismatch(have)
      }
      // Bytes are kept as they arrive: a connection cut mid-chunk still advances the offset.
      const hash = offset === 0 ? createHash('sha256') : null
      if (hash) chunk.on('data', (b: Buffer) => hash.update(b))
      this.onePass.delete(sha)
      await pipeline(chunk, createWriteStream(this.partialPath(sha), { flags: 'a' })).catch(() => {})
      const size = await this.partialSize(sha)
      if (hash && chunk.readableEnded) this.onePass.set(sha, { size, digest: hash.digest('hex') })
      return size
    })
  }

  complete(sha: string): Promise<'stored' | 'hash_mismatch'> {
    return this.exclusive(sha, async () => {
      if ((await this.size(sha)) !== null) return 'stored'
      const partial = this.partialPath(sha)
      const known = this.onePass.get(sha)
      this.onePass.delete(sha)
      let digest: string
      if (known && known.size === (await this.partialSize(sha))) digest = known.digest
      else {
        const hash = createHash('sha256')
        await pipeline(createReadStream(partial), hash)
        digest = hash.digest('hex')
      }
      if (digest !== sha) {
        await rm(partial, { force: true })
        return 'hash_mismatch'
      }
      // Durable before we say "stored": the kiosk may delete its copy after our reply.
      const fd = await open(partial, 'r+')
      await fd.sync()
      await fd.close()
      const target = this.objectPath(sha)
      mkdirSync(path.dirname(target), { recursive: true })
      await rename(partial, target)
      return 'stored'
    })
  }

  read(sha: string): Readable {
    return createReadStream(this.objectPath(sha))
  }
}
