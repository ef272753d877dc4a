// Every call the renderer can make, named `domain.verb`, with its input schema and (as a
// phantom type) its output. The preload, the WebSocket bridge, the service dispatcher and the
// renderer's API port are all derived from this object, so they cannot drift apart.
import { z } from 'zod'
import type { AppInfo, CaseDetail, CaseSummary, OrderMatch, OrderView } from './views'

export interface CallSpec<I extends z.ZodType = z.ZodType, O = unknown> {
  input: I
  /** Never set: carries the output type for inference. */
  readonly output?: O
}

/** `call<Output>()(inputSchema)`: the output is a type only, the input is checked at run time. */
export function call<O>() {
  return <I extends z.ZodType>(input: I): CallSpec<I, O> => ({ input })
}

const none = z.strictObject({})
/** Scanned or typed codes: printable, bounded, no control characters. */
const code = z
  .string()
  .trim()
  .min(1, 'is empty')
  .max(256, 'is longer than any label code (256 characters)')
  .regex(/^[^\p{Cc}]+$/u, 'contains control characters')
const id = z.string().min(1).max(64)

export const calls = {
  'app.info': call<AppInfo>()(none),
  'orders.lookup': call<OrderMatch>()(z.strictObject({ code })),
  'orders.search': call<OrderView[]>()(
    z.strictObject({
      query: z.string().trim().min(2, 'needs at least 2 characters').max(120),
      limit: z.number().int().min(1).max(50).default(20),
    }),
  ),
  'cases.start': call<CaseSummary>()(
    z.strictObject({ orderNumber: id, via: z.enum(['scan', 'search']), code: code.optional() }),
  ),
  'cases.today': call<CaseSummary[]>()(none),
  'cases.get': call<CaseDetail>()(z.strictObject({ caseId: id })),
} satisfies Record<string, CallSpec>

export type Calls = typeof calls
export type CallName = keyof Calls
export type CallInput<N extends CallName> = z.input<Calls[N]['input']>
export type ParsedInput<N extends CallName> = z.output<Calls[N]['input']>
export type CallOutput<N extends CallName> = Calls[N] extends CallSpec<z.ZodType, infer O> ? O : never

export const callNames = Object.keys(calls) as CallName[]

export function isCallName(name: unknown): name is CallName {
  return typeof name === 'string' && Object.hasOwn(calls, name)
}
