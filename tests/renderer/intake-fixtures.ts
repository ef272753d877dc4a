// A case for the step components' tests: the events folded by the real reducer, and the
// IntakeDetail the services would send, computed with the same shared rules; plus a mounted
// component with a fake API port (buildApi) that records every call.
import { flushPromises, mount } from '@vue/test-utils'
import { type Component } from 'vue'
import type { CallName } from '@shared/contract/calls'
import type { IntakeDetail } from '@shared/contract/intake-views'
import { ok, type Result } from '@shared/contract/result'
import type { CaseDetail, OrderView } from '@shared/contract/views'
import { caseFlags, effectiveEligibility, evidenceProgress } from '@shared/domain/case-derived'
import type { CaseEvent, CaseEventPayload, CaseEventType } from '@shared/domain/case-events'
import { nextStepEvents, caseProgress } from '@shared/domain/case-progress'
import { replayCase } from '@shared/domain/case-machine'
import { packingChecklist, packingProgress } from '@shared/domain/packing'
import { photoPlan } from '@shared/domain/photo-sets'
import { accessoriesRequirement, accountsFor } from '@shared/domain/prerequisites'
import { useIntakeStore } from '../../renderer/src/stores/intake'
import { intakeCaseOf } from '../../renderer/src/stores/intake-case'
import { recordingApi } from './recording-api'

export const order: OrderView = {
  orderNumber: 'BM-1',
  orderDate: '2026-10-01',
  deliveredAt: '2026-10-03',
  customer: { firstName: 'Inès', lastName: 'Moreau' },
  item: { category: 'smartphone', brand: 'Google', model: 'Pixel 7', imei: '356938035643809' },
  warrantyMonths: 12,
  caseType: 'warranty_repair',
  returnRequest: { id: 'RMA-1', requestedAt: '2026-11-20T10:00:00Z', carrier: 'UPS', trackingNumber: '1Z999AA10123456784', labelValidUntil: '2026-12-04', labelExpired: false },
}

type Step = { [T in CaseEventType]: [T, CaseEventPayload<T>] }[CaseEventType]

export const startOf: Step[] = [
  ['case.started', { caseNumber: 'K1-261122-001', orderNumber: 'BM-1', caseType: 'warranty_repair', via: 'scan', category: 'smartphone' }],
  ['order.verified', { orderNumber: 'BM-1' }],
]

export function detailOf(steps: Step[]): CaseDetail {
  const events = steps.map(([type, payload], i) => ({ id: `e${i}`, caseId: 'c1', caseSeq: i + 1, type, payload, actor: 'staff-1', kioskId: 'K1', at: `2026-11-22T10:00:${String(i).padStart(2, '0')}Z` }) as CaseEvent)
  const state = replayCase(events)!
  const category = state.category ?? 'smartphone'
  const intake: IntakeDetail = {
    category,
    progress: caseProgress(state),
    evidence: evidenceProgress(state),
    flags: caseFlags(state, '2026-11-22'),
    eligibility: effectiveEligibility(state),
    eligibilityInputs: { today: '2026-11-22', timeZone: 'UTC', holidays: [] },
    photoPlan: photoPlan(category, state.caseType),
    accounts: accountsFor(category, 'Google'),
    accountRequired: true,
    pinRequired: true,
    accessories: accessoriesRequirement(state.caseType, category),
    packing: { checklist: packingChecklist(state.caseType), progress: packingProgress(state.caseType, Object.keys(state.packing.checked), Object.keys(state.packing.photos), !!state.packing.slip) },
    label: { source: 'order', carrier: 'UPS', trackingNumber: '1Z999AA10123456784', validUntil: '2026-12-04', expired: false },
    pinStored: false,
    photos: [],
    nextStepEvents: nextStepEvents(state),
  }
  const summary = { id: 'c1', caseNumber: 'K1-261122-001', orderNumber: 'BM-1', caseType: state.caseType, status: state.status, startedAt: '2026-11-22T10:00:00Z', startedBy: 'staff-1', updatedAt: '2026-11-22T10:00:00Z' }
  return { summary, order, events: events.map(({ caseId: _c, ...e }) => e), nextEventTypes: [], state, intake }
}

export type Handler = (name: CallName, input: unknown) => Result<unknown> | Promise<Result<unknown>>

/** Mounts `component` on the case `steps`; every call is recorded and answered by `handler`. */
export async function mountStep(component: Component, steps: Step[], handler: Handler = () => ok({ detail: detailOf(steps), recorded: true })) {
  const { calls, global } = recordingApi(handler)
  // The store needs the injected API: create it inside a throw-away component's setup.
  mount({ setup: () => void useIntakeStore().$patch({ current: intakeCaseOf(detailOf(steps)) }), render: () => null }, { global })
  const wrapper = mount(component, { global, attachTo: document.body })
  await flushPromises()
  return { wrapper, calls, intake: useIntakeStore() }
}
