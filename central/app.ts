// The central service as a Fastify app: build it around a database pool and a photo store,
// then listen (server.ts) or inject requests (tests). Structured logs through pino; tokens and
// personal data are never logged (pino's default request serializer logs method and url only).
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify'
import type { Logger } from 'pino'
import { bearer, kioskForToken, type KioskIdentity } from './auth'
import type { Db } from './db'
import type { PhotoStorage } from './photo-storage'
import { kioskRoutes } from './routes/kiosk'
import { operatorRoutes } from './routes/operator'
import { photoRoutes } from './routes/photos'

export interface CentralOptions {
  db: Db
  photos: PhotoStorage
  logger: Logger | false
  /** The operator's bearer token for /v1/operator/*; without one those routes answer 403. */
  operatorToken?: string
}

declare module 'fastify' {
  interface FastifyRequest {
    kiosk?: KioskIdentity
  }
}

/** The kiosk behind the request's bearer token; answers 401 itself when there is none. */
export async function requireKiosk(db: Db, req: FastifyRequest): Promise<KioskIdentity | null> {
  const token = bearer(req.headers.authorization)
  const kiosk = token ? await kioskForToken(db, token) : null
  if (kiosk) req.kiosk = kiosk
  return kiosk
}

export function buildCentral(options: CentralOptions): FastifyInstance {
  const app = Fastify({
    loggerInstance: options.logger || undefined,
    logger: options.logger ? undefined : false,
    bodyLimit: 16 * 1024 * 1024,
  } as Parameters<typeof Fastify>[0]) as unknown as FastifyInstance
  app.decorateRequest('kiosk', undefined)

  app.get('/v1/health', async (_req, reply) => {
    try {
      await options.db.query('SELECT 1')
      return { ok: true, database: 'up', time: new Date().toISOString() }
    } catch {
      return reply.code(503).send({ ok: false, database: 'down', time: new Date().toISOString() })
    }
  })

  app.setErrorHandler((err: Error & { statusCode?: number }, req, reply) => {
    const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500
    if (status === 500) req.log.error({ err: err.message }, 'request failed')
    void reply.code(status).send({ error: status === 500 ? 'internal' : 'bad_request', message: status === 500 ? 'internal error' : err.message })
  })

  void app.register(async (scope) => kioskRoutes(scope, options))
  void app.register(async (scope) => photoRoutes(scope, options))
  void app.register(async (scope) => operatorRoutes(scope, options))
  return app
}
