// A loopback TCP proxy that misbehaves on purpose, between a kiosk and the central service:
// - dropResponseRate: the server's reply (so after it committed) is thrown away and the
//   connection cut, as when a counter's line drops at the worst moment;
// - cutRequestRate: the connection is cut after a random number of bytes from the client
//   (mid-request, e.g. in the middle of a photo chunk);
// - fail500: while true, requests are answered 500 by the proxy itself (a sick centre).
import net from 'node:net'

export interface FlakyProxyOptions {
  targetPort: number
  dropResponseRate?: number
  cutRequestRate?: number
  /** Upper bound of the random cut offset, in bytes. */
  cutMaxBytes?: number
  random?: () => number
}

export interface FlakyProxy {
  url: string
  stats: { connections: number; droppedResponses: number; cutRequests: number; answered500: number }
  options: FlakyProxyOptions & { fail500?: boolean }
  close(): Promise<void>
}

const RESPONSE_500 = 'HTTP/1.1 500 Internal Server Error\r\ncontent-type: application/json\r\ncontent-length: 38\r\nconnection: close\r\n\r\n{"error":"internal","message":"oops"}\n'

export async function startFlakyProxy(options: FlakyProxyOptions): Promise<FlakyProxy> {
  const random = options.random ?? Math.random
  const sockets = new Set<net.Socket>()
  const proxy: FlakyProxy = {
    url: '',
    stats: { connections: 0, droppedResponses: 0, cutRequests: 0, answered500: 0 },
    options: { ...options },
    close: () => new Promise((resolve) => {
      for (const s of sockets) s.destroy()
      server.close(() => resolve())
    }),
  }
  const server = net.createServer((client) => {
    proxy.stats.connections++
    sockets.add(client)
    client.on('close', () => sockets.delete(client))
    client.on('error', () => {})
    if (proxy.options.fail500) {
      client.once('data', () => {
        proxy.stats.answered500++
        client.end(RESPONSE_500)
      })
      return
    }
    const upstream = net.connect(options.targetPort, '127.0.0.1')
    sockets.add(upstream)
    upstream.on('close', () => {
      sockets.delete(upstream)
      client.destroy()
    })
    upstream.on('error', () => client.destroy())
    client.on('close', () => upstream.destroy())
    const o = proxy.options
    // Each request (the client's bytes after a reply) rolls its own cut: at a random offset into it.
    let cutAt = Infinity
    let sent = 0
    let awaitingReply = false
    let cut = false
    client.on('data', (chunk: Buffer) => {
      // After a cut nothing more goes through: the server must never see bytes after a gap.
      if (cut) return
      if (!awaitingReply) {
        awaitingReply = true
        sent = 0
        cutAt = o.cutRequestRate && random() < o.cutRequestRate ? 1 + Math.floor(random() * (o.cutMaxBytes ?? 400_000)) : Infinity
      }
      if (sent + chunk.length >= cutAt) {
        upstream.write(chunk.subarray(0, Math.max(0, cutAt - sent)))
        proxy.stats.cutRequests++
        // Let the partial bytes reach the server before the cut.
        setTimeout(() => {
          upstream.destroy()
          client.destroy()
        }, 20)
        cut = true
        return
      }
      sent += chunk.length
      upstream.write(chunk)
    })
    upstream.on('data', (chunk: Buffer) => {
      if (awaitingReply && o.dropResponseRate && random() < o.dropResponseRate) {
        proxy.stats.droppedResponses++
        client.destroy()
        upstream.destroy()
        return
      }
      awaitingReply = false
      client.write(chunk)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  proxy.url = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`
  return proxy
}
