import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { PhotoStore } from '../../electron/services/photos/photo-store'
import { tempDir } from '../support/temp-dir'

const jpeg = (n: number) => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(n, 7)])

describe('content-addressed photo store', () => {
  it('stores bytes under their SHA-256, readable only by the owner, once', () => {
    const store = new PhotoStore(tempDir())
    const bytes = jpeg(1000)
    const a = store.put(bytes, 'image/jpeg')
    const b = store.put(bytes, 'image/jpeg')
    expect(a.sha256).toBe(createHash('sha256').update(bytes).digest('hex'))
    expect(b.path).toBe(a.path)
    expect(readFileSync(a.path).equals(bytes)).toBe(true)
    expect(statSync(a.path).mode & 0o077).toBe(0)
    expect(path.relative(store.root, a.path)).toBe(`${a.sha256.slice(0, 2)}/${a.sha256}.jpg`)
  })

  it('refuses an empty, oversized or mislabelled picture with a message saying to retake it', () => {
    const store = new PhotoStore(tempDir())
    expect(() => store.put(Buffer.alloc(0), 'image/jpeg')).toThrow(/empty/)
    expect(() => store.put(jpeg(9 * 1024 * 1024), 'image/jpeg')).toThrow(/larger than 8 MB/)
    expect(() => store.put(Buffer.from('<svg onload=alert(1)>'), 'image/jpeg')).toThrow(/not a JPEG, PNG or WebP/)
    expect(() => store.put(jpeg(10), 'image/png')).toThrow(/not a JPEG, PNG or WebP/)
  })

  it('removes orphans and leftover temp files, keeps referenced photos', () => {
    const store = new PhotoStore(tempDir())
    const kept = store.put(jpeg(10), 'image/jpeg')
    const orphan = store.put(jpeg(20), 'image/jpeg')
    const temp = path.join(path.dirname(kept.path), '.x.tmp')
    writeFileSync(temp, 'half')
    const removed = store.removeOrphans(new Set([kept.sha256]))
    expect(removed.sort()).toEqual([path.basename(orphan.path), '.x.tmp'].sort())
    expect(existsSync(kept.path)).toBe(true)
    expect(existsSync(orphan.path)).toBe(false)
  })
})
