// Photos are evidence: stored content-addressed (SHA-256) under the data dir, and written to
// disk and fsynced *before* the event that references them is committed. A crash between the
// two leaves an orphan file (cleaned at start), never an event pointing at a missing photo.
// "Durable" includes the names: the prefix folder and photos/ itself are fsynced in their parent
// when created (store/durable-fs.ts), or a power cut drops the folder with every photo in it.
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, statSync, unlinkSync } from 'node:fs'
import path from 'node:path'
import { DomainError, reason } from '@shared/contract/result'
import { mkdirDurable, writeFileDurable } from '../store/durable-fs'

export const PHOTO_MIME_TYPES = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' } as const
export type PhotoMime = keyof typeof PHOTO_MIME_TYPES
export const MAX_PHOTO_BYTES = 8 * 1024 * 1024

export interface StoredPhoto {
  sha256: string
  size: number
  mime: PhotoMime
  path: string
}

/** The file signatures of the accepted formats: the declared type must match the bytes. */
function sniff(bytes: Buffer): PhotoMime | null {
  if (bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg'
  if (bytes.length > 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png'
  if (bytes.length > 12 && bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP') return 'image/webp'
  return null
}

export class PhotoStore {
  readonly root: string
  private readonly dataDir: string

  constructor(dataDir: string) {
    this.dataDir = dataDir
    this.root = path.join(dataDir, 'photos')
    mkdirDurable(this.root, dataDir)
  }

  pathOf(sha256: string, mime: PhotoMime): string {
    return path.join(this.root, sha256.slice(0, 2), `${sha256}.${PHOTO_MIME_TYPES[mime]}`)
  }

  /** Writes the bytes durably (temp file, fsync, rename, fsync the folder). Idempotent. */
  put(bytes: Buffer, declared: string): StoredPhoto {
    if (bytes.length === 0) throw new DomainError('invalid_input', reason('photo.empty', 'The photo is empty: take it again.'))
    if (bytes.length > MAX_PHOTO_BYTES) throw new DomainError('invalid_input', reason('photo.tooLarge', `The photo is larger than ${MAX_PHOTO_BYTES / 1024 / 1024} MB: take it again at a lower resolution.`, { megabytes: MAX_PHOTO_BYTES / 1024 / 1024 }))
    const mime = sniff(bytes)
    if (!mime || mime !== declared) throw new DomainError('invalid_input', reason('photo.notAPicture', 'This is not a JPEG, PNG or WebP picture: take the photo again.'))
    const sha256 = createHash('sha256').update(bytes).digest('hex')
    const file = this.pathOf(sha256, mime)
    if (!existsSync(file)) writeFileDurable(file, bytes, { upTo: this.dataDir })
    return { sha256, size: bytes.length, mime, path: file }
  }

  /**
   * Removes files no event references (a crash after the write, before the commit) and
   * leftover temp files. `referenced` holds the SHA-256 of every photo the log knows.
   */
  removeOrphans(referenced: ReadonlySet<string>): string[] {
    const removed: string[] = []
    for (const sub of readdirSync(this.root)) {
      const dir = path.join(this.root, sub)
      if (!statSync(dir).isDirectory()) continue
      for (const name of readdirSync(dir)) {
        const sha = name.split('.')[0] ?? ''
        if (name.endsWith('.tmp') || !referenced.has(sha)) {
          unlinkSync(path.join(dir, name))
          removed.push(name)
        }
      }
    }
    return removed
  }
}
