// Hand-over to the carriers (issue #3): parcels labelled and waiting per carrier; closing a
// pickup batch moves each of its cases to handed_over with the batch id, in one transaction
// with the batch row. A parcel that cannot go (an expired label) stays, with the reason.
import { randomUUID } from 'node:crypto'
import type { CarrierParcels, HandoverBatchView, ParcelView } from '@shared/contract/intake-views'
import { DomainError } from '@shared/contract/result'
import { IllegalTransition, reduceCase, type CaseState } from '@shared/domain/case-machine'
import type { CaseEvent } from '@shared/domain/case-events'
import { localDate } from '@shared/domain/dates'
import { batchesByCarrier, carrierKey } from '@shared/domain/handover'
import type { Handlers } from '../dispatch'
import type { ServiceContext } from '../context'
import { labelView } from '../intake/case-detail'
import { HandoverBatches } from '../intake/handover-batches'
import type { IntakeDeps } from '../intake/intake-deps'
import { localTimeToday } from '../intake/local-time'
import { refusal } from '../intake/step-recorder'
import { actorOf } from './cases'

function labelled(ctx: ServiceContext): CaseState[] {
  return (ctx.store.db.prepare(`SELECT state FROM cases WHERE status = 'labelled' ORDER BY updated_at`).all() as { state: string }[]).map((r) => JSON.parse(r.state) as CaseState)
}

export function handoverHandlers(ctx: ServiceContext, _deps: IntakeDeps): Pick<Handlers, 'handover.waiting' | 'handover.closeBatch' | 'handover.batches'> {
  const batches = new HandoverBatches(ctx.store.db, ctx.kioskId)
  const parcel = (s: CaseState, today: string): ParcelView => {
    const label = labelView(s, ctx.store.orders.get(s.orderNumber)?.record, today)
    const view: ParcelView = { caseId: s.id, caseNumber: s.caseNumber, orderNumber: s.orderNumber, trackingNumber: s.tracking!.trackingNumber, carrier: carrierKey(s.tracking!.carrier), labelExpired: label.expired }
    if (label.validUntil) view.labelValidUntil = label.validUntil
    return view
  }

  return {
    'handover.waiting': () => {
      const today = localDate(ctx.now(), ctx.timeZone)
      const groups = batchesByCarrier(labelled(ctx).map((s) => parcel(s, today)))
      return [...groups].map(([carrier, parcels]): CarrierParcels => ({ carrier, parcels }))
    },
    'handover.closeBatch': ({ carrier, driverAt, caseIds }, session) => {
      const actor = actorOf(session, ctx)
      const now = ctx.now()
      const at = driverAt === undefined ? now : /^\d{2}:\d{2}$/.test(driverAt) ? localTimeToday(driverAt, now, ctx.timeZone) : new Date(driverAt)
      if (Number.isNaN(at.getTime())) throw new DomainError('invalid_input', 'The driver\'s time is not a real time: enter it as HH:MM.')
      if (at.getTime() > now.getTime() + 5 * 60_000) throw new DomainError('invalid_input', 'The driver\'s time is in the future: enter when the driver took the parcels.')
      const key = carrierKey(carrier)
      const day = localDate(at, ctx.timeZone)
      const waiting = labelled(ctx).filter((s) => carrierKey(s.tracking!.carrier) === key)
      const chosen = caseIds ?? waiting.map((s) => s.id)
      if (chosen.length === 0) throw new DomainError('not_found', `No parcel is waiting for ${key}.`)
      const batch: HandoverBatchView = { id: randomUUID(), carrier: key, driverAt: at.toISOString(), localDate: day, closedAt: now.toISOString(), closedBy: actor, caseIds: [], refused: [] }
      const payload = { batchId: batch.id, carrier: key, localDate: day }
      const changed: CaseState[] = []
      ctx.store.db.transaction(() => {
        for (const caseId of [...new Set(chosen)]) {
          const s = ctx.store.cases.get(caseId)
          if (!s || !waiting.some((w) => w.id === caseId)) {
            batch.refused.push({ caseId, message: s ? `Case ${s.caseNumber} is not waiting for ${key} (it is ${s.status.replace(/_/g, ' ')}).` : 'No such case on this kiosk.' })
            continue
          }
          try {
            // Dry run first: an expired label leaves this parcel out, not the whole batch.
            reduceCase(s, { id: 'dry-run', caseId, caseSeq: s.lastSeq + 1, type: 'handed_over', payload, actor, kioskId: ctx.kioskId, at: now.toISOString() } as CaseEvent)
          } catch (err) {
            if (!(err instanceof IllegalTransition)) throw err
            batch.refused.push({ caseId, message: `Case ${s.caseNumber}: ${refusal(err).message}` })
            continue
          }
          changed.push(ctx.recorder.record(caseId, [{ type: 'handed_over', payload }], actor))
          batch.caseIds.push(caseId)
        }
        if (batch.caseIds.length === 0) {
          throw new DomainError('illegal_transition', `No parcel could be handed over: ${batch.refused.map((r) => r.message).join(' ')}`, { refused: batch.refused })
        }
        batches.insert(batch)
      })()
      for (const s of changed) ctx.bus.emit('case.changed', ctx.caseQueries.summary(s))
      ctx.log.info('pickup batch closed', { batchId: batch.id, carrier: key, parcels: batch.caseIds.length, refused: batch.refused.length })
      return batch
    },
    'handover.batches': () => batches.onDate(localDate(ctx.now(), ctx.timeZone)),
  }
}
