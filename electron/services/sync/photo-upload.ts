// Uploads the photos of acknowledged events: one PATCH per photo from the offset the centre
// holds, so a cut connection resumes where the centre's copy ends. Photos already tried by
// this client are first asked about all at once (POST /v1/photo-offsets). Links photo → event
// are posted in batches while the uploads go on; a photo counts as synced when its link is
// acknowledged, which the centre gives only once the photo is durably stored.
import { open, stat } from 'node:fs/promises'
import { CentralError, type CentralClient, type PhotoOffset } from './central-client'
import type { PhotoRef } from './photo-source'
import type { SyncLedger } from './sync-ledger'

export interface UploadOptions {
  chunkBytes: number
  /** Photos this client tried before: the centre is asked where each one stands. */
  attempted: Set<string>
  concurrency: number
  now: () => Date
  onProgress: (done: number, total: number, bytes: number) => void
  onCasesSynced: (caseIds: string[]) => void
}

/** Links per request: the centre fsyncs a link batch's photos together. */
const LINK_BATCH = 100

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
 * `from` is where the centre's copy ends as far as we know ('stored': nothing to send). Sent
 * from 0 without asking, a photo the centre has is answered 200 and a partial copy 409 with
 * its offset, so nothing is lost but a round trip per new photo is saved.
 */
export async function uploadPhoto(client: CentralClient, p: PhotoRef, chunkBytes: number, from: 'stored' | number = 0): Promise<number> {
  if (from === 'stored') return 0
  const size = (await stat(p.path)).size
  let offset: 'stored' | number = from
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

/** Posts links in batches, one request at a time, behind the uploads; remembers the first failure. */
class LinkQueue {
  private queue: PhotoRef[] = []
  private chain: Promise<void> = Promise.resolve()
  failure: unknown = null

  constructor(private readonly link: (batch: PhotoRef[]) => Promise<void>) {}

  add(p: PhotoRef): void {
    this.queue.push(p)
    if (this.queue.length >= LINK_BATCH) this.send()
  }

  private send(): void {
    const batch = this.queue.splice(0)
    if (!batch.length) return
    this.chain = this.chain
      .then(() => (this.failure === null ? this.link(batch) : undefined))
      .catch((e: unknown) => {
        this.failure ??= e
      })
  }

  async flush(): Promise<void> {
    this.send()
    await this.chain
  }
}

export async function uploadPhotos(client: CentralClient, ledger: SyncLedger, o: UploadOptions): Promise<{ uploaded: number; bytes: number }> {
  const total = ledger.counts().pendingPhotos
  let uploaded = 0
  let bytes = 0
  o.onProgress(0, total, 0)
  const links = new LinkQueue(async (batch) => {
    const results = await client.linkPhotos(batch.map((p) => ({ sha256: p.sha256, eventId: p.eventId })))
    const linked = new Set(results.filter((r) => r.status === 200).map((r) => `${r.sha256} ${r.eventId}`))
    const done = batch.filter((p) => linked.has(`${p.sha256} ${p.eventId}`))
    const at = o.now().toISOString()
    for (const r of results) if (r.status !== 200) ledger.quarantine('photo', r.sha256, r.status, r.reason ?? `HTTP ${r.status}`, at)
    const synced = ledger.photosDone(done, at)
    uploaded += done.length
    o.onProgress(Math.min(uploaded, total), Math.max(total, uploaded), bytes)
    if (synced.length) o.onCasesSynced(synced)
  })
  // Passes over the queue by rowid, uploads going on while earlier links are posted; a second
  // pass picks up what was queued meanwhile. What is still pending after that (neither linked
  // nor quarantined) waits for the next sync rather than being sent again and again here.
  for (let pass = 0, cursor = 0; pass < 2; ) {
    const pending = ledger.pendingPhotosAfter(cursor, Math.max(200, o.concurrency * 50))
    if (!pending.length) {
      await links.flush()
      if (links.failure !== null) throw links.failure
      if (cursor === 0) break
      pass++
      cursor = 0
      continue
    }
    cursor = pending.at(-1)!.rowid
    const retried = [...new Set(pending.filter((p) => o.attempted.has(p.sha256)).map((p) => p.sha256))]
    const known = new Map<string, PhotoOffset>()
    if (retried.length) for (const r of await client.photoOffsets(retried)) known.set(r.sha256, r)
    let failure: unknown = null
    let next = 0
    const worker = async () => {
      while (failure === null && links.failure === null && next < pending.length) {
        const p = pending[next++]!
        try {
          const k = known.get(p.sha256)
          o.attempted.add(p.sha256)
          bytes += await uploadPhoto(client, p, o.chunkBytes, k ? (k.stored ? 'stored' : k.offset) : 0)
          links.add(p)
        } catch (e) {
          const at = o.now().toISOString()
          if ((e as NodeJS.ErrnoException).code === 'ENOENT') ledger.quarantine('photo', p.sha256, 0, 'the photo file is missing on this kiosk', at, p.caseId)
          else if (e instanceof CentralError && !e.retriable && !e.auth) ledger.quarantine('photo', p.sha256, e.status, e.message, at, p.caseId)
          else failure ??= e
        }
      }
    }
    await Promise.all(Array.from({ length: Math.min(o.concurrency, pending.length) }, worker))
    if (failure !== null || links.failure !== null) {
      await links.flush()
      throw failure ?? links.failure
    }
  }
  return { uploaded, bytes }
}
