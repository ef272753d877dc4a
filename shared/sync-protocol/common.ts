// Pieces several endpoints share: the error reply, and the names used on the wire.
import { z } from 'zod'

/** Every refusal and failure: a short code and a sentence that says what to do. */
export const errorReply = z
  .object({
    error: z.string().describe('A short code: bad_request, unauthorized, forbidden, out_of_order, …'),
    message: z.string().describe('What to do next, in words.'),
  })
  .describe('A refusal or a failure')
export type ErrorReply = z.infer<typeof errorReply>

/** A reply that is only a status and its headers. */
export const noBody = (description: string) => z.null().describe(description)

/** A photo's name: the SHA-256 of its bytes, in lowercase hex. */
export const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/)

/** A kiosk's or a counter's id. */
export const plainId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/)

/** The message of a refusal sent without a valid kiosk token. */
export const UNAUTHORIZED: ErrorReply = { error: 'unauthorized', message: 'missing, unknown or revoked kiosk token: enrol this kiosk again' }
