// Resumable, content-addressed photo upload (a small subset of the tus protocol's ideas):
//   HEAD  /v1/photos/:sha256  → 200 stored (Content-Length) | 404 with Upload-Offset: bytes kept so far
//   PATCH /v1/photos/:sha256  Upload-Offset, Upload-Length, body = the bytes from that offset
//         → 204 more expected (Upload-Offset) | 201 complete and hash verified | 200 already stored
//         → 409 wrong offset (Upload-Offset says where to resume) | 422 hash mismatch (start again)
// One PATCH per photo in the usual case: the hash is taken while the bytes arrive, the file is
// written and fsynced with one open, and no database query is made (the token is cached; the
// photos row is written when the kiosk links the photo, see photo-links.ts).
import type { FastifyInstance } from 'fastify'
import type { Readable } from 'node:stream'
import { requireKiosk, type CentralRuntime } from '../app'
import { AlreadyStored, OffsetMismatch, SHA256_HEX } from '../photo-storage'

const MAX_PHOTO_BYTES = 64 * 1024 * 1024

function intHeader(v: string | string[] | undefined): number | null {
  return typeof v === 'string' && /^\d{1,15}$/.test(v) ? Number(v) : null
}

export async function photoRoutes(app: FastifyInstance, rt: CentralRuntime): Promise<void> {
  const { photos } = rt
  app.addContentTypeParser('application/offset+octet-stream', (_req, payload, done) => done(null, payload))
  app.addHook('preHandler', async (req, reply) => {
    if (!(await requireKiosk(rt, req))) return reply.code(401).send({ error: 'unauthorized', message: 'missing, unknown or revoked kiosk token: enrol this kiosk again' })
    const sha = (req.params as { sha256?: string }).sha256 ?? ''
    if (!SHA256_HEX.test(sha)) return reply.code(400).send({ error: 'bad_request', message: 'the photo is named by its SHA-256 in lowercase hex' })
  })

  app.head('/v1/photos/:sha256', async (req, reply) => {
    const { sha256 } = req.params as { sha256: string }
    const size = await photos.size(sha256)
    if (size !== null) {
      return reply.code(200).header('Upload-Offset', size).header('Content-Length', size).send()
    }
    return reply.code(404).header('Upload-Offset', await photos.partialSize(sha256)).send()
  })

  app.patch('/v1/photos/:sha256', async (req, reply) => {
    const { sha256 } = req.params as { sha256: string }
    const body = req.body as Readable | undefined
    const offset = intHeader(req.headers['upload-offset'])
    const length = intHeader(req.headers['upload-length'])
    if (!body || typeof body.pipe !== 'function') return reply.code(415).send({ error: 'bad_request', message: 'send the bytes as application/offset+octet-stream' })
    if (offset === null || length === null || length > MAX_PHOTO_BYTES || offset > length) {
      body.resume()
      return reply.code(400).send({ error: 'bad_request', message: 'Upload-Offset and Upload-Length headers are required' })
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
    if (size < length) return reply.code(204).header('Upload-Offset', size).send()
    // complete() verifies the hash and drops the partial file when it does not match.
    if ((await photos.complete(sha256)) === 'hash_mismatch' || size !== length) {
      req.log.warn({ kioskId: req.kiosk?.kioskId }, 'photo hash mismatch')
      return reply.code(422).header('Upload-Offset', 0).send({ error: 'hash_mismatch', message: 'the bytes do not hash to the name: upload the photo again from offset 0' })
    }
    return reply.code(201).header('Upload-Offset', length).send({ status: 'stored' })
  })
}
