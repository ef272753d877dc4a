// The detail of a case as the step screens read it: the summary, the order, the events, the
// reducer's full state, and IntakeDetail (progress, flags, plan, label, photos). Built from
// the recorded state and the order; never holds a PIN (only whether one is sealed).
import type { EligibilityInputs, IntakeDetail, LabelView } from '@shared/contract/intake-views'
import type { CaseDetail } from '@shared/contract/views'
import { caseFlags, effectiveEligibility, evidenceProgress } from '@shared/domain/case-derived'
import { nextEventTypes, type CaseState } from '@shared/domain/case-machine'
import { caseProgress, nextStepEvents } from '@shared/domain/case-progress'
import { localDate } from '@shared/domain/dates'
import { packingChecklist, packingProgress } from '@shared/domain/packing'
import { photoPlan } from '@shared/domain/photo-sets'
import { accessoriesRequirement, accountDisconnectionRequired, accountsFor, pinStepRequired } from '@shared/domain/prerequisites'
import type { ManifestRecord } from '@shared/manifest/record'
import type { ServiceContext } from '../context'
import { toOrderView } from '../orders/order-view'
import { counterHolidays } from './counter-clock'
import type { IntakeDeps } from './intake-deps'
import { ticketView } from './tickets'

function eligibilityInputs(ctx: ServiceContext, today: string, order: ManifestRecord | undefined): EligibilityInputs {
  const inputs: EligibilityInputs = { today, timeZone: ctx.timeZone, holidays: counterHolidays(ctx) }
  if (!order) return inputs
  inputs.orderDate = order.orderDate
  if (order.deliveredAt) inputs.deliveredAt = order.deliveredAt
  inputs.warrantyMonths = order.warrantyMonths ?? 12
  if (order.tradeIn) inputs.offerAt = order.tradeIn.offerAt
  if (order.returnRequest) inputs.requestedAt = order.returnRequest.requestedAt
  return inputs
}

/** The label the parcel ships with: a new one recorded here, else the order's return label. */
export function labelView(s: CaseState, order: ManifestRecord | undefined, today: string): LabelView {
  if (s.newLabel) {
    return { source: 'new', carrier: s.newLabel.carrier, trackingNumber: s.newLabel.trackingNumber, validUntil: s.newLabel.validUntil, expired: today > s.newLabel.validUntil }
  }
  const rr = order?.returnRequest
  if (!rr) return { source: 'none', expired: false }
  const validUntil = s.eligibility?.label?.validUntil
  const view: LabelView = { source: 'order', expired: validUntil !== undefined && today > validUntil }
  if (rr.carrier) view.carrier = rr.carrier
  if (rr.trackingNumber) view.trackingNumber = rr.trackingNumber
  if (validUntil) view.validUntil = validUntil
  return view
}

export function intakeDetail(ctx: ServiceContext, deps: IntakeDeps, s: CaseState, order: ManifestRecord | undefined): IntakeDetail {
  const today = localDate(ctx.now(), ctx.timeZone)
  // Until the device is identified, the order's category says which photos to take.
  const category = s.category ?? order?.item.category
  const withCategory: CaseState = category && !s.category ? { ...s, category } : s
  const detail: IntakeDetail = {
    progress: caseProgress(withCategory),
    evidence: evidenceProgress(withCategory),
    flags: caseFlags(s, today),
    eligibility: effectiveEligibility(s),
    eligibilityInputs: eligibilityInputs(ctx, today, order),
    photoPlan: category ? photoPlan(category, s.caseType) : null,
    accounts: category ? accountsFor(category, order?.item.brand) : [],
    accountRequired: category ? accountDisconnectionRequired(category) : true,
    pinRequired: category ? pinStepRequired(category) : true,
    accessories: accessoriesRequirement(s.caseType, category ?? 'other', order?.tradeIn?.accessoriesRequired),
    packing: {
      checklist: packingChecklist(s.caseType),
      progress: packingProgress(s.caseType, Object.keys(s.packing.checked), Object.keys(s.packing.photos), s.packing.slip !== undefined),
    },
    label: labelView(s, order, today),
    pinStored: deps.pins.has(s.id),
    photos: deps.photoRows.forCase(s.id),
    nextStepEvents: nextStepEvents(withCategory),
  }
  if (category) detail.category = category
  if (s.checkIn) detail.ticket = ticketView(s.checkIn.ticket)
  return detail
}

export function buildCaseDetail(ctx: ServiceContext, deps: IntakeDeps, state: CaseState): CaseDetail {
  const order = ctx.store.orders.get(state.orderNumber)?.record
  return {
    summary: ctx.caseQueries.summary(state),
    order: order ? toOrderView(order, ctx.now(), ctx.timeZone, counterHolidays(ctx)) : null,
    events: ctx.store.events.forCase(state.id).map(({ caseId: _c, ...e }) => e),
    nextEventTypes: nextEventTypes(state),
    state,
    intake: intakeDetail(ctx, deps, state, order),
  }
}
