// Hand-over to the carriers: parcels labelled and waiting per carrier; a pickup batch is closed
// with the driver's time and a scan of each parcel the driver takes. Every scanned parcel moves
// to handed_over with the batch id, in one transaction with the batch row. A parcel waiting but
// not scanned stays at the counter, and only with a recorded reason; an unexpected parcel or
// one with an expired label refuses the close, named.
import { randomUUID } from 'node:crypto'
import type { CarrierParcels, HandoverBatchView, ParcelView } from '@shared/contract/intake-views'
import { DomainError, reason } from '@shared/contract/result'
import { IllegalTransition, reduceCase, type CaseState } from '@shared/domain/case-machine'
import type { CaseEvent } from '@shared/domain/case-events'
import { localDate } from '@shared/domain/dates'
import { batchesByCarrier, carrierKey } from '@shared/domain/handover'
import type { Handlers } from '../dispatch'
import type { ServiceContext } from '../context'
import { labelView } from '../intake/case-detail'
import { parcelExpiredLabel } from '../intake/expired-label'
import { HandoverBatches } from '../intake/handover-batches'
import type { IntakeDeps } from '../intake/intake-deps'
import { localTimeToday } from '../intake/local-time'
import { placePickupScan } from '../intake/pickup-scan'
import { refusal } from '../intake/step-recorder'
import { actorOf } from './cases'

function labelled(ctx: ServiceContext): CaseState[] {
  return (ctx.store.db.prepare(`SELECT state FROM cases WHERE status = 'labelled' ORDER BY updated_at`).all() as { state: string }[]).map((r) => JSON.parse(r.state) as CaseState)
}

/** The driver's time: "HH:MM" today (the counter's) or an ISO instant; never empty, never later than now. */
function driverTime(driverAt: string, now: Date, timeZone: string): Date {
  const text = driverAt.trim()
  if (text === '') throw new DomainError('invalid_input', reason('handover.timeMissing', 'Enter the time the driver took the parcels (HH:MM), then close the pickup.'), { field: 'driverAt' })
  const at = /^([01]\d|2[0-3]):[0-5]\d$/.test(text) ? localTimeToday(text, now, timeZone) : /^\d{4}-\d{2}-\d{2}T/.test(text) ? new Date(text) : new Date(Number.NaN)
  if (Number.isNaN(at.getTime())) throw new DomainError('invalid_input', reason('handover.timeInvalid', 'The driver\'s time is not a real time: enter it as HH:MM.'), { field: 'driverAt' })
  if (at.getTime() > now.getTime() + 5 * 60_000) throw new DomainError('invalid_input', reason('handover.timeInFuture', 'The driver\'s time is in the future: enter when the driver took the parcels.'), { field: 'driverAt' })
  return at
}

export function handoverHandlers(ctx: ServiceContext, deps: IntakeDeps): Pick<Handlers, 'handover.waiting' | 'handover.checkScan' | 'handover.closeBatch' | 'handover.batches'> {
  const batches = new HandoverBatches(ctx.store.db, ctx.kioskId)
  const parcel = (s: CaseState, today: string): ParcelView => {
    const order = ctx.store.orders.get(s.orderNumber)?.record
    const label = labelView(s, order, today)
    // A parcel bound to the order's expired label (before that was refused) is flagged too.
    const stale = parcelExpiredLabel(s, order, ctx.now(), ctx.timeZone)
    const view: ParcelView = { caseId: s.id, caseNumber: s.caseNumber, orderNumber: s.orderNumber, trackingNumber: s.tracking!.trackingNumber, carrier: carrierKey(s.tracking!.carrier), labelExpired: label.expired || stale !== null }
    const validUntil = stale?.validUntil ?? label.validUntil
    if (validUntil) view.labelValidUntil = validUntil
    return view
  }
  const allWaiting = (): ParcelView[] => {
    const today = localDate(ctx.now(), ctx.timeZone)
    return labelled(ctx).map((s) => parcel(s, today))
  }

  return {
    'handover.waiting': () => [...batchesByCarrier(allWaiting())].map(([carrier, parcels]): CarrierParcels => ({ carrier, parcels })),
    'handover.checkScan': ({ carrier, code }) => placePickupScan(ctx, carrier, code, allWaiting()),
    'handover.closeBatch': ({ carrier, driverAt, scanned, exception }, session) => {
      const actor = actorOf(session, ctx)
      const now = ctx.now()
      const at = driverTime(driverAt, now, ctx.timeZone)
      const key = carrierKey(carrier)
      const day = localDate(at, ctx.timeZone)
      const waiting = allWaiting()
      const expected = waiting.filter((p) => p.carrier === key && !p.labelExpired)
      // Every scan must be a parcel of this pickup: the first that is not is named.
      const taken = new Map<string, ParcelView>()
      const unexpected: string[] = []
      for (const code of scanned) {
        try {
          const p = placePickupScan(ctx, key, code, waiting)
          taken.set(p.caseId, p)
        } catch (err) {
          if (!(err instanceof DomainError)) throw err
          unexpected.push(err.message)
        }
      }
      if (unexpected.length > 0) throw new DomainError('conflict', reason('handover.unexpectedParcels', `Not closed: ${unexpected.join(' ')}`, { count: unexpected.length }), { problem: 'unexpected_parcel', unexpected })
      if (expected.length === 0) throw new DomainError('not_found', reason('handover.nothingWaiting', `No parcel is waiting for ${key}.`, { carrier: key }))
      const missing = expected.filter((p) => !taken.has(p.caseId))
      const note = exception?.trim()
      if (missing.length > 0 && !note) {
        const names = missing.map((p) => `case ${p.caseNumber} (${p.trackingNumber})`).join(', ')
        throw new DomainError('conflict', reason('handover.notScanned', `Not closed: not scanned yet: ${names}. Scan each parcel the driver takes, or record why it stays at the counter.`, { cases: missing.map((p) => p.caseNumber) }), { problem: 'not_scanned', missing: missing.map((p) => p.caseNumber) })
      }
      const batch: HandoverBatchView = { id: randomUUID(), carrier: key, driverAt: at.toISOString(), localDate: day, closedAt: now.toISOString(), closedBy: actor, caseIds: [], refused: [] }
      // The exception is recorded with the batch: which parcels stayed, and why.
      for (const p of missing) batch.refused.push({ caseId: p.caseId, message: `Case ${p.caseNumber} was not scanned at the pickup and stays at the counter: ${note}` })
      const payload = { batchId: batch.id, carrier: key, localDate: day }
      const changed: CaseState[] = []
      ctx.store.db.transaction(() => {
        for (const { caseId } of taken.values()) {
          const s = ctx.store.cases.get(caseId)!
          try {
            // Dry run first: the reducer's own rules (the label valid on the pickup's date).
            reduceCase(s, { id: 'dry-run', caseId, caseSeq: s.lastSeq + 1, type: 'handed_over', payload, actor, kioskId: ctx.kioskId, at: now.toISOString() } as CaseEvent)
          } catch (err) {
            if (!(err instanceof IllegalTransition)) throw err
            throw new DomainError('illegal_transition', reason('handover.caseRefused', `Not closed: case ${s.caseNumber}: ${refusal(err).message}`, { caseNumber: s.caseNumber }), { reason: err.reason })
          }
          changed.push(ctx.recorder.record(caseId, [{ type: 'handed_over', payload }], actor))
          // The parcel has left the counter with its slip: the unlock PIN goes in the same transaction.
          deps.pins.purge(caseId)
          batch.caseIds.push(caseId)
        }
        batches.insert(batch)
      })()
      for (const s of changed) ctx.bus.emit('case.changed', ctx.caseQueries.summary(s))
      ctx.log.info('pickup batch closed', { batchId: batch.id, carrier: key, parcels: batch.caseIds.length, leftAtCounter: missing.length })
      return batch
    },
    'handover.batches': () => batches.onDate(localDate(ctx.now(), ctx.timeZone)),
  }
}
