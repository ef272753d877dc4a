// The service boundary: every call from any transport comes through here. Input is `unknown`
// until the contract's schema has parsed it; every outcome leaves as a result envelope.
import { calls, isCallName, type CallName, type CallOutput, type ParsedInput } from '@shared/contract/calls'
import { DomainError, failWith, internalReason, ok, reason, type Result, type ResultError } from '@shared/contract/result'
import { describeIssues } from '@shared/manifest/record'
import type { Session } from './session'

export type Handler<N extends CallName> = (input: ParsedInput<N>, session: Session) => CallOutput<N> | Promise<CallOutput<N>>
export type Handlers = { [N in CallName]: Handler<N> }

export interface DispatchLog {
  error(message: string, fields?: Record<string, unknown>): void
}

export function createDispatcher(handlers: Handlers, log: DispatchLog, guard?: (name: CallName, session: Session) => ResultError | null) {
  return async function dispatch(name: unknown, input: unknown, session: Session): Promise<Result<unknown>> {
    if (!isCallName(name)) {
      const call = String(name).slice(0, 64)
      return failWith('invalid_input', reason('call.unknown', `Unknown call "${call}".`, { call }))
    }
    // Who may call what (sign-in, role, customer mode): electron/services/staff/access.ts.
    const refused = guard?.(name, session)
    if (refused) return { ok: false, error: refused }
    const parsed = calls[name].input.safeParse(input ?? {})
    if (!parsed.success) {
      const issues = describeIssues(parsed.error)
      return failWith('invalid_input', reason('call.invalidInput', `${name}: ${issues}`, { call: name, issues }))
    }
    try {
      const handler = handlers[name] as (input: unknown, session: Session) => unknown
      return ok(await handler(parsed.data, session))
    } catch (e) {
      if (e instanceof DomainError) return { ok: false, error: e.toResultError() }
      // A bug: keep the detail in the service log, send the renderer only a generic message.
      log.error('call failed', { call: name, error: e instanceof Error ? (e.stack ?? e.message) : String(e) })
      return failWith('internal', internalReason)
    }
  }
}

export type Dispatch = ReturnType<typeof createDispatcher>
