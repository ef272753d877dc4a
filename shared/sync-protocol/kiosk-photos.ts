// Photos (content-addressed, resumable) and the manifest pull.
import { z } from 'zod'
import { errorReply, noBody, sha256Hex } from './common'
import { defineRoute } from './route'

/** The largest photo the centre takes. */
export const MAX_PHOTO_BYTES = 64 * 1024 * 1024

const photoParams = z.object({ sha256: sha256Hex.describe("The photo's SHA-256 in lowercase hex") })
const byteCount = z.string().regex(/^\d{1,15}$/)

export const photoOffset = z.object({
  sha256: z.string(),
  stored: z.boolean().describe('Held whole and verified'),
  offset: z.number().int().nonnegative().describe('Bytes the centre holds: the whole photo when stored, else where to resume.'),
})
export type PhotoOffset = z.infer<typeof photoOffset>

export const linkResult = z.object({
  sha256: z.string(),
  eventId: z.string(),
  status: z.literal([200, 404, 409]).describe('200 linked, and the photo durably stored; 409 photo not held yet; 404 no such event from this kiosk.'),
  reason: z.string().optional(),
})
export type LinkResult = z.infer<typeof linkResult>

export const manifestPage = z.object({
  records: z.array(
    z.object({
      orderNumber: z.string(),
      record: z.string().describe('The manifest record as one JSON text (shared/manifest/README.md); unknown fields kept.'),
    }),
  ),
  removals: z.array(z.string()).describe('Order numbers no longer expected.'),
  cursor: z.string().regex(/^\d{1,19}$/).describe('Pass back to get what changed after this page.'),
  more: z.boolean().describe('Another page follows right away.'),
})
export type ManifestPage = z.infer<typeof manifestPage>

export const photoOffsets = defineRoute({
  method: 'POST',
  url: '/v1/photo-offsets',
  auth: 'kiosk',
  summary: 'Where the centre stands on many photos at once (a HEAD for each)',
  badRequest: 'expected { sha256: [64 lowercase hex digits, ...] }',
  body: z.object({ sha256: z.array(sha256Hex).min(1).max(5000) }),
  response: {
    200: z.object({ photos: z.array(photoOffset) }).describe('Per photo, in the order asked.'),
    400: errorReply.describe('Not a list of hashes'),
    401: errorReply.describe('No, unknown or revoked token'),
  },
})

export const photoHead = defineRoute({
  method: 'HEAD',
  url: '/v1/photos/:sha256',
  auth: 'kiosk',
  summary: 'Is this photo stored? If not, how much of an upload is kept',
  badRequest: 'the photo is named by its SHA-256 in lowercase hex',
  params: photoParams,
  response: {
    200: noBody('Stored (skip the upload); Upload-Offset and Content-Length: its size'),
    404: noBody('Not stored; resume from Upload-Offset (0 when nothing)'),
  },
})

export const photoPatch = defineRoute({
  method: 'PATCH',
  url: '/v1/photos/:sha256',
  auth: 'kiosk',
  summary: 'Append bytes from Upload-Offset; the last chunk completes and verifies the photo',
  description: 'The body is application/offset+octet-stream: the bytes from Upload-Offset. A cut connection keeps what arrived.',
  badRequest: 'the photo is named by its SHA-256 in lowercase hex; Upload-Offset and Upload-Length headers are required',
  params: photoParams,
  headers: z.looseObject({
    'upload-offset': byteCount.describe('Where these bytes start: must equal the bytes the centre holds'),
    'upload-length': byteCount.describe(`The photo's size, at most ${MAX_PHOTO_BYTES} bytes`),
  }),
  response: {
    200: z.object({ status: z.literal('stored') }).describe('Already held'),
    201: z.object({ status: z.literal('stored') }).describe('Complete and SHA-256 verified: held. Durable once linked (POST /v1/photo-links).'),
    204: noBody('Chunk kept; more expected from Upload-Offset'),
    400: errorReply,
    401: errorReply.describe('No, unknown or revoked token'),
    409: errorReply.describe('Wrong offset; resume from Upload-Offset'),
    415: errorReply.describe('Not application/offset+octet-stream'),
    422: errorReply.describe('The bytes do not hash to the name; the partial upload was dropped: start again from 0'),
  },
})

export const photoLinks = defineRoute({
  method: 'POST',
  url: '/v1/photo-links',
  auth: 'kiosk',
  summary: 'Tie stored photos to the events that cite them',
  badRequest: 'expected { links: [{ sha256, eventId }] }',
  body: z.object({ links: z.array(z.object({ sha256: sha256Hex, eventId: z.string().min(1).max(64) })).min(1).max(5000) }),
  response: {
    200: z
      .object({ results: z.array(linkResult) })
      .describe("Per link, in order. 200 only once the photo is durable (fsynced, in place): the kiosk's acknowledgement."),
    400: errorReply,
    401: errorReply.describe('No, unknown or revoked token'),
  },
})

export const manifest = defineRoute({
  method: 'GET',
  url: '/v1/manifest',
  auth: 'kiosk',
  summary: "The counter's expected returns changed since a cursor",
  badRequest: 'cursor must be a number from a previous page',
  querystring: z.object({
    cursor: z.string().regex(/^\d{1,19}$/).optional().describe('0 or absent: from the start'),
    limit: z.coerce.number().int().min(1).max(10_000).optional().describe('Records per page (default 5000)'),
  }),
  response: {
    200: manifestPage.describe('A page'),
    400: errorReply,
    401: errorReply.describe('No, unknown or revoked token'),
  },
})
