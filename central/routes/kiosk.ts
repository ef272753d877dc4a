// What a kiosk calls: enrolment, event push, manifest pull, photo links. Every route but
// enrolment needs the kiosk's bearer token. Requests and replies are the shared protocol's
// (shared/sync-protocol): Fastify validates both with its schemas.
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { kioskRoutes as routes, UNAUTHORIZED } from '../../shared/sync-protocol'
import { enrolKiosk } from '../auth'
import { requireKiosk, type CentralRuntime } from '../app'
import { ingestEvents, prepareBatch } from '../events-ingest'
import { manifestPage } from '../manifest-store'
import { linkPhotos } from '../photo-links'
import { protocolRoute } from '../protocol-route'

export async function kioskRoutes(scope: FastifyInstance, rt: CentralRuntime): Promise<void> {
  const app = scope.withTypeProvider<ZodTypeProvider>()
  const { db, tokens, pushOrder } = rt
  const orderWaitMs = rt.pushOrderWaitMs ?? 10_000
  app.route({
    ...protocolRoute(routes.enrol),
    handler: async (req, reply) => {
      const r = await enrolKiosk(db, req.body.code, req.body.kioskId)
      if (!r.ok) return reply.code(403).send({ error: 'enrolment_refused', message: r.reason })
      tokens.forgetKiosk(req.body.kioskId)
      req.log.info({ kioskId: req.body.kioskId, counterId: r.counterId }, 'kiosk enrolled')
      return reply.code(201).send({ token: r.token, kioskId: req.body.kioskId, counterId: r.counterId })
    },
  })

  // Everything below needs a valid, unrevoked kiosk token: checked before the request is
  // validated, so a caller without one learns that first.
  app.addHook('preValidation', async (req, reply) => {
    if (req.routeOptions.url === routes.enrol.url) return
    if (!(await requireKiosk(rt, req))) return reply.code(401).send(UNAUTHORIZED)
  })

  app.route({
    ...protocolRoute(routes.pushEvents),
    handler: async (req, reply) => {
      const kiosk = req.kiosk!
      // A kiosk pushes its own events only: one foreign event refuses the whole batch, nothing stored.
      const foreign = req.body.events.find((e) => (e as { kioskId?: unknown })?.kioskId !== kiosk.kioskId)
      if (foreign !== undefined) return reply.code(403).send({ error: 'forbidden', message: 'these events belong to another kiosk' })
      const batch = prepareBatch(req.body.events)
      const { after } = req.body
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
          return reply.code(401).send(UNAUTHORIZED)
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
    },
  })

  app.route({
    ...protocolRoute(routes.manifest),
    handler: async (req) => manifestPage(db, req.kiosk!.counterId, req.query.cursor ?? '0', req.query.limit ?? 5000),
  })

  // HEAD for many photos at once: which are stored, and how much of the others the centre kept.
  app.route({
    ...protocolRoute(routes.photoOffsets),
    handler: async (req) => {
      const photos = []
      for (const sha256 of req.body.sha256) {
        const size = await rt.photos.size(sha256)
        photos.push(size !== null ? { sha256, stored: true, offset: size } : { sha256, stored: false, offset: await rt.photos.partialSize(sha256) })
      }
      return { photos }
    },
  })

  app.route({
    ...protocolRoute(routes.photoLinks),
    handler: async (req) => ({ results: await linkPhotos(db, rt.photos, req.kiosk!, req.body.links) }),
  })
}
