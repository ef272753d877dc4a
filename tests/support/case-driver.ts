// Drives the case reducer the way the services' CaseRecorder does (payload parsed with its
// schema, then reduced), without a database: for the state machine's unit tables.
import { caseEventPayloads, type CaseEvent, type CaseEventPayload, type CaseEventType } from '../../shared/domain/case-events'
import { IllegalTransition, reduceCase, type CaseState } from '../../shared/domain/case-machine'
import { decideEligibility } from '../../shared/domain/eligibility'
import type { CaseType, Category } from '../../shared/manifest/record'

/** A distinct, well-formed SHA-256 for test photo n. */
export const sha = (n: number): string => n.toString(16).padStart(64, '0')

export class CaseDriver {
  state: CaseState | null = null
  readonly events: CaseEvent[] = []
  private clock = Date.parse('2026-10-05T08:00:00Z')

  constructor(readonly caseId = 'case-1') {}

  /** Records one event; throws IllegalTransition (or a zod error for a bad payload) and keeps the state as it was. */
  record<T extends CaseEventType>(type: T, payload: CaseEventPayload<T>, actor = 'staff-1'): CaseState {
    const parsed = caseEventPayloads[type].parse(payload) as CaseEventPayload<T>
    this.clock += 60_000
    const event = {
      id: `e${this.events.length + 1}`,
      caseId: this.caseId,
      caseSeq: (this.state?.lastSeq ?? 0) + 1,
      type,
      payload: parsed,
      actor,
      kioskId: 'K1',
      at: new Date(this.clock).toISOString(),
    } as CaseEvent
    this.state = reduceCase(this.state, event)
    this.events.push(event)
    return this.state
  }

  /** The IllegalTransition a record raises (fails the test when it is accepted). */
  refused<T extends CaseEventType>(type: T, payload: CaseEventPayload<T>, actor?: string): IllegalTransition {
    const before = this.state
    try {
      this.record(type, payload, actor)
    } catch (err) {
      if (err instanceof IllegalTransition) {
        if (this.state !== before) throw new Error('state changed on a refused event')
        return err
      }
      throw err
    }
    throw new Error(`${type} was accepted`)
  }

  get s(): CaseState {
    if (!this.state) throw new Error('no case yet')
    return this.state
  }
}

export interface StartOptions {
  caseType?: CaseType
  category?: Category
}

/** A case started and verified (what cases.start records today). */
export function verifiedCase({ caseType = 'warranty_repair' }: StartOptions = {}): CaseDriver {
  const d = new CaseDriver()
  d.record('case.started', { caseNumber: 'K1-261005-001', orderNumber: 'BM-1', caseType, via: 'scan' })
  d.record('order.verified', { orderNumber: 'BM-1' })
  return d
}

export const GOOD_IMEI = '356938035643809'

/** Identified (matching IMEI) and decided: covered, within the warranty. */
export function decidedCase(opts: StartOptions = {}): CaseDriver {
  const d = verifiedCase(opts)
  const category = opts.category ?? 'smartphone'
  d.record('device.identified', { category, imei: GOOD_IMEI, imeiMatch: 'match', serialMatch: 'not_entered' })
  const decision = decideEligibility({
    caseType: d.s.caseType,
    order: { orderDate: '2026-09-14', deliveredAt: '2026-09-17', returnRequest: { requestedAt: '2026-10-01T09:00:00Z' }, tradeIn: { offerAt: '2026-10-01T09:00:00Z' } },
    exclusions: [],
    now: '2026-10-05T08:00:00Z',
    timeZone: 'Europe/Paris',
  })
  d.record('eligibility.decided', decision)
  return d
}
