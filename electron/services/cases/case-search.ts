// Finds cases by what staff scan or type at the counter: the case number DropDesk prints on its
// case label (whole, or without the kiosk part), the number of a customer's self-check ticket
// (shown on screen and spoken: "tell this number"), or the order number with or without its
// marketplace prefix.
import type { Database, Statement } from 'better-sqlite3'
import type { CaseMatch } from '@shared/contract/views'
import type { CaseState } from '@shared/domain/case-machine'
import type { CaseQueries } from './case-queries'

const LIMIT = 20
const OPEN = "status NOT IN ('handed_over', 'cancelled')"

export class CaseSearch {
  private readonly byNumber: Statement
  private readonly byTicket: Statement
  private readonly byOrderDigits: Statement

  constructor(
    db: Database,
    private readonly queries: CaseQueries,
  ) {
    this.byNumber = db.prepare(`SELECT state FROM cases WHERE case_number = @q OR case_number LIKE '%-' || @q ESCAPE '\\' ORDER BY started_at DESC LIMIT ${LIMIT}`)
    this.byTicket = db.prepare(
      `SELECT state FROM cases WHERE json_extract(state, '$.checkIn.ticket') = ? ORDER BY ${OPEN} DESC, started_at DESC LIMIT ${LIMIT}`,
    )
    this.byOrderDigits = db.prepare(
      `SELECT state FROM cases WHERE order_number = @q OR order_number LIKE '%-' || @q ESCAPE '\\' ORDER BY started_at DESC LIMIT ${LIMIT}`,
    )
  }

  find(query: string): CaseMatch[] {
    const q = query.replace(/\s+/g, '').toUpperCase()
    const escaped = q.replace(/[\\%_]/g, '\\$&')
    const hits: CaseMatch[] = []
    const seen = new Set<string>()
    const add = (rows: unknown[], matchedBy: CaseMatch['matchedBy']): void => {
      for (const row of rows as { state: string }[]) {
        const state = JSON.parse(row.state) as CaseState
        if (seen.has(state.id)) continue
        seen.add(state.id)
        hits.push({ case: this.queries.summary(state), matchedBy, ...pickUp(state, matchedBy) })
      }
    }
    // A case number's end has its day: "261204-007"; a bare "007" would match every day's.
    if (/-\d{3,5}$/.test(q)) add(this.byNumber.all({ q: escaped }), 'caseNumber')
    if (/^\d{4,10}$/.test(q)) add(this.byTicket.all(q), 'ticket')
    if (/^([A-Z]{2,4}-)?\d{6,10}$/.test(q)) add(this.byOrderDigits.all({ q: escaped }), 'orderNumber')
    return hits.slice(0, LIMIT)
  }
}

function pickUp(state: CaseState, matchedBy: CaseMatch['matchedBy']): { ticketToPickUp?: string } {
  const ticket = state.checkIn?.ticket
  const waiting = ticket && !state.checkIn?.pickedUpAt && !['handed_over', 'cancelled'].includes(state.status)
  return matchedBy === 'ticket' && waiting ? { ticketToPickUp: ticket } : {}
}
