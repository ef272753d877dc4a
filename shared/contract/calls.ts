// Every call the renderer can make, named `domain.verb`, with its input schema and (as a
// phantom type) its output. Each domain lists its calls in calls/<domain>.ts. The preload,
// the WebSocket bridge, the service dispatcher and the renderer's API port are all derived
// from this object, so they cannot drift apart.
import type { z } from 'zod'
import { appCalls } from './calls/app'
import { caseCalls } from './calls/cases'
import { diagnosticsCalls } from './calls/diagnostics'
import { deviceCalls } from './calls/devices'
import { handoverCalls } from './calls/handover'
import { intakeCalls } from './calls/intake'
import { packingCalls } from './calls/packing'
import { photoCalls } from './calls/photos'
import { selfcheckCalls } from './calls/selfcheck'
import { orderCalls } from './calls/orders'
import { printingCalls } from './calls/printing'
import { privacyCalls } from './calls/privacy'
import { staffCalls } from './calls/staff'
import { syncCalls } from './calls/sync'
import type { CallSpec } from './define'

export type { CallSpec } from './define'

export const calls = {
  ...appCalls,
  ...diagnosticsCalls,
  ...orderCalls,
  ...caseCalls,
  ...staffCalls,
  ...deviceCalls,
  ...printingCalls,
  ...syncCalls,
  ...intakeCalls,
  ...photoCalls,
  ...packingCalls,
  ...handoverCalls,
  ...selfcheckCalls,
  ...privacyCalls,
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
