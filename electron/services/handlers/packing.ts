// Packing, the new label and binding its tracking number. A scan of another order's label is
// refused by name; a malformed number by its carrier's rule; an expired label by what to do
// (a new label, its carrier from the counter's list).
import { DomainError, reason } from '@shared/contract/result'
import { addDays, localDate } from '@shared/domain/dates'
import { carrierKey, checkTrackingBinding, type BindingProblem } from '@shared/domain/handover'
import { LABEL_VALID_DAYS } from '@shared/domain/label-validity'
import { identifyCarrier, normalizeTrackingNumber, validateTrackingNumber } from '@shared/domain/tracking-number'
import type { Handlers } from '../dispatch'
import type { ServiceContext } from '../context'
import { buildCaseDetail, labelView } from '../intake/case-detail'
import { chosenCarrier, configuredCarriers } from '../intake/carriers'
import { expiredLabelError, expiredOrderLabel } from '../intake/expired-label'
import type { IntakeDeps } from '../intake/intake-deps'
import { loadCase, recordStep } from '../intake/step-recorder'
import { actorOf } from './cases'

type PackingCall = 'packing.check' | 'packing.uncheck' | 'packing.slip' | 'packing.done' | 'label.carriers' | 'label.record' | 'label.bind'

const bindingMessages: Record<BindingProblem, string> = {
  no_tracking_number: 'Nothing was read: scan the barcode on the return label again.',
  other_label: 'This is not the label of this case: scan the label on this parcel.',
  carrier_unknown: 'The carrier of this label is not known: record the label with its carrier first.',
  invalid_format: 'This is not a tracking number of the label\'s carrier: scan the label\'s tracking barcode.',
  check_digit: 'The tracking number fails its check digit: a character was misread. Scan it again or type it.',
}

export function packingHandlers(ctx: ServiceContext, deps: IntakeDeps): Pick<Handlers, PackingCall> {
  /** The order a scanned code belongs to, when it is another order's label. */
  const otherOrder = (code: string, own: string): string | null => {
    const found = ctx.store.orders.findByCode(code) ?? ctx.store.orders.findByCode(normalizeTrackingNumber(code))
    return found && found.record.orderNumber !== own ? found.record.orderNumber : null
  }

  const slipAcknowledged = ctx.store.db.prepare("SELECT 1 FROM print_jobs WHERE case_id = ? AND document = 'orderSlip' AND state = 'acknowledged' LIMIT 1")

  return {
    'packing.check': ({ caseId, item }, session) => recordStep(ctx, deps, caseId, [{ type: 'packing.item_checked', payload: { item } }], actorOf(session, ctx)),
    'packing.uncheck': ({ caseId, item }, session) => recordStep(ctx, deps, caseId, [{ type: 'packing.item_unchecked', payload: { item } }], actorOf(session, ctx)),
    'packing.slip': ({ caseId, via }, session) => {
      // "Printed and put inside" only once a printer acknowledged this case's slip; otherwise the
      // slip is written by hand, and the case says so.
      if (via === 'printed' && !slipAcknowledged.get(caseId)) {
        throw new DomainError('illegal_transition', reason('packing.slipNotPrinted', 'No printer has confirmed this case’s order details slip yet: wait until it shows “Printed”, or write the order details by hand, put them inside and choose “Written by hand”.'), { reason: 'slip_not_printed' })
      }
      return recordStep(ctx, deps, caseId, [{ type: 'slip.recorded', payload: { via } }], actorOf(session, ctx))
    },
    'packing.done': ({ caseId }, session) => recordStep(ctx, deps, caseId, [{ type: 'packed', payload: {} }], actorOf(session, ctx)),
    'label.carriers': () => configuredCarriers(ctx.store.settings),
    'label.record': ({ caseId, code, carrier }, session) => {
      const s = loadCase(ctx, caseId)
      const other = otherOrder(code, s.orderNumber)
      if (other) throw new DomainError('conflict', reason('label.otherOrder', `This label belongs to order ${other}, not to this case: put it aside and scan the new label for this parcel.`, { orderNumber: other }))
      const number = normalizeTrackingNumber(code)
      const order = ctx.store.orders.get(s.orderNumber)?.record
      const expired = expiredOrderLabel(order, ctx.now(), ctx.timeZone)
      if (expired && expired.trackingNumber === number) throw expiredLabelError(expired.validUntil)
      if (order?.returnRequest?.trackingNumber && normalizeTrackingNumber(order.returnRequest.trackingNumber) === number) {
        throw new DomainError('invalid_input', reason('label.orderOwnLabel', 'This is the order\'s own return label, not a new one: scan it to bind it to the case.'))
      }
      const identified = identifyCarrier(number)
      const which = carrier !== undefined ? chosenCarrier(ctx.store.settings, carrier) : identified
      if (!which) throw new DomainError('invalid_input', reason('label.chooseCarrier', 'Which carrier is this label for? Choose the carrier from the list, then scan the label again.'), { carriers: configuredCarriers(ctx.store.settings) })
      const check = validateTrackingNumber(which, number)
      if (!check.ok) throw new DomainError('invalid_input', reason(`tracking.${check.problem}`, check.reason, check.params))
      if (!/^[0-9A-Z]{8,34}$/.test(number)) throw new DomainError('invalid_input', reason('label.trackingLength', 'A tracking number has 8 to 34 letters and digits: scan the label again.'))
      // A label printed today is valid 14 days, like a return request's (label-validity.ts).
      const validUntil = addDays(localDate(ctx.now(), ctx.timeZone), LABEL_VALID_DAYS)
      return recordStep(ctx, deps, caseId, [{ type: 'label.recorded', payload: { carrier: carrierKey(which), trackingNumber: number, validUntil } }], actorOf(session, ctx))
    },
    'label.bind': ({ caseId, code }, session) => {
      const s = loadCase(ctx, caseId)
      const order = ctx.store.orders.get(s.orderNumber)?.record
      const today = localDate(ctx.now(), ctx.timeZone)
      const label = labelView(s, order, today)
      if (label.source === 'none' || (!label.trackingNumber && !label.carrier)) {
        throw new DomainError('illegal_transition', reason('label.noLabel', 'This case has no return label yet: record the new label first, then scan it.'), { reason: 'no_label' })
      }
      const binding = checkTrackingBinding({ scanned: code, label: { ...(label.trackingNumber ? { trackingNumber: label.trackingNumber } : {}), ...(label.carrier ? { carrier: label.carrier } : {}) } })
      if (!binding.ok) {
        const other = binding.problem === 'other_label' ? otherOrder(code, s.orderNumber) : null
        if (other) throw new DomainError('conflict', reason('label.bindOtherOrder', `This label belongs to order ${other}, not to this case: put that parcel aside and scan the label on this one.`, { orderNumber: other }), { problem: 'other_order' })
        throw new DomainError('invalid_input', reason(`binding.${binding.problem}`, binding.detail ?? bindingMessages[binding.problem]), { problem: binding.problem })
      }
      // This case's label, after its last valid day (the order's, or a new one recorded long ago): never bound.
      if (label.expired && label.validUntil) throw expiredLabelError(label.validUntil)
      if (s.tracking?.trackingNumber === binding.trackingNumber) {
        return { detail: buildCaseDetail(ctx, deps, s), recorded: false, notice: 'This label is already bound to this case: nothing was added.' }
      }
      return recordStep(ctx, deps, caseId, [{ type: 'tracking.bound', payload: { carrier: binding.carrier, trackingNumber: binding.trackingNumber } }], actorOf(session, ctx))
    },
  }
}
