// An event of the outbox as it goes on the wire. SQLite assembles each event's JSON in the
// query that reads the batch (json_object, in C): no JS object per row, no parse of every
// payload and no second serialisation of the whole batch. A payload that is not valid JSON
// text is sent as a string, so the centre refuses that one event (422) and the push
// quarantines it while the rest goes on.

export interface OutboxEvent {
  id: string
  kioskSeq: number
  caseId: string
  /** The event as central/openapi.yaml's Event, in JSON. */
  json: string
}

/** The select-list item producing an events row's wire JSON. */
export const OUTBOX_JSON = `json_object('id', id, 'kioskSeq', seq, 'caseId', case_id, 'caseSeq', case_seq, 'type', type,
  'payload', CASE WHEN json_valid(payload) THEN json(payload) ELSE payload END,
  'actor', actor, 'kioskId', kiosk_id, 'at', at) AS json`

/** A row of `SELECT seq, id, case_id, OUTBOX_JSON` read in raw (array) mode. */
export type OutboxRow = [seq: number, id: string, caseId: string, json: string]

export function fromOutboxRow([kioskSeq, id, caseId, json]: OutboxRow): OutboxEvent {
  return { id, kioskSeq, caseId, json }
}

/** The body of POST /v1/events: `after` is the last kioskSeq of the batch this one follows. */
export function pushBody(events: OutboxEvent[], after?: number): string {
  const list = events.map((e) => e.json).join(',')
  return after === undefined ? `{"events":[${list}]}` : `{"events":[${list}],"after":${after}}`
}
