// The kill storm's client of the browser-mode host: the API socket the renderer uses (token in
// the query, the host's own Origin), where every call ends in exactly one of three ways: the
// host's ok reply (the step is confirmed: the UI would show it as done), its error reply, or
// 'lost' when the socket dies first (the host was killed: the step may or may not be recorded).
import WebSocket from 'ws'
import type { ResultError } from '@shared/contract/result'
import { API_PATH, type ClientMessage, type ServerMessage } from '@shared/contract/wire'
import type { RunningHost } from './host'

export type Reply<T = unknown> = { kind: 'ok'; value: T } | { kind: 'error'; error: ResultError } | { kind: 'lost' }

export interface StormSocket {
  call<T = unknown>(name: string, input: unknown): Promise<Reply<T>>
  /** Settles once the socket is gone (every call still waiting was answered 'lost' by then). */
  readonly closed: Promise<void>
  close(): void
}

export async function connectSocket(host: RunningHost): Promise<StormSocket> {
  const ws = new WebSocket(`${host.origin.replace('http', 'ws')}${API_PATH}?token=${host.token}`, { headers: { Origin: host.origin } })
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject))
  const waiting = new Map<number, (reply: Reply) => void>()
  let next = 1
  // A killed host resets the connection: the error is expected, the close below settles the calls.
  ws.on('error', () => {})
  const closed = new Promise<void>((resolve) =>
    ws.once('close', () => {
      for (const settle of waiting.values()) settle({ kind: 'lost' })
      waiting.clear()
      resolve()
    }),
  )
  ws.on('message', (data) => {
    const m = JSON.parse(data.toString()) as ServerMessage
    if (m.t !== 'result') return
    const settle = waiting.get(m.id)
    waiting.delete(m.id)
    settle?.(m.result.ok ? { kind: 'ok', value: m.result.value } : { kind: 'error', error: m.result.error })
  })
  return {
    call: <T>(name: string, input: unknown) =>
      new Promise<Reply<T>>((resolve) => {
        if (ws.readyState !== ws.OPEN) return resolve({ kind: 'lost' })
        const id = next++
        waiting.set(id, resolve as (reply: Reply) => void)
        const message: ClientMessage = { t: 'call', id, name, input }
        ws.send(JSON.stringify(message))
      }),
    closed,
    close: () => ws.close(),
  }
}
