// The browser-mode transport: contract calls and events over the loopback WebSocket, with
// reconnection. A call made while the socket is down waits for it (up to a limit) rather than
// failing at once, so a brief host restart does not lose a click.
import { ref } from 'vue'
import { buildApi } from '@shared/contract/api'
import type { CallName } from '@shared/contract/calls'
import type { EventName } from '@shared/contract/events'
import { failWith, reason, type Result } from '@shared/contract/result'
import { API_PATH, type ServerMessage } from '@shared/contract/wire'
import type { ApiPort, ConnectionState } from './port'

const CALL_TIMEOUT_MS = 30_000
const MAX_BACKOFF_MS = 5_000

export function connectBrowserApi(origin: string, token: string): ApiPort {
  const connection = ref<ConnectionState>('connecting')
  const pending = new Map<number, { resolve: (r: Result<unknown>) => void; timer: ReturnType<typeof setTimeout> }>()
  const outbox: string[] = []
  const listeners = new Map<string, Set<(payload: unknown) => void>>()
  let socket: WebSocket | null = null
  let nextId = 1
  let failures = 0
  let everOpened = false

  function open(): void {
    connection.value = 'connecting'
    const url = `${origin.replace(/^http/, 'ws')}${API_PATH}?token=${encodeURIComponent(token)}`
    const ws = new WebSocket(url)
    socket = ws
    ws.onopen = () => {
      failures = 0
      everOpened = true
      connection.value = 'open'
      for (const m of outbox.splice(0)) ws.send(m)
    }
    ws.onmessage = (e) => receive(JSON.parse(String(e.data)) as ServerMessage)
    ws.onclose = () => {
      socket = null
      failures++
      // Never opened and failing: most likely a stale token after the host restarted.
      connection.value = !everOpened && failures >= 3 ? 'refused' : 'closed'
      setTimeout(open, Math.min(MAX_BACKOFF_MS, 250 * 2 ** failures))
    }
  }

  function receive(m: ServerMessage): void {
    if (m.t === 'result') {
      const p = pending.get(m.id)
      if (!p) return
      clearTimeout(p.timer)
      pending.delete(m.id)
      p.resolve(m.result)
    } else if (m.t === 'event') {
      for (const l of listeners.get(m.name) ?? []) l(m.payload)
    }
  }

  function invoke(name: CallName, input: unknown): Promise<Result<unknown>> {
    return new Promise((resolve) => {
      const id = nextId++
      const timer = setTimeout(() => {
        pending.delete(id)
        resolve(failWith('unavailable', reason('call.timedOut', 'The kiosk services did not answer in time. Check that DropDesk is running, then try again.')))
      }, CALL_TIMEOUT_MS)
      pending.set(id, { resolve, timer })
      const message = JSON.stringify({ t: 'call', id, name, input })
      if (socket?.readyState === WebSocket.OPEN) socket.send(message)
      else outbox.push(message)
    })
  }

  function subscribe(name: EventName, listener: (payload: unknown) => void): () => void {
    let set = listeners.get(name)
    if (!set) listeners.set(name, (set = new Set()))
    set.add(listener)
    return () => set.delete(listener)
  }

  open()
  return { api: buildApi(invoke, subscribe), connection }
}
