// The kiosk's HTTP client for the central protocol (central/openapi.yaml). It only speaks
// HTTP: what to send and what a reply means for the outbox is decided by the callers.
import http from 'node:http'
import https from 'node:https'
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

export interface ItemResult {
  id: string
  status: number
  reason?: string
}

export interface ManifestPage {
  records: { orderNumber: string; record: string }[]
  removals: string[]
  cursor: string
  more: boolean
}

export interface PhotoOffset {
  sha256: string
  stored: boolean
  /** Bytes the centre holds: the whole photo when stored, else where to resume. */
  offset: number
}

export interface LinkResult {
  sha256: string
  eventId: string
  status: number
  reason?: string
}

export class CentralClient {
  constructor(
    private readonly baseUrl: string,
    private readonly token: string | null,
    private readonly timeoutMs = 30_000,
  ) {}

  private async request(
    method: string,
    path: string,
    init: { json?: unknown; jsonText?: string; headers?: Record<string, string>; body?: Uint8Array } = {},
  ): Promise<Response> {
    const headers: Record<string, string> = { ...init.headers }
    if (this.token) headers.authorization = `Bearer ${this.token}`
    let body: RequestInit['body']
    if (init.json !== undefined || init.jsonText !== undefined) {
      headers['content-type'] = 'application/json'
      body = init.jsonText ?? JSON.stringify(init.json)
    } else if (init.body) body = init.body as unknown as RequestInit['body']
    let res: Response
    try {
      res = await fetch(new URL(path, this.baseUrl), { method, headers, body, signal: AbortSignal.timeout(this.timeoutMs) })
    } catch (e) {
      throw new CentralError(`central system unreachable: ${(e as Error).cause instanceof Error ? ((e as Error).cause as Error).message : (e as Error).message}`, 0)
    }
    return res
  }

  private async json<T>(res: Response): Promise<T> {
    let text: string
    try {
      text = await res.text()
    } catch (e) {
      throw new CentralError(`the reply was cut: ${(e as Error).message}`, 0)
    }
    if (!res.ok) throw new CentralError(messageOf(text, res.status), res.status)
    try {
      return JSON.parse(text) as T
    } catch {
      throw new CentralError('the reply was not valid JSON', 0)
    }
  }

  async health(): Promise<void> {
    await this.json(await this.request('GET', '/v1/health'))
  }

  async enrol(code: string, kioskId: string): Promise<{ token: string; counterId: string }> {
    return this.json(await this.request('POST', '/v1/enrol', { json: { code, kioskId } }))
  }

  /** `after`: the last kioskSeq of the batch this one follows, when that one's reply is not recorded yet. */
  async pushEvents(events: OutboxEvent[], after?: number): Promise<ItemResult[]> {
    const r = await this.json<{ results: ItemResult[] }>(await this.request('POST', '/v1/events', { jsonText: pushBody(events, after) }))
    return r.results
  }

  /** What the centre holds of each photo, in one request (a HEAD for many). */
  async photoOffsets(sha256: string[]): Promise<PhotoOffset[]> {
    const r = await this.json<{ photos: PhotoOffset[] }>(await this.request('POST', '/v1/photo-offsets', { json: { sha256 } }))
    return r.photos
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
    const res = await this.sendBytes(
      'PATCH',
      `/v1/photos/${sha256}`,
      { 'content-type': 'application/offset+octet-stream', 'upload-offset': String(offset), 'upload-length': String(length) },
      chunk,
    )
    if (res.status === 200 || res.status === 201) return 'stored'
    if (res.status === 204 || res.status === 409) return Number(res.offset ?? 0)
    throw new CentralError(res.status >= 400 ? messageOf(res.text, res.status) : `photo upload answered HTTP ${res.status}`, res.status)
  }

  async linkPhotos(links: { sha256: string; eventId: string }[]): Promise<LinkResult[]> {
    const r = await this.json<{ results: LinkResult[] }>(await this.request('POST', '/v1/photo-links', { json: { links } }))
    return r.results
  }

  async manifestPage(cursor: string, limit: number): Promise<ManifestPage> {
    return this.json(await this.request('GET', `/v1/manifest?cursor=${encodeURIComponent(cursor)}&limit=${limit}`))
  }
}
