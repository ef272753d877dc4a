// The kiosk's HTTP client for the central protocol (shared/sync-protocol). It only speaks
// HTTP: what to send and what a reply means for the outbox is decided by the callers. Every
// reply is parsed with the protocol's schema for its route and status: a reply that does not
// match is a sync error that names the route and what was wrong, never data taken on trust.
import http from 'node:http'
import https from 'node:https'
import type { z } from 'zod'
import { describeIssues } from '@shared/manifest/record'
import { kioskRoutes as routes, type LinkResult, type ManifestPage, type PhotoOffset, type SyncRoute } from '@shared/sync-protocol'
import { pushBody, type OutboxEvent } from './outbox-event'

// Photo bytes go through node:http on kept-alive connections: a request per photo, the
// buffer written as it is (fetch copies a request body and costs more per request).
const agents = {
  'http:': new http.Agent({ keepAlive: true, maxSockets: 16, timeout: 60_000 }),
  'https:': new https.Agent({ keepAlive: true, maxSockets: 16, timeout: 60_000 }),
}

/** The error message of a JSON error body, else the text. */
function messageOf(text: string, status: number): string {
  try {
    return (JSON.parse(text) as { message?: string }).message ?? (text.slice(0, 300) || `HTTP ${status}`)
  } catch {
    return text.slice(0, 300) || `HTTP ${status}`
  }
}

export class CentralError extends Error {
  constructor(
    message: string,
    /** 0 for a network failure (nothing or a cut reply came back). */
    readonly status: number,
  ) {
    super(message)
    this.name = 'CentralError'
  }

  /** Worth trying again later: the network, a timeout, the server's own trouble, or a
   * pipelined batch that arrived before the one it follows could be stored (425). */
  get retriable(): boolean {
    return this.status === 0 || this.status === 408 || this.status === 425 || this.status === 429 || this.status >= 500
  }

  /** The token is missing, unknown or revoked: only enrolling again helps. */
  get auth(): boolean {
    return this.status === 401 || this.status === 403
  }
}

export type ItemResult = z.infer<(typeof routes.pushEvents.response)[200]>['results'][number]
export type { LinkResult, ManifestPage, PhotoOffset }

/** What a route answers on success (its 2xx replies with a body). */
type Success<R extends SyncRoute> = { [S in keyof R['response']]: S extends 200 | 201 ? z.infer<R['response'][S]> : never }[keyof R['response']]
/** What a route takes as its JSON body. */
type BodyOf<R extends SyncRoute> = R['body'] extends z.ZodType ? z.input<R['body']> : never

function protocolMismatch(route: SyncRoute, what: string): CentralError {
  return new CentralError(
    `the central system's reply to ${route.method} ${route.url} does not match the sync protocol (${what}): check that the central URL is right and the service is up to date`,
    0,
  )
}

/** The reply a route declares for this success status, parsed; otherwise a CentralError that says what is wrong. */
function parseReply<R extends SyncRoute>(route: R, status: number, json: unknown): Success<R> {
  const schema = route.response[status]
  if (!schema || status < 200 || status > 299) throw protocolMismatch(route, `HTTP ${status} is not one of its replies`)
  const parsed = schema.safeParse(json)
  if (!parsed.success) throw protocolMismatch(route, describeIssues(parsed.error))
  return parsed.data as Success<R>
}

/** Where the centre's copy of a photo ends, from a reply's Upload-Offset header. */
function uploadOffsetOf(route: SyncRoute, header: string | undefined): number {
  if (header === undefined || !/^\d{1,15}$/.test(header)) throw protocolMismatch(route, `Upload-Offset "${String(header).slice(0, 20)}" is not a byte count`)
  return Number(header)
}

export class CentralClient {
  constructor(
    private readonly baseUrl: string,
    private readonly token: string | null,
    private readonly timeoutMs = 30_000,
  ) {}

  private async request(method: string, path: string, init: { json?: unknown; jsonText?: string } = {}): Promise<Response> {
    const headers: Record<string, string> = {}
    if (this.token) headers.authorization = `Bearer ${this.token}`
    let body: RequestInit['body']
    if (init.json !== undefined || init.jsonText !== undefined) {
      headers['content-type'] = 'application/json'
      body = init.jsonText ?? JSON.stringify(init.json)
    }
    let res: Response
    try {
      res = await fetch(new URL(path, this.baseUrl), { method, headers, body, signal: AbortSignal.timeout(this.timeoutMs) })
    } catch (e) {
      throw new CentralError(`central system unreachable: ${(e as Error).cause instanceof Error ? ((e as Error).cause as Error).message : (e as Error).message}`, 0)
    }
    return res
  }

  /** Calls a JSON route of the protocol and returns its parsed reply. */
  private async call<R extends SyncRoute>(route: R, init: { path?: string; json?: BodyOf<R>; jsonText?: string } = {}): Promise<Success<R>> {
    const res = await this.request(route.method, init.path ?? route.url, init)
    let text: string
    try {
      text = await res.text()
    } catch (e) {
      throw new CentralError(`the reply was cut: ${(e as Error).message}`, 0)
    }
    if (!res.ok) throw new CentralError(messageOf(text, res.status), res.status)
    let json: unknown
    try {
      json = JSON.parse(text)
    } catch {
      throw new CentralError('the reply was not valid JSON', 0)
    }
    return parseReply(route, res.status, json)
  }

  async health(): Promise<void> {
    await this.call(routes.health)
  }

  async enrol(code: string, kioskId: string): Promise<{ token: string; counterId: string }> {
    return this.call(routes.enrol, { json: { code, kioskId } })
  }

  /** `after`: the last kioskSeq of the batch this one follows, when that one's reply is not recorded yet. */
  async pushEvents(events: OutboxEvent[], after?: number): Promise<ItemResult[]> {
    return (await this.call(routes.pushEvents, { jsonText: pushBody(events, after) })).results
  }

  /** What the centre holds of each photo, in one request (a HEAD for many). */
  async photoOffsets(sha256: string[]): Promise<PhotoOffset[]> {
    return (await this.call(routes.photoOffsets, { json: { sha256 } })).photos
  }

  /** One request with a body of bytes; resolves with the whole reply. */
  private sendBytes(method: string, path: string, headers: Record<string, string>, body: Uint8Array): Promise<{ status: number; offset: string | undefined; text: string }> {
    const url = new URL(path, this.baseUrl)
    const client = url.protocol === 'https:' ? https : http
    const agent = url.protocol === 'https:' ? agents['https:'] : agents['http:']
    const all = { ...headers, 'content-length': String(body.byteLength), ...(this.token ? { authorization: `Bearer ${this.token}` } : {}) }
    return new Promise((resolve, reject) => {
      const req = client.request(url, { method, headers: all, agent, timeout: this.timeoutMs }, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => {
          const offset = res.headers['upload-offset']
          resolve({ status: res.statusCode ?? 0, offset: Array.isArray(offset) ? offset[0] : offset, text: Buffer.concat(chunks).toString('utf8') })
        })
        res.on('error', (e) => reject(new CentralError(`the reply was cut: ${e.message}`, 0)))
        res.on('aborted', () => reject(new CentralError('the reply was cut', 0)))
      })
      req.on('timeout', () => req.destroy(new Error('timed out')))
      req.on('error', (e) => reject(new CentralError(`central system unreachable: ${e.message}`, 0)))
      req.end(body)
    })
  }

  /** Sends bytes from `offset`; returns 'stored' or the new confirmed offset. */
  async uploadChunk(sha256: string, offset: number, length: number, chunk: Uint8Array): Promise<'stored' | number> {
    const route = routes.photoPatch
    const res = await this.sendBytes(
      route.method,
      route.url.replace(':sha256', sha256),
      { 'content-type': 'application/offset+octet-stream', 'upload-offset': String(offset), 'upload-length': String(length) },
      chunk,
    )
    if (res.status === 200 || res.status === 201) {
      let json: unknown
      try {
        json = JSON.parse(res.text)
      } catch {
        throw protocolMismatch(route, 'the reply was not valid JSON')
      }
      parseReply(route, res.status, json)
      return 'stored'
    }
    if (res.status === 204 || res.status === 409) return uploadOffsetOf(route, res.offset)
    throw new CentralError(res.status >= 400 ? messageOf(res.text, res.status) : `photo upload answered HTTP ${res.status}`, res.status)
  }

  async linkPhotos(links: { sha256: string; eventId: string }[]): Promise<LinkResult[]> {
    return (await this.call(routes.photoLinks, { json: { links } })).results
  }

  async manifestPage(cursor: string, limit: number): Promise<ManifestPage> {
    return this.call(routes.manifest, { path: `${routes.manifest.url}?cursor=${encodeURIComponent(cursor)}&limit=${limit}` })
  }
}
