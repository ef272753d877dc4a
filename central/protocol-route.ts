// A route of the shared sync protocol (shared/sync-protocol) as Fastify registers it: the
// protocol's zod schemas validate what comes in and what goes out (fastify-type-provider-zod),
// and the same route declaration feeds the generated central/openapi.yaml.
import type { FastifyError, FastifyRequest } from 'fastify'
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod'
import type { SyncRoute } from '../shared/sync-protocol'

const security = { none: undefined, kiosk: [{ kioskToken: [] }], operator: [{ operatorToken: [] }] } as const

/** The route options for `app.route({ ...protocolRoute(r), handler })`, schemas typed. */
export function protocolRoute<R extends SyncRoute>(r: R) {
  const schema = {
    body: r.body as R['body'],
    querystring: r.querystring as R['querystring'],
    params: r.params as R['params'],
    headers: r.headers as R['headers'],
    response: r.response as R['response'],
    summary: r.summary,
    description: r.description,
    security: security[r.auth] as { [scheme: string]: string[] }[] | undefined,
  }
  // Fastify takes a key present but undefined for a schema left out by mistake, and warns.
  for (const key of Object.keys(schema) as (keyof typeof schema)[]) if (schema[key] === undefined) delete schema[key]
  // A HEAD the protocol declares is described; those Fastify adds beside each GET are not.
  return { method: r.method, url: r.url, schema, config: { badRequest: r.badRequest, swagger: { exposeHeadRoute: r.method === 'HEAD' } } }
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** What a 400 says to do (the protocol route's badRequest). */
    badRequest?: string
    swagger?: { exposeHeadRoute?: boolean }
  }
}

/** The message of a request the protocol's schemas refused: what to send, then what did not match. */
export function badRequestMessage(err: FastifyError, req: FastifyRequest): string | null {
  if (!hasZodFastifySchemaValidationErrors(err)) return null
  const where = err.validationContext ?? 'request'
  const details = err.validation
    .slice(0, 3)
    .map((v) => `${where}${v.instancePath.replaceAll('/', '.')}: ${v.message}`)
    .join('; ')
  const hint = req.routeOptions.config.badRequest ?? 'the request does not match the protocol'
  return `${hint} (${details})`
}
