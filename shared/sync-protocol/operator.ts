// The operator's side of the central service: enrolment codes, revocation, and read access to
// what kiosks sent. Not called by kiosks; declared here so that the published description of
// the service is whole.
import { z } from 'zod'
import { errorReply, plainId } from './common'
import { defineRoute } from './route'

const forbidden = errorReply.describe('Operator token required')
const projected = 'The cases projection is first brought up to date with every stored event (pushes do not project).'

export const caseRow = z.object({
  id: z.string(),
  kioskId: z.string(),
  counterId: z.string(),
  caseNumber: z.string().nullable(),
  orderNumber: z.string().nullable(),
  caseType: z.string().nullable(),
  status: z.string().nullable(),
  startedAt: z.string().nullable(),
  updatedAt: z.string().nullable(),
  eventCount: z.number().int(),
})

const storedEvent = z.object({
  id: z.string(),
  kioskSeq: z.number().int(),
  caseSeq: z.number().int(),
  type: z.string(),
  payload: z.unknown(),
  actor: z.string(),
  kioskId: z.string(),
  at: z.string(),
  receivedAt: z.string().describe('When the centre stored it (ISO 8601, UTC)'),
})

export const createEnrolmentCode = defineRoute({
  method: 'POST',
  url: '/v1/operator/enrolment-codes',
  auth: 'operator',
  summary: 'Create a one-time enrolment code for a counter',
  badRequest: 'expected { counterId, ttlHours? }',
  body: z.object({ counterId: plainId, ttlHours: z.number().int().min(1).max(24 * 30).optional().describe('Valid for (default 72)') }),
  response: {
    201: z.object({ code: z.string(), expiresAt: z.string() }).describe('The code (shown once) and when it expires'),
    400: errorReply,
    403: forbidden,
  },
})

export const revokeKiosk = defineRoute({
  method: 'POST',
  url: '/v1/operator/kiosks/:kioskId/revoke',
  auth: 'operator',
  summary: "Revoke a kiosk's token",
  params: z.object({ kioskId: z.string() }),
  response: {
    200: z.object({ revoked: z.string() }).describe('Revoked'),
    403: forbidden,
    404: errorReply.describe('No active kiosk with this id'),
  },
})

export const casesByDay = defineRoute({
  method: 'GET',
  url: '/v1/operator/cases',
  auth: 'operator',
  summary: 'Cases of a counter started on a local date',
  description: projected,
  badRequest: 'expected ?counter=…&date=YYYY-MM-DD[&tz=Europe/Paris]',
  querystring: z.object({
    counter: z.string().min(1).max(64),
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    tz: z.string().min(1).max(64).optional().describe('An IANA time zone (default UTC)'),
  }),
  response: {
    200: z.object({ cases: z.array(caseRow) }).describe('The cases'),
    400: errorReply,
    403: forbidden,
  },
})

export const caseDetail = defineRoute({
  method: 'GET',
  url: '/v1/operator/cases/:caseId',
  auth: 'operator',
  summary: 'A case with its events and photos',
  description: projected,
  params: z.object({ caseId: z.string() }),
  response: {
    200: z
      .object({
        case: z.object({ id: z.string(), kioskId: z.string(), counterId: z.string(), status: z.string().nullable(), state: z.unknown(), eventCount: z.number().int() }),
        events: z.array(storedEvent),
        photos: z.array(z.object({ sha256: z.string(), eventId: z.string(), size: z.number().int() })),
      })
      .describe('The case, its events in order and its photos'),
    403: forbidden,
    404: errorReply.describe('No such case'),
  },
})

export const photoBytes = defineRoute({
  method: 'GET',
  url: '/v1/operator/photos/:sha256',
  auth: 'operator',
  summary: "A photo's bytes (image/jpeg)",
  params: z.object({ sha256: z.string() }),
  response: {
    403: forbidden,
    404: errorReply.describe('No such photo'),
  },
})
