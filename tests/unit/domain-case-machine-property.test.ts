// Random event sequences against the reducer: it refuses only with IllegalTransition, agrees
// with nextEventTypes, and replaying what it accepted gives the same state.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { caseEventPayloads, caseEventTypes, type CaseEvent, type CaseEventType } from '@shared/domain/case-events'
import { IllegalTransition, nextEventTypes, reduceCase, replayCase, whyNot, type CaseState } from '@shared/domain/case-machine'
import { nextStepEvents } from '@shared/domain/case-progress'
import { decideEligibility } from '@shared/domain/eligibility'
import { categoryShots } from '@shared/domain/photo-sets'
import { sha } from '../support/case-driver'

const img = (n: number) => ({ sha256: sha(n), size: 10, mime: 'image/jpeg' })
const decided = (now: string) =>
  decideEligibility({ caseType: 'warranty_repair', order: { orderDate: '2026-09-14', deliveredAt: '2026-09-17', returnRequest: { requestedAt: '2026-10-01T09:00:00Z' } }, exclusions: [], now, timeZone: 'UTC' })

/** A few valid payloads per event type (each passes its schema). */
const samples: Record<CaseEventType, readonly unknown[]> = {
  'case.started': [{ caseNumber: 'N-1', orderNumber: 'BM-1', caseType: 'warranty_repair', via: 'scan' }],
  'order.verified': [{ orderNumber: 'BM-1' }],
  'case.retyped': [{ caseType: 'withdrawal', reason: 'customer_choice' }, { caseType: 'warranty_repair', reason: 'staff_correction' }],
  'device.identified': [
    { category: 'smartphone', imei: '356938035643809', imeiMatch: 'match', serialMatch: 'not_entered' },
    { category: 'smartphone', imei: '490154203237518', imeiMatch: 'mismatch', serialMatch: 'not_entered' },
  ],
  'exclusion.observed': [{ exclusion: 'liquid_damage', evidence: [{ shot: 'liquid_indicator', sha256: sha(9) }] }],
  'exclusion.withdrawn': [{ exclusion: 'liquid_damage' }],
  'eligibility.decided': [decided('2026-10-05T10:00:00Z'), decided('2028-10-05T10:00:00Z')],
  'photo.captured': [...categoryShots.smartphone.map((shot, i) => ({ shot, ...img(i + 1) })), { shot: 'side_1', ...img(40) }],
  'photo.skipped': [{ shot: 'screen_on', reason: 'device_dead' }, { shot: 'back', reason: 'device_dead' }],
  'backup.confirmed': [{ kind: 'backed_up_and_removed', confirmedBy: 'customer' }],
  'account.disconnected': [{ accounts: ['google'], proof: 'staff_confirmed' }],
  'account.still_locked': [{ accounts: ['google'] }],
  'pin.provided': [{ kind: 'pin' }],
  'pin.skipped': [{ reason: 'no_lock' }],
  'accessories.recorded': [{ included: ['charger'], mandatory: [] }],
  'age.checked': [{ method: 'id_document', adult: true }],
  'evidence.completed': [{}],
  'packing.item_checked': ['strong_box', 'wrapped_and_wedged', 'pressure_sensitive_tape', 'label_on_top', 'order_slip_inside'].map((item) => ({ item })),
  'packing.item_unchecked': [{ item: 'strong_box' }],
  'slip.recorded': [{ via: 'printed' }],
  'package.photographed': [{ shot: 'package_inside', ...img(50) }, { shot: 'package_outside', ...img(51) }],
  packed: [{}],
  'label.recorded': [{ carrier: 'UPS', trackingNumber: '1Z999AA10123456793', validUntil: '2026-10-30' }],
  'tracking.bound': [{ carrier: 'UPS', trackingNumber: '1Z999AA10123456784' }, { carrier: 'UPS', trackingNumber: '1Z999AA10123456793' }],
  handed_over: [{ batchId: 'B-1', carrier: 'UPS', localDate: '2026-10-10' }, { batchId: 'B-2', carrier: 'UPS', localDate: '2026-10-20' }],
  'customer.checked_in': [{ ticket: 'T-1' }],
  'case.picked_up': [{ ticket: 'T-1' }],
  'case.put_on_hold': [{ reason: 'waiting_for_customer' }, { reason: 'device_locked' }],
  'case.resumed': [{}],
  'supervisor.override': [
    { supervisor: 'sup', subject: 'identity_mismatch', reason: 'checked the box' },
    { supervisor: 'sup', subject: 'eligibility', verdict: 'covered', reason: 'goodwill' },
    { supervisor: 'sup', subject: 'hold', reason: 'resolved' },
  ],
  'step.reopened': [{ step: 'evidence', reason: 'retake' }, { step: 'assessment', reason: 'recheck' }, { step: 'label', reason: 'rebind' }],
  'case.cancelled': [{ reason: 'other' }],
  'document.reprinted': [{ document: 'receipt', jobId: 'J2', reprintOf: 'J1' }],
}

/** Mostly the next step's events (so sequences get deep), else any allowed event, else any event. */
const step = fc.record({ mode: fc.constantFrom(...Array<string>(12).fill('guided'), 'allowed', 'any'), n: fc.nat(), sample: fc.nat() })
function pick(state: CaseState | null, s: { mode: string; n: number; sample: number }): { type: CaseEventType; payload: unknown } {
  const guided = state ? nextStepEvents(state) : nextEventTypes(state)
  const allowed = nextEventTypes(state)
  const pool = s.mode === 'guided' && guided.length > 0 ? guided : s.mode !== 'any' && allowed.length > 0 ? allowed : caseEventTypes
  const type = pool[s.n % pool.length]!
  return { type, payload: samples[type][s.sample % samples[type].length] }
}

describe('the reducer under random sequences', () => {
  it('every sample payload passes its schema', () => {
    for (const type of caseEventTypes) for (const p of samples[type]) expect(caseEventPayloads[type].safeParse(p).success, type).toBe(true)
  })

  it('refuses only with IllegalTransition, as whyNot predicts, and replays to the same state', () => {
    const reached = new Set<string>()
    fc.assert(
      fc.property(fc.array(step, { minLength: 150, maxLength: 400 }), (steps) => {
        let state: CaseState | null = null
        const accepted: CaseEvent[] = []
        steps.forEach((choice, i) => {
          const { type, payload } = pick(state, choice)
          const event = { id: `e${i}`, caseId: 'c', caseSeq: (state?.lastSeq ?? 0) + 1, type, payload, actor: 'a', kioskId: 'K', at: `2026-10-05T10:${String(i % 60).padStart(2, '0')}:00Z` } as CaseEvent
          const predicted = whyNot(state, type)
          try {
            state = reduceCase(state, event)
            expect(predicted).toBeNull()
            accepted.push(event)
          } catch (err) {
            expect(err).toBeInstanceOf(IllegalTransition)
            if (predicted) expect((err as IllegalTransition).reason).toBe(predicted.reason)
          }
          if (state) reached.add(state.status)
          if (state && (state.status === 'handed_over' || state.status === 'cancelled')) expect(nextEventTypes(state)).toEqual([])
        })
        expect(replayCase(accepted)).toEqual(state)
        if (state) expect((state as CaseState).lastSeq).toBe(accepted.length)
      }),
      { numRuns: 40, seed: 20261122 },
    )
    // The sequences reach the far end of the intake, not only its first steps.
    expect([...reached]).toEqual(expect.arrayContaining(['packed', 'labelled', 'handed_over', 'on_hold', 'cancelled']))
  }, 60_000)
})
