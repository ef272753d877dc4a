// Resumable, content-addressed photo upload (a small subset of the tus protocol's ideas):
//   HEAD  /v1/photos/:sha256  → 200 stored (Content-Length) | 404 with Upload-Offset: bytes kept so far
//   PATCH /v1/photos/:sha256  Upload-Offset, Upload-Length, body = the bytes from that offset
//         → 204 more expected (Upload-Offset) | 201 complete and hash verified | 200 already stored
//         → 409 wrong offset (Upload-Offset says where to resume) | 422 hash mismatch (start again)
// One PATCH per photo in the usual case: the hash is taken while the bytes arrive, the file is
// written and fsynced with one open, and no database query is made (the token is cached; the
// photos row is written when the kiosk links the photo, see photo-links.ts).
import type { FastifyInstance, FastifyReply } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import type { Readable } from 'node:stream'
import { kioskRoutes as routes, MAX_PHOTO_BYTES, UNAUTHORIZED } from '../../shared/sync-protocol'
import { requireKiosk, type CentralRuntime } from '../app'
import { AlreadyStored, OffsetMismatch } from '../photo-storage'
import { protocolRoute } from '../protocol-route'

/** A reply without a body (declared `noBody` in the protocol, which the typed reply cannot express). */
const untyped = (reply: unknown): FastifyReply => reply as FastifyReply

export async function photoRoutes(scope: FastifyInstance, rt: CentralRuntime): Promise<void> {
  const app = scope.withTypeProvider<ZodTypeProvider>()
  const { photos } = rt
  app.addContentTypeParser('application/offset+octet-stream', (_req, payload, done) => done(null, payload))
  app.addHook('preValidation', async (req, reply) => {
    if (!(await requireKiosk(rt, req))) {
      ;(req.body as Readable | undefined)?.resume?.()
      return reply.code(401).send(UNAUTHORIZED)
    }
  })
  // A refused request's bytes are read and dropped, so the connection can carry the next one.
  app.addHook('onError', async (req) => {
    ;(req.body as Readable | undefined)?.resume?.()
  })

  app.route({
    ...protocolRoute(routes.photoHead),
    handler: async (req, reply) => {
      const size = await photos.size(req.params.sha256)
      if (size !== null) return untyped(reply).code(200).header('Upload-Offset', size).header('Content-Length', size).send()
      return untyped(reply).code(404).header('Upload-Offset', await photos.partialSize(req.params.sha256)).send()
    },
  })

  app.route({
    ...protocolRoute(routes.photoPatch),
    handler: async (req, reply) => {
      const { sha256 } = req.params
      const body = req.body as Readable | undefined
      const offset = Number(req.headers['upload-offset'])
      const length = Number(req.headers['upload-length'])
      if (!body || typeof body.pipe !== 'function') return reply.code(415).send({ error: 'bad_request', message: 'send the bytes as application/offset+octet-stream' })
      if (length > MAX_PHOTO_BYTES || offset > length) {
        body.resume()
        return reply.code(400).send({ error: 'bad_request', message: `Upload-Offset must not pass Upload-Length, and Upload-Length must not pass ${MAX_PHOTO_BYTES}` })
      }
      const stored = await photos.size(sha256)
      if (stored !== null) {
        body.resume()
        return reply.code(200).header('Upload-Offset', stored).send({ status: 'stored' })
      }
      let size: number
      try {
        size = await photos.append(sha256, offset, body, length)
      } catch (e) {
        if (e instanceof AlreadyStored) return reply.code(200).header('Upload-Offset', length).send({ status: 'stored' })
        if (e instanceof OffsetMismatch) return reply.code(409).header('Upload-Offset', e.expected).send({ error: 'offset_mismatch', message: e.message })
        throw e
      }
      if (size < length) return untyped(reply).code(204).header('Upload-Offset', size).send()
      // complete() verifies the hash and drops the partial file when it does not match.
      if ((await photos.complete(sha256)) === 'hash_mismatch' || size !== length) {
        req.log.warn({ kioskId: req.kiosk?.kioskId }, 'photo hash mismatch')
        return reply.code(422).header('Upload-Offset', 0).send({ error: 'hash_mismatch', message: 'the bytes do not hash to the name: upload the photo again from offset 0' })
      }
      return reply.code(201).header('Upload-Offset', length).send({ status: 'stored' })
    },
  })
}
