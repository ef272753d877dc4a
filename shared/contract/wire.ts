// Messages on the browser-mode WebSocket. Calls and events are the contract's; this is only
// the framing. Both ends validate what they receive.
import type { Result } from './result'

export type ClientMessage = { t: 'call'; id: number; name: string; input: unknown }
export type ServerMessage =
  | { t: 'result'; id: number; result: Result<unknown> }
  | { t: 'event'; name: string; payload: unknown }

/** The socket's path on the host; the per-start token goes in its query. */
export const API_PATH = '/api'
