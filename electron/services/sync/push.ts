// Pushes the outbox in log order. The server answers per event: 2xx is an acknowledgement,
// 4xx a refusal of that event alone (quarantined; the rest goes on). A refusal of the whole
// request (400, 413, 422) is narrowed down by sending the batch's events one by one, so a
// single poison record cannot block the queue.
//
// Pipelined: up to `depth` batches are in flight. Batch N+1 leaves while N is being stored,
// marked "after" N's last kioskSeq, and the centre stores it only once N is committed (it
// waits for N, or answers 425 if N never comes), so the centre's order is the log's order.
// Replies are recorded strictly in order, each in one SQLite transaction; a failure drops the
// batches behind it unrecorded, and the next attempt sends them again from the watermark
// (the centre acknowledges what it already has with 200).
import { setImmediate } from 'node:timers/promises'
import { CentralError, type CentralClient } from './central-client'
import type { OutboxEvent } from './outbox-event'
import type { PhotoSource } from './photo-source'
import type { EventReply, SyncLedger } from './sync-ledger'

export interface PushOptions {
  batchSize: number
  /** Batches in flight at once (1: each batch waits for the previous reply; default 3). */
  depth?: number
  photoSource: PhotoSource
  now: () => Date
  onProgress: (done: number, total: number) => void
  onCasesSynced: (caseIds: string[]) => void
  /** Called after a batch's reply came back, before it is recorded (tests use it to crash there). */
  onBatchSent?: (events: OutboxEvent[]) => void
}

type Sent = { kind: 'replies'; replies: EventReply[] } | { kind: 'refused'; error: CentralError } | { kind: 'early' }

/** One request; a whole-request refusal or a 425 comes back as a value, other failures throw. */
async function send(client: CentralClient, batch: OutboxEvent[], after?: number): Promise<Sent> {
  try {
    const results = await client.pushEvents(batch, after)
    if (results.length !== batch.length || results.some((r, i) => r.id !== batch[i]!.id)) {
      throw new CentralError('the reply does not match the batch sent', 0)
    }
    return { kind: 'replies', replies: results.map((r, i) => ({ event: batch[i]!, status: r.status, ...(r.reason ? { reason: r.reason } : {}) })) }
  } catch (e) {
    if (e instanceof CentralError && e.status === 425 && after !== undefined) return { kind: 'early' }
    if (!(e instanceof CentralError) || e.retriable || e.auth || e.status < 400) throw e
    return { kind: 'refused', error: e }
  }
}

/** The replies to a batch refused as a whole: its events sent one by one, in order. */
async function narrow(client: CentralClient, batch: OutboxEvent[], error: CentralError): Promise<EventReply[]> {
  if (batch.length === 1) return [{ event: batch[0]!, status: error.status, reason: error.message }]
  const replies: EventReply[] = []
  for (const event of batch) replies.push(...(await pushBatch(client, [event])))
  return replies
}

/** Sends a batch that follows only acknowledged events; narrows a whole-request refusal down. */
export async function pushBatch(client: CentralClient, batch: OutboxEvent[]): Promise<EventReply[]> {
  const sent = await send(client, batch)
  if (sent.kind === 'replies') return sent.replies
  if (sent.kind === 'early') throw new CentralError('the centre asked for the batch again', 425)
  return narrow(client, batch, sent.error)
}

function acknowledgedIds(replies: EventReply[]): string[] {
  return replies.filter((r) => r.status >= 200 && r.status < 300).map((r) => r.event.id)
}

export async function pushOutbox(client: CentralClient, ledger: SyncLedger, o: PushOptions): Promise<{ pushed: number; refused: number }> {
  const total = ledger.counts().pendingEvents
  const depth = Math.max(1, o.depth ?? 3)
  let pushed = 0
  let refused = 0
  o.onProgress(0, total)
  const flights: { batch: OutboxEvent[]; reply: Promise<Sent>; settled?: Sent }[] = []
  let end = ledger.watermark()
  const launch = (): boolean => {
    const batch = ledger.batchAfter(end, o.batchSize)
    if (!batch.length) return false
    // "after" only when the batch before it may not be committed yet (its reply is pending).
    const flight: (typeof flights)[number] = { batch, reply: send(client, batch, flights.length ? end : undefined) }
    flight.reply.then(
      (sent) => (flight.settled = sent),
      () => {}, // awaited in turn below; not unhandled if an earlier one fails first
    )
    flights.push(flight)
    end = batch.at(-1)!.kioskSeq
    return true
  }
  while (flights.length < depth && launch());
  while (flights.length) {
    const { batch, reply } = flights.shift()!
    let sent = await reply
    // The batch it followed was refused or failed and has been dealt with since: send it
    // again as a batch that follows acknowledged events only.
    if (sent.kind === 'early') sent = await send(client, batch)
    const replies = sent.kind === 'replies' ? sent.replies : sent.kind === 'refused' ? await narrow(client, batch, sent.error) : await pushBatch(client, batch)
    // Let pending I/O run: replies that came in meanwhile are settled by then.
    await setImmediate()
    const group = [{ batch, replies }]
    // Replies already here are recorded with this one: one commit (one fsync) for them all.
    while (flights[0]?.settled?.kind === 'replies') {
      const next = flights.shift()!
      group.push({ batch: next.batch, replies: (next.settled as Extract<Sent, { kind: 'replies' }>).replies })
    }
    for (const g of group) o.onBatchSent?.(g.batch)
    // The next requests go out before recording blocks this thread (SQLite commits are synchronous).
    if (flights.length < depth && launch()) {
      while (flights.length < depth && launch());
      await setImmediate()
    }
    const at = o.now().toISOString()
    const synced = ledger.db.transaction(() =>
      group.flatMap((g) => ledger.recordPushReply(g.replies, o.photoSource.photosFor(acknowledgedIds(g.replies)), at, g.batch.at(-1)!.kioskSeq)),
    )()
    for (const g of group) {
      refused += g.replies.filter((r) => r.status >= 300).length
      pushed += g.batch.length
    }
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
