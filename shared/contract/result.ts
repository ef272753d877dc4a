// The result envelope that crosses every boundary (IPC, WebSocket, sync). Raw Errors never
// cross: a caller always gets a code it can branch on, a reason key (with the values its text
// needs) the screen translates, and an English message for logs, tools and a screen that has no
// text for the key yet.

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

/** Values a reason's text needs. A YYYY-MM-DD string is a date the screen formats; a list is joined. */
export type ReasonParams = Record<string, string | number | readonly string[]>

/** Why a call failed: a stable key (`label.expired`), its values, and the English text. */
export interface Reason {
  key: string
  message: string
  params?: ReasonParams
}

/** A reason, written where the error is raised so each key's English text sits beside it. */
export function reason(key: string, message: string, params?: ReasonParams): Reason {
  return params === undefined ? { key, message } : { key, message, params }
}

export interface ResultError {
  code: ErrorCode
  message: string
  /** The reason key the screen translates (renderer i18n `reason.<key>`); the message is the fallback. */
  key?: string
  params?: ReasonParams
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

/** A bug: the detail stays in the service log; every caller gets this. */
export const internalReason = reason('internal', 'Something went wrong on this kiosk. The error was logged; please try again.')

/** A failure with its reason key: what every service and transport sends. */
export function failWith(code: ErrorCode, why: Reason, details?: unknown): Result<never> {
  return { ok: false, error: resultError(code, why, details) }
}

export function resultError(code: ErrorCode, why: Reason, details?: unknown): ResultError {
  return {
    code,
    message: why.message,
    key: why.key,
    ...(why.params !== undefined ? { params: why.params } : {}),
    ...(details !== undefined ? { details } : {}),
  }
}

/** A failure a service throws on purpose; the dispatcher turns it into a typed envelope. */
export class DomainError extends Error {
  readonly key: string
  readonly params: ReasonParams | undefined
  constructor(
    readonly code: ErrorCode,
    why: Reason,
    readonly details?: unknown,
  ) {
    super(why.message)
    this.name = 'DomainError'
    this.key = why.key
    this.params = why.params
  }

  toResultError(): ResultError {
    return resultError(this.code, { key: this.key, message: this.message, ...(this.params !== undefined ? { params: this.params } : {}) }, this.details)
  }
}
