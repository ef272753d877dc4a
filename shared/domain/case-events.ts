// The events a case is made of. Each is appended to the event log with who, when and which
// kiosk (the envelope); the payload below is what the event itself says. Payloads carry
// references (order number) rather than personal data, so the log can be kept forever and
// synced while names stay in the orders cache, where retention can purge them.
import { z } from 'zod'
import { caseTypes } from '../manifest/record'

export const caseEventPayloads = {
  'case.started': z.object({
    caseNumber: z.string().min(1),
    orderNumber: z.string().min(1),
    caseType: z.enum(caseTypes),
    /** How staff found the order: a scan of one of its codes, or a manual search. */
    via: z.enum(['scan', 'search']),
    code: z.string().optional(),
  }),
  'order.verified': z.object({
    orderNumber: z.string().min(1),
  }),
} as const

export type CaseEventType = keyof typeof caseEventPayloads
export type CaseEventPayload<T extends CaseEventType> = z.infer<(typeof caseEventPayloads)[T]>

/** An event as stored: the envelope plus its payload. */
export interface CaseEvent<T extends CaseEventType = CaseEventType> {
  id: string
  caseId: string
  caseSeq: number
  type: T
  payload: CaseEventPayload<T>
  actor: string
  kioskId: string
  at: string
}

export function isCaseEventType(type: string): type is CaseEventType {
  return Object.hasOwn(caseEventPayloads, type)
}
