// Enrolment and the event push: what a kiosk sends, what the centre answers.
import { z } from 'zod'
import { errorReply, plainId } from './common'
import { defineRoute } from './route'

/** One event as the kiosk's log holds it. Each event of a push is checked on its own. */
export const pushedEvent = z
  .object({
    id: z.string().min(1).max(64).describe('The event id: stored once, forever.'),
    kioskSeq: z.number().int().positive().describe("The event's position in the kiosk's log (its outbox order). Not part of the body compared on replay."),
    caseId: z.string().min(1).max(64),
    caseSeq: z.number().int().positive(),
    type: z.string().min(1).max(64).describe('A case event type (shared/domain/case-events.ts).'),
    payload: z.unknown().describe('Validated against the schema of its type.'),
    actor: z.string().min(1).max(200),
    kioskId: z.string().min(1).max(64).describe('Must be the kiosk the token belongs to.'),
    at: z.iso.datetime({ offset: true }).describe("The kiosk's clock, kept as written."),
  })
  .describe('An event of a case')
export type PushedEvent = z.infer<typeof pushedEvent>

export const eventResult = z.object({
  id: z.string(),
  status: z
    .literal([200, 201, 409, 422])
    .describe('201 stored now; 200 already stored with this exact body (acknowledged again); 409 this id is stored with a different body; 422 invalid (unknown type, bad payload).'),
  reason: z.string().optional(),
})
export type EventResult = z.infer<typeof eventResult>

export const health = defineRoute({
  method: 'GET',
  url: '/v1/health',
  auth: 'none',
  summary: 'Liveness and database reachability',
  response: {
    200: z.object({ ok: z.literal(true), database: z.literal('up'), time: z.string() }).describe('Up'),
    503: z.object({ ok: z.literal(false), database: z.literal('down'), time: z.string() }).describe('Database down'),
  },
})

export const enrol = defineRoute({
  method: 'POST',
  url: '/v1/enrol',
  auth: 'none',
  summary: "Trade a one-time enrolment code for this kiosk's token",
  badRequest: 'expected { code, kioskId }',
  body: z.object({ code: z.string().min(1).max(64).describe('XXXX-XXXX-XXXX; case, spaces and dashes ignored.'), kioskId: plainId }),
  response: {
    201: z.object({ token: z.string().min(1), kioskId: z.string(), counterId: z.string().min(1) }).describe("Enrolled. Enrolling again replaces the kiosk's previous token."),
    400: errorReply,
    403: errorReply.describe('Code unknown, used or expired'),
  },
})

export const pushEvents = defineRoute({
  method: 'POST',
  url: '/v1/events',
  auth: 'kiosk',
  summary: "Push a batch of events, in the kiosk's log order",
  badRequest: 'expected { events: [...] } with 1 to 5000 events',
  body: z.object({
    // Each event is checked on its own, so one bad event is refused alone (422 in its result).
    events: z.array(z.unknown().describe('An event (pushedEvent)')).min(1).max(5000),
    after: z
      .number()
      .int()
      .nonnegative()
      .optional()
      .describe(
        "Pipelining: the last kioskSeq of the batch this one follows, sent before that batch's reply came back. The centre stores this batch only once that one is committed. Omit it when the batch follows acknowledged events only.",
      ),
  }),
  response: {
    200: z.object({ results: z.array(eventResult) }).describe('One result per event, in the order sent. Stored events are committed before this reply.'),
    400: errorReply.describe('Not a batch'),
    401: errorReply.describe('No, unknown or revoked token. Nothing stored.'),
    403: errorReply.describe('An event of another kiosk in the batch. Nothing stored.'),
    425: errorReply.describe(
      'out_of_order: the batch named by `after` was not committed in time (it failed or never came). Nothing stored; send this batch again once the batches before it are dealt with.',
    ),
  },
})
