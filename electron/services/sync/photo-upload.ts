// Uploads the photos of acknowledged events: HEAD first (the centre may have the bytes
// already, from this kiosk or another), then PATCH chunks from the offset the centre
// confirmed, so a cut connection resumes where the centre's copy ends. Then the links photo →
// event are posted; a photo counts as synced when its link is acknowledged.
import { open, stat } from 'node:fs/promises'
import { CentralError, type CentralClient } from './central-client'
import type { PhotoRef } from './photo-source'
import type { SyncLedger } from './sync-ledger'

export interface UploadOptions {
  chunkBytes: number
  /** Photos this client tried before: those ask the centre (HEAD) where to resume. */
  attempted: Set<string>
  concurrency: number
  now: () => Date
  onProgress: (done: number, total: number, bytes: number) => void
  onCasesSynced: (caseIds: string[]) => void
}

async function readAt(path: string, offset: number, length: number): Promise<Uint8Array> {
  const fh = await open(path, 'r')
  try {
    const buf = Buffer.alloc(length)
    const { bytesRead } = await fh.read(buf, 0, length, offset)
    return buf.subarray(0, bytesRead)
  } finally {
    await fh.close()
  }
}

/**
 * Returns the bytes sent. A 4xx from the centre is thrown as a non-retriable CentralError.
 * A first attempt at a photo that fits in one chunk skips the HEAD and sends from 0: the centre
 * answers 200 if it has the photo, or 409 with the offset it holds, so nothing is lost but a
 * round trip per new photo is saved. Retries and larger photos ask first.
 */
export async function uploadPhoto(client: CentralClient, p: PhotoRef, chunkBytes: number, probe = true): Promise<number> {
  const size = (await stat(p.path)).size
  let offset = probe || size > chunkBytes ? await client.photoOffset(p.sha256) : 0
  let sent = 0
  let mismatches = 0
  // A 409 may move the offset back (the centre kept less than we thought): bounded, not endless.
  for (let rounds = Math.ceil(size / chunkBytes) * 4 + 8; offset !== 'stored'; rounds--) {
    if (rounds <= 0) throw new CentralError('the upload made no progress', 0)
    if (offset > size) offset = 0
    const chunk = await readAt(p.path, offset, Math.min(chunkBytes, size - offset))
    let next: 'stored' | number
    try {
      next = await client.uploadChunk(p.sha256, offset, size, chunk)
    } catch (e) {
      // 422: the centre's copy did not hash to the name and was dropped. Bytes damaged on the
      // way are worth one more try from 0; a second mismatch means the file itself is bad.
      if (!(e instanceof CentralError) || e.status !== 422 || mismatches++ > 0) throw e
      next = 0
    }
    sent += chunk.length
    offset = next
  }
  return sent
}

export async function uploadPhotos(client: CentralClient, ledger: SyncLedger, o: UploadOptions): Promise<{ uploaded: number; bytes: number }> {
  const total = ledger.counts().pendingPhotos
  let uploaded = 0
  let bytes = 0
  o.onProgress(0, total, 0)
  for (;;) {
    const pending = ledger.pendingPhotos(Math.max(50, o.concurrency * 10))
    if (!pending.length) break
    const ready: PhotoRef[] = []
    let next = 0
    const worker = async () => {
      while (next < pending.length) {
        const p = pending[next++]!
        try {
          const probe = o.attempted.has(p.sha256)
          o.attempted.add(p.sha256)
          bytes += await uploadPhoto(client, p, o.chunkBytes, probe)
          ready.push(p)
        } catch (e) {
          const at = o.now().toISOString()
          if ((e as NodeJS.ErrnoException).code === 'ENOENT') ledger.quarantine('photo', p.sha256, 0, 'the photo file is missing on this kiosk', at, p.caseId)
          else if (e instanceof CentralError && !e.retriable && !e.auth) ledger.quarantine('photo', p.sha256, e.status, e.message, at, p.caseId)
          else throw e
        }
      }
    }
    await Promise.all(Array.from({ length: Math.min(o.concurrency, pending.length) }, worker))
    if (ready.length) {
      const results = await client.linkPhotos(ready.map((p) => ({ sha256: p.sha256, eventId: p.eventId })))
      const done = ready.filter((p) => results.some((r) => r.sha256 === p.sha256 && r.eventId === p.eventId && r.status === 200))
      const at = o.now().toISOString()
      for (const r of results) if (r.status !== 200) ledger.quarantine('photo', r.sha256, r.status, r.reason ?? `HTTP ${r.status}`, at)
      const synced = ledger.photosDone(done, at)
      uploaded += done.length
      if (synced.length) o.onCasesSynced(synced)
    }
    o.onProgress(Math.min(uploaded, total), Math.max(total, uploaded), bytes)
  }
  return { uploaded, bytes }
}
