// The service boundary: every call from any transport comes through here. Who may make it is
// decided here alone, from the access the contract declares with each call; input is `unknown`
// until the contract's schema has parsed it; every outcome leaves as a result envelope.
import { calls, isCallName, type CallName, type CallOutput, type CallSpec, type ParsedInput } from '@shared/contract/calls'
import { DomainError, failWith, internalReason, ok, reason, resultError, type Result, type ResultError } from '@shared/contract/result'
import { describeIssues } from '@shared/manifest/record'
import type { Session } from './session'

export type Handler<N extends CallName> = (input: ParsedInput<N>, session: Session) => CallOutput<N> | Promise<CallOutput<N>>
export type Handlers = { [N in CallName]: Handler<N> }

/** The contract's prefixes: `'orders'` for `orders.lookup`. */
export type CallPrefix = CallName extends `${infer P}.${string}` ? P : never

/** Every call of these prefixes, typed from the contract: a module handles whole prefixes. */
export type HandlersOf<P extends CallPrefix> = { [N in CallName as N extends `${P}.${string}` ? N : never]: Handler<N> }

export interface DispatchLog {
  error(message: string, fields?: Record<string, unknown>): void
}

/** The signed-in sessions' keeper (the staff service): idle sign-out, removed staff, activity. */
export interface SessionKeeper {
  /** Signs an idle session out; true when it did. */
  expireIfIdle(session: Session): boolean
  isActive(staffId: string): boolean
  signOut(session: Session, why: 'removed'): void
  touch(session: Session): void
}

/** Sessions as they are, never idle (the dispatcher's own tests). */
const noKeeper: SessionKeeper = { expireIfIdle: () => false, isActive: () => true, signOut: () => {}, touch: () => {} }

/** Why this session may not make this call, or null. The customer's screen reaches only `customer` calls. */
export function refusal(spec: Pick<CallSpec, 'access' | 'passive'>, session: Session, keeper: SessionKeeper = noKeeper): ResultError | null {
  const wentIdle = keeper.expireIfIdle(session)
  if (session.mode === 'customer') {
    if (spec.access.includes('customer')) return null
    return resultError('forbidden', reason('access.customerMode', 'Not available at the customer kiosk. Staff: return to staff mode with your PIN.'))
  }
  if (spec.access.includes('open')) return null
  if (!session.actor) {
    return wentIdle
      ? resultError('unauthorized', reason('access.signedOutIdle', 'Signed out after a while without activity. Sign in again with your staff PIN.'))
      : resultError('unauthorized', reason('access.signInFirst', 'Sign in with your staff PIN first.'))
  }
  if (!keeper.isActive(session.actor)) {
    keeper.signOut(session, 'removed')
    return resultError('unauthorized', reason('access.removed', 'You are no longer on the staff list of this kiosk. Ask a supervisor.'))
  }
  if (!spec.passive) keeper.touch(session)
  if (spec.access.length === 1 && spec.access[0] === 'supervisor' && session.role !== 'supervisor') {
    return resultError('forbidden', reason('access.supervisorOnly', 'A supervisor must sign in to do this.'))
  }
  return null
}

export function createDispatcher(handlers: Handlers, log: DispatchLog, keeper: SessionKeeper = noKeeper) {
  return async function dispatch(name: unknown, input: unknown, session: Session): Promise<Result<unknown>> {
    if (!isCallName(name)) {
      const call = String(name).slice(0, 64)
      return failWith('invalid_input', reason('call.unknown', `Unknown call "${call}".`, { call }))
    }
    const refused = refusal(calls[name], session, keeper)
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
