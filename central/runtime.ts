// What the central service's routes share: its options, the runtime built once per app, and
// the kiosk behind a request's bearer token.
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { Logger } from 'pino'
import { bearer, kioskForTokenHash, sha256Hex, type KioskIdentity } from './auth'
import type { CaseProjector } from './case-projector'
import type { Db } from './db'
import type { PhotoStorage } from './photo-storage'
import type { PushOrder } from './push-order'
import type { TokenCache } from './token-cache'

export interface CentralOptions {
  db: Db
  photos: PhotoStorage
  logger: Logger | false
  /** The operator's bearer token for /v1/operator/*; without one those routes answer 403. */
  operatorToken?: string
  /** How long a valid kiosk token is trusted without a query (default 5 s; 0: always ask). */
  tokenCacheMs?: number
  /** How long a pipelined batch waits for the batch it follows before 425 (default 10 s). */
  pushOrderWaitMs?: number
  /** How long a kiosk's pushes must be quiet before its cases are projected (default 1 s). */
  projectionQuietMs?: number
  /** Registers a plugin that sees every route before they are added (openapi.ts: @fastify/swagger). */
  describe?: (app: FastifyInstance) => unknown
}

/** What the routes share beside the options: built once per app. */
export interface CentralRuntime extends CentralOptions {
  tokens: TokenCache
  pushOrder: PushOrder
  projector: CaseProjector
}

declare module 'fastify' {
  interface FastifyRequest {
    kiosk?: KioskIdentity
    /** sha256 of the kiosk's bearer token (what the database stores). */
    tokenHash?: string
  }
}

/** The kiosk behind the request's bearer token, or null (the caller answers 401). */
export async function requireKiosk(rt: Pick<CentralRuntime, 'db' | 'tokens'>, req: FastifyRequest): Promise<KioskIdentity | null> {
  const token = bearer(req.headers.authorization)
  if (!token) return null
  const tokenHash = sha256Hex(token)
  let kiosk = rt.tokens.get(tokenHash)
  if (!kiosk) {
    kiosk = await kioskForTokenHash(rt.db, tokenHash)
    if (kiosk) rt.tokens.set(tokenHash, kiosk)
  }
  if (kiosk) {
    req.kiosk = kiosk
    req.tokenHash = tokenHash
  }
  return kiosk
}
