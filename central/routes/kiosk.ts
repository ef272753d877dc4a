// What a kiosk calls: enrolment, event push, manifest pull, photo links. Every route but
// enrolment needs the kiosk's bearer token.
import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { enrolKiosk } from '../auth'
import { requireKiosk, type CentralRuntime } from '../app'
import { ingestEvents, prepareBatch } from '../events-ingest'
import { manifestPage } from '../manifest-store'
import { linkPhotos } from '../photo-links'

const enrolBody = z.object({ code: z.string().min(1).max(64), kioskId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) })
const pushBody = z.object({ events: z.array(z.unknown()).min(1).max(5000), after: z.number().int().nonnegative().optional() })
const unauthorized = { error: 'unauthorized', message: 'missing, unknown or revoked kiosk token: enrol this kiosk again' }
const linksBody = z.object({
  links: z.array(z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/), eventId: z.string().min(1).max(64) })).min(1).max(5000),
})
const offsetsBody = z.object({ sha256: z.array(z.string().regex(/^[0-9a-f]{64}$/)).min(1).max(5000) })
const manifestQuery = z.object({ cursor: z.string().regex(/^\d{1,19}$/).optional(), limit: z.coerce.number().int().min(1).max(10_000).optional() })

export async function kioskRoutes(app: FastifyInstance, rt: CentralRuntime): Promise<void> {
  const { db, tokens, pushOrder } = rt
  const orderWaitMs = rt.pushOrderWaitMs ?? 10_000
  app.post('/v1/enrol', async (req, reply) => {
    const body = enrolBody.safeParse(req.body)
    if (!body.success) return reply.code(400).send({ error: 'bad_request', message: 'expected { code, kioskId }' })
    const r = await enrolKiosk(db, body.data.code, body.data.kioskId)
    if (!r.ok) return reply.code(403).send({ error: 'enrolment_refused', message: r.reason })
    tokens.forgetKiosk(body.data.kioskId)
    req.log.info({ kioskId: body.data.kioskId, counterId: r.counterId }, 'kiosk enrolled')
    return reply.code(201).send({ token: r.token, kioskId: body.data.kioskId, counterId: r.counterId })
  })

  // Everything below needs a valid, unrevoked kiosk token.
  app.addHook('preHandler', async (req, reply) => {
    if (req.routeOptions.url === '/v1/enrol') return
    if (!(await requireKiosk(rt, req))) return reply.code(401).send(unauthorized)
  })

  app.post('/v1/events', async (req, reply) => {
    const body = pushBody.safeParse(req.body)
    if (!body.success) return reply.code(400).send({ error: 'bad_request', message: 'expected { events: [...] } with 1 to 5000 events' })
    const kiosk = req.kiosk!
    // A kiosk pushes its own events only: one foreign event refuses the whole batch, nothing stored.
    const foreign = body.data.events.find((e) => (e as { kioskId?: unknown })?.kioskId !== kiosk.kioskId)
    if (foreign !== undefined) return reply.code(403).send({ error: 'forbidden', message: 'these events belong to another kiosk' })
    const batch = prepareBatch(body.data.events)
    const { after } = body.data
    const deadline = Date.now() + orderWaitMs
    for (;;) {
      const out = await ingestEvents(db, kiosk, batch, { tokenHash: req.tokenHash!, after })
      if (out.kind === 'stored') {
        pushOrder.noteCommitted(kiosk.kioskId)
        // The cases are projected once the kiosk's pushes go quiet, or before an operator reads.
        rt.projector.pushed(kiosk.kioskId)
        req.log.info({ kioskId: kiosk.kioskId, received: out.results.length, stored: out.results.filter((r) => r.status === 201).length }, 'events pushed')
        return { results: out.results }
      }
      if (out.kind === 'unauthorized') {
        tokens.forgetKiosk(kiosk.kioskId)
        return reply.code(401).send(unauthorized)
      }
      // Pipelined: the batch this one follows is not committed (yet). Wait for it a while;
      // if it never comes (it failed), the kiosk sends again from its last acknowledged event.
      const left = deadline - Date.now()
      if (left <= 0) {
        return reply.code(425).send({
          error: 'out_of_order',
          message: `the batch ending at kioskSeq ${after} is not stored: push again from the first event not acknowledged`,
        })
      }
      await pushOrder.next(kiosk.kioskId, Math.min(50, left))
    }
  })

  app.get('/v1/manifest', async (req, reply) => {
    const q = manifestQuery.safeParse(req.query)
    if (!q.success) return reply.code(400).send({ error: 'bad_request', message: 'cursor must be a number from a previous page' })
    return manifestPage(db, req.kiosk!.counterId, q.data.cursor ?? '0', q.data.limit ?? 5000)
  })

  // HEAD for many photos at once: which are stored, and how much of the others the centre kept.
  app.post('/v1/photo-offsets', async (req, reply) => {
    const body = offsetsBody.safeParse(req.body)
    if (!body.success) return reply.code(400).send({ error: 'bad_request', message: 'expected { sha256: [64 lowercase hex digits, ...] }' })
    const photos = []
    for (const sha256 of body.data.sha256) {
      const size = await rt.photos.size(sha256)
      photos.push(size !== null ? { sha256, stored: true, offset: size } : { sha256, stored: false, offset: await rt.photos.partialSize(sha256) })
    }
    return { photos }
  })

  app.post('/v1/photo-links', async (req, reply) => {
    const body = linksBody.safeParse(req.body)
    if (!body.success) return reply.code(400).send({ error: 'bad_request', message: 'expected { links: [{ sha256, eventId }] }' })
    return { results: await linkPhotos(db, rt.photos, req.kiosk!, body.data.links) }
  })
}
