// The case list for Today: started today (counter's date) or still open, with the filters of
// issue #3 (status, case type, needs a supervisor) and what each row shows.
import type { CaseListItem } from '@shared/contract/intake-views'
import type { ParsedInput } from '@shared/contract/calls'
import { caseFlags } from '@shared/domain/case-derived'
import type { CaseState } from '@shared/domain/case-machine'
import { nextStep } from '@shared/domain/case-progress'
import { localDate } from '@shared/domain/dates'
import type { ServiceContext } from '../context'

const CLOSED = ['handed_over', 'cancelled']

export function listCases(ctx: ServiceContext, filter: ParsedInput<'cases.list'>): CaseListItem[] {
  const now = ctx.now()
  const today = localDate(now, ctx.timeZone)
  const since = new Date(now.getTime() - 36 * 3_600_000).toISOString()
  const rows = ctx.store.db
    .prepare(`SELECT state FROM cases WHERE started_at >= ? OR status NOT IN ('handed_over', 'cancelled') ORDER BY updated_at DESC LIMIT 1000`)
    .all(since) as { state: string }[]
  const query = filter.query?.toLowerCase()
  const items: CaseListItem[] = []
  for (const { state } of rows) {
    const s = JSON.parse(state) as CaseState
    const open = !CLOSED.includes(s.status)
    if (filter.scope === 'open' ? !open : !open && localDate(s.startedAt, ctx.timeZone) !== today) continue
    const flags = caseFlags(s, today)
    // Refused and held cases wait for a decision (change the type, override, the customer's
    // return, close as refused): the "needs a supervisor" list shows them all.
    const refusal = open ? flags.refusal : null
    const needsSupervisor = s.status === 'on_hold' || refusal !== null
    if (filter.status && !filter.status.includes(s.status)) continue
    if (filter.caseType && !filter.caseType.includes(s.caseType)) continue
    if (filter.needsSupervisor !== undefined && filter.needsSupervisor !== needsSupervisor) continue
    const summary = ctx.caseQueries.summary(s)
    if (query && ![summary.caseNumber, summary.orderNumber, summary.customerName ?? '', summary.device ?? ''].some((t) => t.toLowerCase().includes(query))) continue
    const item: CaseListItem = { ...summary, needsSupervisor, nextStep: nextStep(s), labelExpired: flags.labelExpired }
    if (s.hold) item.holdReason = s.hold.reason
    if (refusal) item.refusal = refusal
    if (s.cancelled?.refusal) item.closedRefused = s.cancelled.refusal
    if (s.checkIn) item.ticket = s.checkIn.ticket
    items.push(item)
  }
  return items
}
