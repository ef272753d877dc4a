// The central service as a Fastify app: build it around a database pool and a photo store,
// then listen (server.ts) or inject requests (tests). Structured logs through pino; tokens and
// personal data are never logged (one line per response: method, route pattern, status, time).
import Fastify, { LogController, type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify'
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod'
import type { Logger } from 'pino'
import { bearer, kioskForTokenHash, sha256Hex, type KioskIdentity } from './auth'
import { CaseProjector } from './case-projector'
import type { Db } from './db'
import type { PhotoStorage } from './photo-storage'
import { badRequestMessage, protocolRoute } from './protocol-route'
import { PushOrder } from './push-order'
import { TokenCache } from './token-cache'
import { kioskRoutes as protocol } from '../shared/sync-protocol'
import { kioskRoutes } from './routes/kiosk'
import { operatorRoutes } from './routes/operator'
import { photoRoutes } from './routes/photos'

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

/** Two log lines for each of thousands of photo requests cost more than the upload's own
 * bookkeeping: one line per response instead, at info for failures, debug otherwise. */
class OneLinePerRequest extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(error: Error | null, req: FastifyRequest, reply: FastifyReply): void {
    const line = { method: req.method, url: req.routeOptions.url ?? req.url.split('?')[0], status: reply.statusCode, ms: Math.round(reply.elapsedTime) }
    if (error || reply.statusCode >= 400) req.log.info(line, 'request failed')
    else req.log.debug(line, 'request completed')
  }
}

export function buildCentral(options: CentralOptions): FastifyInstance {
  const app = Fastify({
    loggerInstance: options.logger || undefined,
    logger: options.logger ? undefined : false,
    bodyLimit: 16 * 1024 * 1024,
    logController: new OneLinePerRequest(),
  } as Parameters<typeof Fastify>[0]) as unknown as FastifyInstance
  // Requests and replies are checked against the shared protocol's zod schemas.
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  app.decorateRequest('kiosk', undefined)
  app.decorateRequest('tokenHash', undefined)
  const rt: CentralRuntime = {
    ...options,
    tokens: new TokenCache(options.tokenCacheMs ?? 5000),
    pushOrder: new PushOrder(),
    projector: new CaseProjector(options.db, options.projectionQuietMs ?? 1000, (e) => app.log.error({ err: (e as Error).message }, 'cases projection failed')),
  }
  app.addHook('onClose', () => rt.projector.close())
  if (options.describe) void options.describe(app)

  app.setErrorHandler((err: FastifyError, req, reply) => {
    const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500
    // A reply that does not match the protocol is the centre's own fault: logged, answered 500.
    if (status === 500) req.log.error({ err: err.message }, 'request failed')
    const message = status === 500 ? 'internal error' : (badRequestMessage(err, req) ?? err.message)
    void reply.code(status).send({ error: status === 500 ? 'internal' : 'bad_request', message })
  })

  // In a plugin, as every route is, so that a describing plugin (openapi.ts) sees it too.
  void app.register(async (scope) =>
    scope.withTypeProvider<ZodTypeProvider>().route({
      ...protocolRoute(protocol.health),
      handler: async (_req, reply) => {
        try {
          await options.db.query('SELECT 1')
          return { ok: true as const, database: 'up' as const, time: new Date().toISOString() }
        } catch {
          return reply.code(503).send({ ok: false, database: 'down', time: new Date().toISOString() })
        }
      },
    }),
  )
  void app.register(async (scope) => kioskRoutes(scope, rt))
  void app.register(async (scope) => photoRoutes(scope, rt))
  void app.register(async (scope) => operatorRoutes(scope, rt))
  return app
}
