// Every call the renderer can make, named `domain.verb`, with its input schema, who may make it
// (define.ts: open, customer, staff, supervisor) and (as a phantom type) its output. The calls
// of one prefix are in calls/<prefix>.ts, and only there. The preload,
// the WebSocket bridge, the service dispatcher and the renderer's API port are all derived
// from this object, so they cannot drift apart.
import type { z } from 'zod'
import { appCalls } from './calls/app'
import { carriersCalls } from './calls/carriers'
import { caseCalls } from './calls/cases'
import { counterCalls } from './calls/counter'
import { deviceCalls } from './calls/devices'
import { handoverCalls } from './calls/handover'
import { intakeCalls } from './calls/intake'
import { labelCalls } from './calls/label'
import { orderCalls } from './calls/orders'
import { packingCalls } from './calls/packing'
import { photoCalls } from './calls/photos'
import { printCalls } from './calls/print'
import { printersCalls } from './calls/printers'
import { privacyCalls } from './calls/privacy'
import { selfcheckCalls } from './calls/selfcheck'
import { sessionCalls } from './calls/session'
import { staffCalls } from './calls/staff'
import { syncCalls } from './calls/sync'
import type { CallSpec } from './define'

export type { Access, CallSpec } from './define'

export const calls = {
  ...appCalls,
  ...sessionCalls,
  ...staffCalls,
  ...orderCalls,
  ...caseCalls,
  ...intakeCalls,
  ...counterCalls,
  ...photoCalls,
  ...packingCalls,
  ...labelCalls,
  ...carriersCalls,
  ...handoverCalls,
  ...selfcheckCalls,
  ...deviceCalls,
  ...printersCalls,
  ...printCalls,
  ...syncCalls,
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
