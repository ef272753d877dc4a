// What a kiosk calls: enrolment, event push, manifest pull, photo links. Every route but
// enrolment needs the kiosk's bearer token.
import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { enrolKiosk } from '../auth'
import { requireKiosk, type CentralOptions } from '../app'
import { ingestEvents } from '../events-ingest'
import { manifestPage } from '../manifest-store'
import { linkPhotos } from '../photo-links'

const enrolBody = z.object({ code: z.string().min(1).max(64), kioskId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) })
const pushBody = z.object({ events: z.array(z.unknown()).min(1).max(5000) })
const linksBody = z.object({
  links: z.array(z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/), eventId: z.string().min(1).max(64) })).min(1).max(5000),
})
const manifestQuery = z.object({ cursor: z.string().regex(/^\d{1,19}$/).optional(), limit: z.coerce.number().int().min(1).max(10_000).optional() })

export async function kioskRoutes(app: FastifyInstance, { db }: CentralOptions): Promise<void> {
  app.post('/v1/enrol', async (req, reply) => {
    const body = enrolBody.safeParse(req.body)
    if (!body.success) return reply.code(400).send({ error: 'bad_request', message: 'expected { code, kioskId }' })
    const r = await enrolKiosk(db, body.data.code, body.data.kioskId)
    if (!r.ok) return reply.code(403).send({ error: 'enrolment_refused', message: r.reason })
    req.log.info({ kioskId: body.data.kioskId, counterId: r.counterId }, 'kiosk enrolled')
    return reply.code(201).send({ token: r.token, kioskId: body.data.kioskId, counterId: r.counterId })
  })

  // Everything below needs a valid, unrevoked kiosk token.
  app.addHook('preHandler', async (req, reply) => {
    if (req.routeOptions.url === '/v1/enrol') return
    if (!(await requireKiosk(db, req))) return reply.code(401).send({ error: 'unauthorized', message: 'missing, unknown or revoked kiosk token: enrol this kiosk again' })
  })

  app.post('/v1/events', async (req, reply) => {
    const body = pushBody.safeParse(req.body)
    if (!body.success) return reply.code(400).send({ error: 'bad_request', message: 'expected { events: [...] } with 1 to 5000 events' })
    const kiosk = req.kiosk!
    // A kiosk pushes its own events only: one foreign event refuses the whole batch, nothing stored.
    const foreign = body.data.events.find((e) => (e as { kioskId?: unknown })?.kioskId !== kiosk.kioskId)
    if (foreign !== undefined) return reply.code(403).send({ error: 'forbidden', message: 'these events belong to another kiosk' })
    const results = await ingestEvents(db, kiosk, body.data.events)
    const stored = results.filter((r) => r.status === 201).length
    req.log.info({ kioskId: kiosk.kioskId, received: results.length, stored }, 'events pushed')
    return { results }
  })

  app.get('/v1/manifest', async (req, reply) => {
    const q = manifestQuery.safeParse(req.query)
    if (!q.success) return reply.code(400).send({ error: 'bad_request', message: 'cursor must be a number from a previous page' })
    return manifestPage(db, req.kiosk!.counterId, q.data.cursor ?? '0', q.data.limit ?? 5000)
  })

  app.post('/v1/photo-links', async (req, reply) => {
    const body = linksBody.safeParse(req.body)
    if (!body.success) return reply.code(400).send({ error: 'bad_request', message: 'expected { links: [{ sha256, eventId }] }' })
    return { results: await linkPhotos(db, req.kiosk!, body.data.links) }
  })
}
