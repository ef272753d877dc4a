// Pushes the outbox in log order, one batch at a time. The server answers per event: 2xx is
// an acknowledgement, 4xx a refusal of that event alone (quarantined; the rest goes on). A
// refusal of the whole request (400, 413, 422) is narrowed down by sending the batch's events
// one by one, so a single poison record cannot block the queue.
import { CentralError, type CentralClient, type PushedEvent } from './central-client'
import type { PhotoSource } from './photo-source'
import type { EventReply, SyncLedger } from './sync-ledger'

export interface PushOptions {
  batchSize: number
  photoSource: PhotoSource
  now: () => Date
  onProgress: (done: number, total: number) => void
  onCasesSynced: (caseIds: string[]) => void
  /** Called after a batch was sent, before its reply is recorded (tests use it to crash there). */
  onBatchSent?: (events: PushedEvent[]) => void
}

export async function pushBatch(client: CentralClient, batch: PushedEvent[]): Promise<EventReply[]> {
  try {
    const results = await client.pushEvents(batch)
    if (results.length !== batch.length || results.some((r, i) => r.id !== batch[i]!.id)) {
      throw new CentralError('the reply does not match the batch sent', 0)
    }
    return results.map((r, i) => ({ event: batch[i]!, status: r.status, ...(r.reason ? { reason: r.reason } : {}) }))
  } catch (e) {
    if (!(e instanceof CentralError) || e.retriable || e.auth || e.status < 400) throw e
    if (batch.length === 1) return [{ event: batch[0]!, status: e.status, reason: e.message }]
    const replies: EventReply[] = []
    for (const event of batch) replies.push(...(await pushBatch(client, [event])))
    return replies
  }
}

function acknowledgedIds(replies: EventReply[]): string[] {
  return replies.filter((r) => r.status >= 200 && r.status < 300).map((r) => r.event.id)
}

export async function pushOutbox(client: CentralClient, ledger: SyncLedger, o: PushOptions): Promise<{ pushed: number; refused: number }> {
  const total = ledger.counts().pendingEvents
  let pushed = 0
  let refused = 0
  o.onProgress(0, total)
  // Two stages overlap: batch N+1 is sent once N's reply has arrived (so the centre sees the
  // batches in log order), while N's reply is recorded here. A crash between the two leaves N
  // unrecorded: it is sent again and acknowledged again.
  let batch = ledger.nextBatch(o.batchSize)
  let inFlight = batch.length ? pushBatch(client, batch) : null
  while (inFlight) {
    const replies = await inFlight
    o.onBatchSent?.(batch)
    const current = batch
    batch = ledger.batchAfter(current.at(-1)!.kioskSeq, o.batchSize)
    inFlight = batch.length ? pushBatch(client, batch) : null
    inFlight?.catch(() => {}) // awaited on the next turn; not unhandled meanwhile
    const photos = o.photoSource.photosFor(acknowledgedIds(replies))
    const synced = ledger.recordPushReply(replies, photos, o.now().toISOString(), current.at(-1)!.kioskSeq)
    refused += replies.filter((r) => r.status >= 300).length
    pushed += current.length
    o.onProgress(Math.min(pushed, total), Math.max(total, pushed))
    if (synced.length) o.onCasesSynced(synced)
  }
  return { pushed, refused }
}

/** A supervisor's retry of one quarantined event: pushed alone, recorded like any reply. */
export async function retryEvent(client: CentralClient, ledger: SyncLedger, o: Pick<PushOptions, 'photoSource' | 'now' | 'onCasesSynced'>, eventId: string): Promise<EventReply> {
  const event = ledger.event(eventId)
  if (!event) throw new Error(`no event ${eventId} in the log`)
  const replies = await pushBatch(client, [event])
  const synced = ledger.recordPushReply(replies, o.photoSource.photosFor(acknowledgedIds(replies)), o.now().toISOString(), null)
  if (synced.length) o.onCasesSynced(synced)
  return replies[0]!
}
