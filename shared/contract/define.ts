// Building blocks of the contract: a call is an input schema, who may make it, and (as a
// phantom type) its output; shared input pieces every domain uses.
import { z } from 'zod'

/**
 * Who may make a call; the service dispatcher (electron/services/dispatch.ts) enforces it
 * before the input is even read:
 * - `open`: anyone at the staff screen, signed in or not;
 * - `customer`: the customer's self-check screen, and signed-in staff;
 * - `staff`: a signed-in staff member or supervisor;
 * - `supervisor`: a signed-in supervisor.
 * A call open to both screens lists both: `['open', 'customer']`.
 */
export const accessLevels = ['open', 'customer', 'staff', 'supervisor'] as const
export type Access = (typeof accessLevels)[number]

export interface CallSpec<I extends z.ZodType = z.ZodType, O = unknown> {
  input: I
  access: readonly Access[]
  /** Made by the screen on its own (start-up, polling): not the person's activity, so it does not keep a session awake. */
  passive: boolean
  /** Never set: carries the output type for inference. */
  readonly output?: O
}

/** `call<Output>(access)(inputSchema)`: the output is a type only, the input is checked at run time. */
export function call<O>(access: Access | readonly Access[], options: { passive?: boolean } = {}) {
  const levels = typeof access === 'string' ? [access] : access
  return <I extends z.ZodType>(input: I): CallSpec<I, O> => ({ input, access: levels, passive: options.passive ?? false })
}

export const none = z.strictObject({})

/** Scanned or typed codes: printable, bounded, no control characters. */
export const code = z
  .string()
  .trim()
  .min(1, 'is empty')
  .max(256, 'is longer than any label code (256 characters)')
  .regex(/^[^\p{Cc}]+$/u, 'contains control characters')

export const id = z.string().min(1).max(64)
