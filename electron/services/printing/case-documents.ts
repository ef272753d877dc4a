// Builds the typed document models from what the services hold: the case (projection), its
// order (orders cache) and, for the slip, the unlock PIN from the PinSource port.
import { DomainError, reason } from '@shared/contract/result'
import { refusalOf } from '@shared/domain/case-derived'
import { localDate } from '@shared/domain/dates'
import type { ExclusionId } from '@shared/domain/exclusions'
import type { CaseState } from '@shared/domain/case-machine'
import type { Store } from '../store'
import type { StoredOrder } from '../store/orders-cache'
import type { CaseLabelModel, CounterIdentity, OrderSlipModel, PickupManifestModel, PinSource, PrintLocale, ReceiptModel, RefusalNoteModel, TicketModel } from './models'
import { printTexts } from './texts'

export interface ModelDeps {
  store: Store
  kioskId: string
  timeZone: string
  now: () => Date
  pinSource: PinSource
}

/** The device in words: "Apple iPhone 13" as the order names it, else its category. */
function deviceName(order: StoredOrder | null, locale: PrintLocale): string {
  const item = order?.record.item
  const named = [item?.brand, item?.model].filter(Boolean).join(' ')
  return named || printTexts(locale).categories[item?.category ?? 'other']
}

function caseAndOrder(deps: ModelDeps, caseId: string): { state: CaseState; order: StoredOrder | null } {
  const state = deps.store.cases.get(caseId)
  if (!state) throw new DomainError('not_found', reason('print.noCase', `No case ${caseId} on this kiosk: open the case from Today and print from there.`))
  return { state, order: deps.store.orders.get(state.orderNumber) }
}

/**
 * The parcel's carrier and tracking number: the one bound at the counter (scanned from the
 * label on the box) first, then a new label recorded at the counter, then the order's return
 * request (before the label is scanned).
 */
export function shipping(state: CaseState, order: StoredOrder | null): { carrier?: string; trackingNumber?: string } {
  const bound = state.tracking ?? state.newLabel
  if (bound) return { carrier: bound.carrier, trackingNumber: bound.trackingNumber }
  const rr = order?.record.returnRequest
  return { ...(rr?.carrier ? { carrier: rr.carrier } : {}), ...(rr?.trackingNumber ? { trackingNumber: rr.trackingNumber } : {}) }
}

/** "YYYY-MM-DD HH:MM" in the counter's time zone, of `at` (now by default). */
export function localDateTime(deps: Pick<ModelDeps, 'timeZone' | 'now'>, at: Date = deps.now()): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: deps.timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at)
  return `${localDate(at, deps.timeZone)} ${parts}`
}

export function caseLabelModel(deps: ModelDeps, caseId: string): CaseLabelModel {
  const { state, order } = caseAndOrder(deps, caseId)
  const tracking = shipping(state, order).trackingNumber
  return {
    caseNumber: state.caseNumber,
    orderNumber: state.orderNumber,
    category: order?.record.item.category ?? 'other',
    date: localDate(state.startedAt, deps.timeZone),
    ...(tracking ? { trackingNumber: tracking } : {}),
  }
}

export function orderSlipModel(deps: ModelDeps, caseId: string, locale: PrintLocale): OrderSlipModel {
  const { state, order } = caseAndOrder(deps, caseId)
  if (!order) throw new DomainError('not_found', reason('print.noOrder', `The order ${state.orderNumber} is no longer on this kiosk, so its slip cannot be printed. Write the order details by hand.`, { orderNumber: state.orderNumber }))
  const r = order.record
  const pin = deps.pinSource(caseId)
  const imei = state.identity?.imei ?? r.item.imei
  const serial = state.identity?.serial ?? r.item.serial
  return {
    locale,
    caseNumber: state.caseNumber,
    ...(r.marketplace ? { marketplace: r.marketplace } : {}),
    ...(r.customer?.firstName ? { firstName: r.customer.firstName } : {}),
    ...(r.customer?.lastName ? { lastName: r.customer.lastName } : {}),
    orderNumber: r.orderNumber,
    orderDate: r.orderDate,
    reason: state.caseType,
    device: deviceName(order, locale),
    ...(imei ? { imei } : {}),
    ...(serial ? { serial } : {}),
    ...(pin ? { unlockPin: pin } : {}),
  }
}

export function receiptModel(deps: ModelDeps, caseId: string, locale: PrintLocale, counter: CounterIdentity | undefined): ReceiptModel {
  const { state, order } = caseAndOrder(deps, caseId)
  return {
    locale,
    caseNumber: state.caseNumber,
    orderNumber: state.orderNumber,
    device: deviceName(order, locale),
    ...shipping(state, order),
    // The drop-off is when the customer left the device here: the case's start, not this print.
    dateTime: localDateTime(deps, new Date(state.startedAt)),
    counter: counter?.name ? counter : { name: `${printTexts(locale).kiosk} ${deps.kioskId}` },
    kioskId: deps.kioskId,
  }
}

/**
 * The note for a refused customer: only a refused case has one (closed as refused, or refused
 * and still open), with the reason as decided, the verdict's window and what was observed.
 */
export function refusalNoteModel(deps: ModelDeps, caseId: string, locale: PrintLocale, counter: CounterIdentity | undefined): RefusalNoteModel {
  const { state, order } = caseAndOrder(deps, caseId)
  const refusal = state.cancelled ? state.cancelled.refusal : refusalOf(state)
  if (!refusal) {
    throw new DomainError('conflict', reason('print.notRefused', `Case ${state.caseNumber} is not refused, so it has no refusal note: print its receipt or its slip instead.`, { caseNumber: state.caseNumber }), { reason: 'not_refused' })
  }
  const decision = refusal === 'not_eligible' ? state.eligibility : undefined
  const w = decision?.window
  const exclusions = decision?.reasons.filter((r) => r.code === 'exclusion_observed').map((r) => r.params?.exclusion as ExclusionId)
  return {
    locale,
    caseNumber: state.caseNumber,
    orderNumber: state.orderNumber,
    device: deviceName(order, locale),
    caseType: state.caseType,
    refusal,
    // Closed: when the device went back; still open: now.
    dateTime: localDateTime(deps, state.cancelled ? new Date(state.cancelled.at) : deps.now()),
    counter: counter?.name ? counter : { name: `${printTexts(locale).kiosk} ${deps.kioskId}` },
    ...(w ? { window: { window: w.window, start: w.start, deadline: w.deadline, today: w.today, unit: w.unit, limit: w.limit, days: w.days, within: w.within } } : {}),
    ...(exclusions?.length ? { exclusions } : {}),
    ...(decision?.suggestedCaseType ? { suggestedCaseType: decision.suggestedCaseType } : {}),
  }
}

/** The ticket of a customer's finished self-check, timed when they finished it. */
export function ticketModel(deps: ModelDeps, caseId: string, locale: PrintLocale): TicketModel {
  const { state } = caseAndOrder(deps, caseId)
  if (!state.checkIn) throw new DomainError('conflict', reason('print.noTicket', `Case ${state.caseNumber} has no self-check ticket: the customer finishes the self-check first.`, { caseNumber: state.caseNumber }))
  return { locale, ticket: state.checkIn.ticket, orderNumber: state.orderNumber, dateTime: localDateTime(deps, new Date(state.checkIn.at)) }
}

/** "YYYY-MM-DD HH:MM" of an instant on the counter's clock. */
function counterDateTime(deps: ModelDeps, at: Date): string {
  const time = new Intl.DateTimeFormat('en-GB', { timeZone: deps.timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at)
  return `${localDate(at, deps.timeZone)} ${time}`
}

/** A closed batch's manifest: its parcels, the driver's time (not the printing's), its id. */
export function batchManifestModel(deps: ModelDeps, batchId: string, locale: PrintLocale): PickupManifestModel {
  const row = deps.store.db.prepare('SELECT carrier, driver_at, case_ids FROM handover_batches WHERE id = ?').get(batchId) as { carrier: string; driver_at: string; case_ids: string } | undefined
  if (!row) throw new DomainError('not_found', reason('print.noBatch', 'No such pickup batch on this kiosk: print the manifest from the Hand-over screen.'))
  const model = pickupManifestModel(deps, JSON.parse(row.case_ids) as string[], locale)
  return { ...model, carrier: row.carrier, dateTime: counterDateTime(deps, new Date(row.driver_at)), batchId }
}

export function pickupManifestModel(deps: ModelDeps, caseIds: string[], locale: PrintLocale): PickupManifestModel {
  const parcels: PickupManifestModel['parcels'] = []
  const carriers = new Set<string>()
  for (const caseId of caseIds) {
    const { state, order } = caseAndOrder(deps, caseId)
    const { carrier, trackingNumber } = shipping(state, order)
    if (!trackingNumber) throw new DomainError('conflict', reason('print.noTracking', `Case ${state.caseNumber} has no tracking number yet: scan its label before adding it to the pickup.`, { caseNumber: state.caseNumber }))
    carriers.add(carrier ?? 'other')
    parcels.push({ caseNumber: state.caseNumber, trackingNumber })
  }
  if (carriers.size > 1) throw new DomainError('conflict', reason('print.oneCarrier', `A pickup manifest is for one carrier; these parcels go with ${[...carriers].join(', ')}. Print one manifest per carrier.`, { carriers: [...carriers] }))
  return { locale, carrier: [...carriers][0] ?? 'other', kioskId: deps.kioskId, dateTime: localDateTime(deps), parcels }
}
