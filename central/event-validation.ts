// What the centre accepts as an event, and what identifies an event's body. Checked for
// every event of every push, so the usual event (well formed, written by a kiosk) takes a
// fast path of plain checks, each stricter than the schema's; anything else goes through the
// protocol's zod schema (shared/sync-protocol), which decides and says why.
import { hash } from 'node:crypto'
import { caseEventPayloads, isCaseEventType } from '../shared/domain/case-events'
import { withoutErasedMarkers } from '../shared/domain/personal-fields'
import { describeIssues } from '../shared/manifest/record'
import { pushedEvent as pushedEventSchema, type PushedEvent } from '../shared/sync-protocol'
import { canonicalJson } from './canonical-json'

export type { PushedEvent }

const text = (v: unknown, max: number): boolean => typeof v === 'string' && v.length >= 1 && v.length <= max
const count = (v: unknown): boolean => typeof v === 'number' && Number.isSafeInteger(v) && v > 0
/** What a kiosk writes (Date#toISOString): a real instant, so the schema accepts it too. */
const isoUtcMs = (v: unknown): boolean =>
  typeof v === 'string' && v.length === 24 && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/.test(v) && new Date(v).toISOString() === v

/** The envelope checks of pushedEventSchema, each at least as strict: true means the schema accepts. */
function envelopeSurelyValid(r: unknown): boolean {
  if (typeof r !== 'object' || r === null) return false
  const e = r as Record<string, unknown>
  return (
    text(e.id, 64) && count(e.kioskSeq) && text(e.caseId, 64) && count(e.caseSeq) && text(e.type, 64) && text(e.actor, 200) && text(e.kioskId, 64) && isoUtcMs(e.at)
  )
}

/** Checks one event on its own; null when it may be stored. */
export function eventProblem(raw: unknown): { id: string; reason: string } | null {
  const id = typeof (raw as { id?: unknown })?.id === 'string' ? (raw as { id: string }).id : ''
  let e: PushedEvent
  if (envelopeSurelyValid(raw)) e = raw as PushedEvent
  else {
    const parsed = pushedEventSchema.safeParse(raw)
    if (!parsed.success) return { id, reason: describeIssues(parsed.error) }
    e = parsed.data
  }
  if (!isCaseEventType(e.type)) return { id, reason: `unknown event type "${e.type.slice(0, 64)}"` }
  // A personal field erased at the kiosk (shared/domain/personal-fields.ts) is still a valid event.
  const payload = caseEventPayloads[e.type].safeParse(withoutErasedMarkers(e.type, e.payload))
  if (!payload.success) return { id, reason: `${e.type}: ${describeIssues(payload.error)}` }
  return null
}

/** What identifies an event's content: everything the kiosk recorded, not where it sat in its log. */
export function bodyHash(e: Omit<PushedEvent, 'kioskSeq'>): string {
  // The envelope in a fixed order, the payload canonical: the same as canonicalJson of the
  // whole body, without sorting the envelope's keys for every event.
  return hash(
    'sha256',
    `{"actor":${JSON.stringify(e.actor)},"at":${JSON.stringify(e.at)},"caseId":${JSON.stringify(e.caseId)},"caseSeq":${e.caseSeq},` +
      `"id":${JSON.stringify(e.id)},"kioskId":${JSON.stringify(e.kioskId)},"payload":${canonicalJson(e.payload)},"type":${JSON.stringify(e.type)}}`,
  )
}
