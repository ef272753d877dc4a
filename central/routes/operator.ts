// The operator's side: enrolment codes, revocation, and read access to what kiosks sent
// (cases by counter and local date, one case with its events and photos, a photo's bytes).
// Guarded by the operator token given at start (--operator-token or CENTRAL_OPERATOR_TOKEN).
import { timingSafeEqual } from 'node:crypto'
import type { FastifyInstance, FastifyReply } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { operatorRoutes as routes } from '../../shared/sync-protocol'
import { bearer, createEnrolmentCode, revokeKiosk } from '../auth'
import type { CentralRuntime } from '../app'
import { SHA256_HEX } from '../photo-storage'
import { protocolRoute } from '../protocol-route'

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

export async function operatorRoutes(scope: FastifyInstance, { db, photos, operatorToken, tokens, projector }: CentralRuntime): Promise<void> {
  const app = scope.withTypeProvider<ZodTypeProvider>()
  app.addHook('preValidation', async (req, reply) => {
    const token = bearer(req.headers.authorization)
    if (!operatorToken || !token || !sameToken(token, operatorToken)) {
      return reply.code(403).send({ error: 'forbidden', message: 'operator token required' })
    }
  })
  app.addHook('preHandler', async (req) => {
    // Pushes do not project cases (case-projector.ts): a read of cases brings them up to date
    // first, so an operator never sees a case behind the events stored for it.
    if (req.method === 'GET' && req.routeOptions.url?.startsWith('/v1/operator/cases')) await projector.catchUpAll()
  })

  app.route({
    ...protocolRoute(routes.createEnrolmentCode),
    handler: async (req, reply) => reply.code(201).send(await createEnrolmentCode(db, req.body.counterId, req.body.ttlHours)),
  })

  app.route({
    ...protocolRoute(routes.revokeKiosk),
    handler: async (req, reply) => {
      const { kioskId } = req.params
      const revoked = await revokeKiosk(db, kioskId)
      tokens.forgetKiosk(kioskId)
      return revoked ? { revoked: kioskId } : reply.code(404).send({ error: 'not_found', message: 'no active kiosk with this id' })
    },
  })

  app.route({
    ...protocolRoute(routes.casesByDay),
    handler: async (req) => {
      const r = await db.query(
        `SELECT id, kiosk_id AS "kioskId", counter_id AS "counterId", case_number AS "caseNumber", order_number AS "orderNumber",
                case_type AS "caseType", status, started_at AS "startedAt", updated_at AS "updatedAt", event_count AS "eventCount"
         FROM cases WHERE counter_id = $1 AND started_at IS NOT NULL
           AND (started_at::timestamptz AT TIME ZONE $3)::date = $2::date
         ORDER BY started_at, id`,
        [req.query.counter, req.query.date, req.query.tz ?? 'UTC'],
      )
      return { cases: r.rows }
    },
  })

  app.route({
    ...protocolRoute(routes.caseDetail),
    handler: async (req, reply) => {
      const { caseId } = req.params
      const c = await db.query('SELECT id, kiosk_id AS "kioskId", counter_id AS "counterId", status, state, event_count AS "eventCount" FROM cases WHERE id = $1', [caseId])
      if (!c.rows[0]) return reply.code(404).send({ error: 'not_found', message: 'no such case' })
      const events = await db.query(
        `SELECT id, kiosk_seq::float8 AS "kioskSeq", case_seq AS "caseSeq", type, payload, actor, kiosk_id AS "kioskId", at,
                to_char(received_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "receivedAt"
         FROM events WHERE case_id = $1 ORDER BY case_seq, received_seq`,
        [caseId],
      )
      const linked = await db.query(
        'SELECT l.sha256, l.event_id AS "eventId", p.size::float8 AS size FROM photo_links l JOIN photos p USING (sha256) WHERE l.case_id = $1 ORDER BY l.sha256',
        [caseId],
      )
      return { case: c.rows[0], events: events.rows, photos: linked.rows }
    },
  })

  app.route({
    ...protocolRoute(routes.photoBytes),
    handler: async (req, reply) => {
      const { sha256 } = req.params
      if (!SHA256_HEX.test(sha256) || (await photos.size(sha256)) === null) return reply.code(404).send({ error: 'not_found', message: 'no such photo' })
      // The bytes themselves: a stream, outside the JSON replies the schemas describe.
      return (reply as FastifyReply).type('image/jpeg').send(photos.read(sha256))
    },
  })
}
