// One kill-storm worker: a counter screen taking intakes one after the other over the API
// socket, until the host dies under it. Its place (the order, the case id once a start was
// confirmed) outlives the host: after the restart it reopens the case like the screen does
// (cases.get, or the order scanned again when the start never got its reply) and goes on.
import type { HandoverBatchView, PhotoCaptureResult, StepResult } from '@shared/contract/intake-views'
import type { CaseDetail, CaseSummary } from '@shared/contract/views'
import type { ManifestRecord } from '@shared/manifest/record'
import type { StormLedger } from './kill-storm-ledger'
import type { Reply, StormSocket } from './kill-storm-socket'
import { nextCall } from './kill-storm-steps'

export interface WorkerPlace {
  order: ManifestRecord | undefined
  caseId: string | null
  proofSha: string | null
}

export interface StormRun {
  socket: StormSocket
  ledger: StormLedger
  random: () => number
  nextPhoto: () => number
  /** The next order nobody has taken yet (undefined when the manifest is used up). */
  takeOrder: () => ManifestRecord | undefined
  /** Called on every reply (the kill is timed by replies). */
  replied: () => void
  /** Intakes handed over, for the storm's figures. */
  handedOver: () => void
}

class Lost extends Error {}

type Answer<T> = Exclude<Reply<T>, { kind: 'lost' }>

async function send<T>(run: StormRun, name: string, input: unknown): Promise<Answer<T>> {
  const reply = await run.socket.call<T>(name, input)
  if (reply.kind === 'lost') throw new Lost()
  run.replied()
  return reply
}

function valueOf<T>(name: string, r: Answer<T>): T {
  if (r.kind === 'error') throw new Error(`${name} was refused: ${r.error.code}: ${r.error.message}`)
  return r.value
}

/**
 * Drives intakes until the socket is lost ('lost': a call was in flight) or the orders run out
 * ('done'). A refusal the storm does not expect rejects.
 */
export async function runWorker(run: StormRun, place: WorkerPlace): Promise<'lost' | 'done'> {
  try {
    let detail: CaseDetail | null = null
    while (place.order) {
      const order: ManifestRecord = place.order
      if (!place.caseId) {
        const summary = valueOf('cases.start', await send<CaseSummary>(run, 'cases.start', { orderNumber: order.orderNumber, via: 'scan' }))
        run.ledger.started(summary)
        place.caseId = summary.id
      }
      if (!detail) {
        detail = valueOf('cases.get', await send<CaseDetail>(run, 'cases.get', { caseId: place.caseId }))
        run.ledger.seen(detail)
      }
      const call = nextCall(detail, order, { random: run.random, nextPhoto: run.nextPhoto, proofSha: place.proofSha })
      if (!call) {
        run.handedOver()
        Object.assign(place, { order: run.takeOrder(), caseId: null, proofSha: null })
        detail = null
        continue
      }
      const r = await send<unknown>(run, call.name, call.input)
      if (r.kind === 'error') {
        // Another worker's batch may have taken this parcel first: look at the case again.
        if (call.name === 'handover.closeBatch' && (r.error.code === 'not_found' || r.error.code === 'illegal_transition' || r.error.code === 'conflict')) {
          detail = null
          continue
        }
        throw new Error(`${call.name} was refused on case ${detail.state.caseNumber} at step ${detail.intake.progress.next}: ${r.error.code}: ${r.error.message}`)
      }
      if (call.name === 'handover.closeBatch') {
        run.ledger.batch(r.value as HandoverBatchView)
        detail = null
        continue
      }
      const step = r.value as StepResult
      run.ledger.step(step.detail)
      if (call.name === 'photos.capture') {
        const { photo } = r.value as PhotoCaptureResult
        run.ledger.photo(place.caseId, photo.sha256)
        if (photo.purpose === 'account_proof') place.proofSha = photo.sha256
      }
      detail = step.detail
    }
    return 'done'
  } catch (e) {
    if (!(e instanceof Lost)) throw e
    return 'lost'
  }
}
