// The renderer-facing API, derived from the contract: `api.orders.lookup({ code })` for the call
// `orders.lookup`, and `api.on('scanner.scanned', ...)` for push events. The preload builds it
// over Electron IPC and the browser-mode client over a WebSocket, both with `buildApi`, so the
// two transports expose exactly the same named functions and cannot drift from the contract.
// Pure TypeScript: no electron, node or DOM imports (it runs in the preload and the renderer).
import { callNames, type CallInput, type CallName, type CallOutput } from './calls'
import { isEventName, type EventName, type EventPayload } from './events'
import { failWith, reason, type Result } from './result'

/** `'orders.lookup'` → `'orders'`; a verb may itself contain dots, the domain never does. */
export type DomainName = CallName extends infer N ? (N extends `${infer D}.${string}` ? D : never) : never

/** The calls of one domain, keyed by verb. */
export type DomainApi<D extends DomainName> = {
  readonly [N in CallName as N extends `${D}.${infer V}` ? V : never]: (
    input: CallInput<N>,
  ) => Promise<Result<CallOutput<N>>>
}

export type EventSubscriber = <E extends EventName>(
  event: E,
  listener: (payload: EventPayload<E>) => void,
) => () => void

export type DropDeskApi = { readonly [D in DomainName]: DomainApi<D> } & { readonly on: EventSubscriber }

export type DropDeskTransport = 'electron' | 'browser'

/** What the preload (or the browser-mode bootstrap) puts on `window`; env.d.ts declares it. */
export interface DropDeskGlobals {
  dropdesk: DropDeskApi
  dropdeskTransport: DropDeskTransport
}

export type Invoke = (name: CallName, input: unknown) => Promise<Result<unknown>>
export type Subscribe = (name: EventName, listener: (payload: unknown) => void) => () => void

/**
 * One named function per contract call, and a checked `on`. There is deliberately no generic
 * `invoke(name)` on the result: a compromised renderer can only reach the calls listed here.
 */
export function buildApi(invoke: Invoke, subscribe: Subscribe): DropDeskApi {
  const domains: Record<string, Record<string, (input: unknown) => Promise<Result<unknown>>>> = {}
  for (const name of callNames) {
    const dot = name.indexOf('.')
    const domain = name.slice(0, dot)
    const verb = name.slice(dot + 1)
    if (domain === 'on') throw new Error('A contract domain cannot be named "on": that is the event subscriber.')
    const verbs = (domains[domain] ??= {})
    verbs[verb] = (input: unknown) => callSafely(invoke, name, input)
  }
  const on = (event: EventName, listener: (payload: unknown) => void): (() => void) => {
    // The renderer is untrusted input too: refuse names the contract does not know, so a typo
    // fails loudly instead of silently never firing, and no other channel can be listened to.
    if (!isEventName(event)) throw new TypeError(`Unknown event "${String(event).slice(0, 64)}".`)
    if (typeof listener !== 'function') throw new TypeError(`The listener for "${event}" is not a function.`)
    return subscribe(event, listener)
  }
  const api: Record<string, unknown> = {}
  for (const [domain, verbs] of Object.entries(domains)) api[domain] = Object.freeze(verbs)
  api.on = on
  return Object.freeze(api) as DropDeskApi
}

/** The renderer only ever handles envelopes: a transport failure becomes one too. */
async function callSafely(invoke: Invoke, name: CallName, input: unknown): Promise<Result<unknown>> {
  try {
    return await invoke(name, input)
  } catch {
    return failWith('unavailable', reason('call.noAnswer', `The kiosk services did not answer "${name}". Please try again.`, { call: name }))
  }
}
