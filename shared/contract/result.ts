// The result envelope that crosses every boundary (IPC, WebSocket, sync). Raw Errors never
// cross: a caller always gets a code it can branch on and a message it can show.

export const errorCodes = [
  'invalid_input', // the input does not match the call's schema
  'not_found', // nothing matches (an unknown code, a missing case)
  'conflict', // the request clashes with what is recorded (a case already open)
  'illegal_transition', // the case state machine forbids this step now
  'unauthorized', // no one signed in, or a bad token
  'forbidden', // signed in, but the role or mode does not allow it
  'unavailable', // a device or peer is not reachable right now
  'internal', // a bug: logged on the service side, reported generically here
] as const

export type ErrorCode = (typeof errorCodes)[number]

export interface ResultError {
  code: ErrorCode
  message: string
  /** Optional machine-readable detail (e.g. the field paths that failed validation). */
  details?: unknown
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ResultError }

export function ok<T>(value: T): Result<T> {
  return { ok: true, value }
}

export function fail(code: ErrorCode, message: string, details?: unknown): Result<never> {
  return details === undefined
    ? { ok: false, error: { code, message } }
    : { ok: false, error: { code, message, details } }
}

/** A failure a service throws on purpose; the dispatcher turns it into a typed envelope. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message)
    this.name = 'DomainError'
  }
}
