// The kiosk's HTTP client for the central protocol (central/openapi.yaml). It only speaks
// HTTP: what to send and what a reply means for the outbox is decided by the callers.
export class CentralError extends Error {
  constructor(
    message: string,
    /** 0 for a network failure (nothing or a cut reply came back). */
    readonly status: number,
  ) {
    super(message)
    this.name = 'CentralError'
  }

  /** Worth trying again later: the network, a timeout, the server's own trouble. */
  get retriable(): boolean {
    return this.status === 0 || this.status === 408 || this.status === 429 || this.status >= 500
  }

  /** The token is missing, unknown or revoked: only enrolling again helps. */
  get auth(): boolean {
    return this.status === 401 || this.status === 403
  }
}

export interface PushedEvent {
  id: string
  kioskSeq: number
  caseId: string
  caseSeq: number
  type: string
  payload: unknown
  actor: string
  kioskId: string
  at: string
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

  private async request(method: string, path: string, init: { json?: unknown; headers?: Record<string, string>; body?: Uint8Array } = {}): Promise<Response> {
    const headers: Record<string, string> = { ...init.headers }
    if (this.token) headers.authorization = `Bearer ${this.token}`
    let body: RequestInit['body']
    if (init.json !== undefined) {
      headers['content-type'] = 'application/json'
      body = JSON.stringify(init.json)
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
    if (!res.ok) {
      let message = text.slice(0, 300)
      try {
        message = (JSON.parse(text) as { message?: string }).message ?? message
      } catch {
        /* not JSON: keep the text */
      }
      throw new CentralError(message || `HTTP ${res.status}`, res.status)
    }
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

  async pushEvents(events: PushedEvent[]): Promise<ItemResult[]> {
    const r = await this.json<{ results: ItemResult[] }>(await this.request('POST', '/v1/events', { json: { events } }))
    return r.results
  }

  /** 'stored', or how many bytes of a partial upload the server kept. */
  async photoOffset(sha256: string): Promise<'stored' | number> {
    const res = await this.request('HEAD', `/v1/photos/${sha256}`)
    if (res.status === 200) return 'stored'
    if (res.status === 404) return Number(res.headers.get('upload-offset') ?? 0)
    throw new CentralError(`photo check answered HTTP ${res.status}`, res.status)
  }

  /** Sends bytes from `offset`; returns 'stored' or the new confirmed offset. */
  async uploadChunk(sha256: string, offset: number, length: number, chunk: Uint8Array): Promise<'stored' | number> {
    const res = await this.request('PATCH', `/v1/photos/${sha256}`, {
      headers: { 'content-type': 'application/offset+octet-stream', 'upload-offset': String(offset), 'upload-length': String(length) },
      body: chunk,
    })
    if (res.status === 200 || res.status === 201) {
      await res.arrayBuffer().catch(() => {})
      return 'stored'
    }
    if (res.status === 204 || res.status === 409) {
      await res.arrayBuffer().catch(() => {})
      return Number(res.headers.get('upload-offset') ?? 0)
    }
    await this.json(res)
    throw new CentralError(`photo upload answered HTTP ${res.status}`, res.status)
  }

  async linkPhotos(links: { sha256: string; eventId: string }[]): Promise<LinkResult[]> {
    const r = await this.json<{ results: LinkResult[] }>(await this.request('POST', '/v1/photo-links', { json: { links } }))
    return r.results
  }

  async manifestPage(cursor: string, limit: number): Promise<ManifestPage> {
    return this.json(await this.request('GET', `/v1/manifest?cursor=${encodeURIComponent(cursor)}&limit=${limit}`))
  }
}
