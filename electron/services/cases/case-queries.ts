// Read side of the cases: summaries for lists, the detail of one case, today's cases.
import type { Database, Statement } from 'better-sqlite3'
import type { CaseSummary, EarlierCaseView } from '@shared/contract/views'
import type { CaseState } from '@shared/domain/case-machine'
import { localDate } from '@shared/domain/dates'
import type { Store } from '../store'
import { customerName, deviceName } from '../orders/order-view'

const CLOSED = "('handed_over', 'cancelled')"

export class CaseQueries {
  private readonly openForOrder: Statement
  private readonly recent: Statement
  private readonly numbersWithPrefix: Statement
  private readonly finishedForOrder: Statement

  constructor(
    db: Database,
    private readonly store: Store,
  ) {
    this.openForOrder = db.prepare(
      `SELECT state FROM cases WHERE order_number = ? AND status NOT IN ${CLOSED} ORDER BY started_at DESC LIMIT 1`,
    )
    // Started in the last 36 hours (covers "today" in any time zone) or still open.
    this.recent = db.prepare(
      `SELECT state FROM cases WHERE started_at >= ? OR status NOT IN ${CLOSED} ORDER BY updated_at DESC LIMIT 500`,
    )
    this.finishedForOrder = db.prepare(`SELECT state FROM cases WHERE order_number = ? AND status IN ${CLOSED} ORDER BY started_at`)
    this.numbersWithPrefix = db.prepare('SELECT count(*) AS n FROM cases WHERE case_number LIKE ? ESCAPE \'\\\'')
  }

  summary(state: CaseState): CaseSummary {
    const order = this.store.orders.get(state.orderNumber)?.record
    return {
      id: state.id,
      caseNumber: state.caseNumber,
      orderNumber: state.orderNumber,
      caseType: state.caseType,
      status: state.status,
      customerName: order ? customerName(order) : undefined,
      device: order ? deviceName(order) : undefined,
      startedAt: state.startedAt,
      startedBy: state.startedBy,
      updatedAt: state.updatedAt,
    }
  }

  openCaseFor(orderNumber: string): CaseState | null {
    const row = this.openForOrder.get(orderNumber) as { state: string } | undefined
    return row ? (JSON.parse(row.state) as CaseState) : null
  }

  /** The order's finished cases (handed over, cancelled), oldest first. */
  finishedCasesFor(orderNumber: string): EarlierCaseView[] {
    return (this.finishedForOrder.all(orderNumber) as { state: string }[]).map((r) => {
      const s = JSON.parse(r.state) as CaseState
      const view: EarlierCaseView = { id: s.id, caseNumber: s.caseNumber, caseType: s.caseType, status: s.status, startedAt: s.startedAt, endedAt: s.updatedAt }
      if (s.cancelled?.reason === 'refused') view.refused = true
      return view
    })
  }

  /** Cases started today (counter's time zone) and every case still open, newest first. */
  today(now: Date, timeZone: string): CaseSummary[] {
    const since = new Date(now.getTime() - 36 * 3_600_000).toISOString()
    const today = localDate(now, timeZone)
    return (this.recent.all(since) as { state: string }[])
      .map((r) => JSON.parse(r.state) as CaseState)
      .filter((s) => localDate(s.startedAt, timeZone) === today || !['handed_over', 'cancelled'].includes(s.status))
      .map((s) => this.summary(s))
  }

  /** The next case number for this kiosk and day: KIOSK-YYMMDD-NNN. */
  nextCaseNumber(kioskId: string, now: Date, timeZone: string): string {
    const day = localDate(now, timeZone).replace(/-/g, '').slice(2)
    const prefix = `${kioskId}-${day}-`
    const { n } = this.numbersWithPrefix.get(`${prefix.replace(/[\\%_]/g, '\\$&')}%`) as { n: number }
    return `${prefix}${String(n + 1).padStart(3, '0')}`
  }
}
