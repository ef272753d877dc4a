// The contract over a loopback WebSocket. A socket is accepted only from our own page (its
// Origin is this host) and with the per-start token; each socket gets its own session.
import { timingSafeEqual } from 'node:crypto'
import type { IncomingMessage, Server } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocketServer, type WebSocket } from 'ws'
import { isEventName } from '@shared/contract/events'
import { failWith, internalReason } from '@shared/contract/result'
import { API_PATH, type ClientMessage, type ServerMessage } from '@shared/contract/wire'
import type { Services } from '../services/types'

/** Large enough for a photo (issue of the intake); anything bigger is refused by ws itself. */
const MAX_MESSAGE_BYTES = 16 * 1024 * 1024

function sameToken(given: string | null, expected: string): boolean {
  if (!given) return false
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

function refuse(socket: Duplex, status: number, reason: string): void {
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`)
}

function parseMessage(raw: string): ClientMessage | null {
  let m: unknown
  try {
    m = JSON.parse(raw)
  } catch {
    return null
  }
  if (typeof m !== 'object' || m === null) return null
  const { t, id, name } = m as Record<string, unknown>
  if (t !== 'call' || !Number.isSafeInteger(id) || typeof name !== 'string') return null
  return m as ClientMessage
}

export function attachBridge(server: Server, services: Services, opts: { token: string; origins: readonly string[] }) {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES })

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://host')
    if (url.pathname !== API_PATH) return refuse(socket, 404, 'Not Found')
    if (!opts.origins.includes(req.headers.origin ?? '')) return refuse(socket, 403, 'Forbidden')
    if (!sameToken(url.searchParams.get('token'), opts.token)) return refuse(socket, 401, 'Unauthorized')
    wss.handleUpgrade(req, socket, head, (ws) => serveSocket(ws))
  })

  function serveSocket(ws: WebSocket): void {
    const session = services.openSession()
    const send = (m: ServerMessage) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(m))
    }
    const unsubscribe = services.onEvent((name, payload) => {
      if (isEventName(name) && (services.canReceive?.(session, name) ?? true)) send({ t: 'event', name, payload })
    })
    ws.on('message', async (data, isBinary) => {
      const message = isBinary ? null : parseMessage(data.toString())
      if (!message) {
        ws.close(1003, 'malformed message')
        return
      }
      const result = await services.dispatch(message.name, message.input, session).catch(() => failWith('internal', internalReason))
      send({ t: 'result', id: message.id, result })
    })
    ws.on('close', () => {
      unsubscribe()
      services.closeSession(session)
    })
  }

  return { close: () => wss.close(), clients: () => wss.clients.size }
}
