// Building blocks of the contract: a call is an input schema plus (as a phantom type) its
// output; shared input pieces every domain uses.
import { z } from 'zod'

export interface CallSpec<I extends z.ZodType = z.ZodType, O = unknown> {
  input: I
  /** Never set: carries the output type for inference. */
  readonly output?: O
}

/** `call<Output>()(inputSchema)`: the output is a type only, the input is checked at run time. */
export function call<O>() {
  return <I extends z.ZodType>(input: I): CallSpec<I, O> => ({ input })
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
