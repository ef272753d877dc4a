import { z } from 'zod'
import { caseTypes } from '../../manifest/record'
import { restartReasons } from '../../domain/case-restart'
import { caseStatuses } from '../../domain/case-state'
import { call, code, id, none } from '../define'
import type { CaseListItem, StepResult } from '../intake-views'
import type { CaseDetail, CaseMatch, CaseSummary } from '../views'

export const caseCalls = {
  /**
   * Starts the order's case, or reopens its open one. On an order whose earlier cases are all
   * finished, `restart` (why a new case starts) is required; "other" needs its note.
   */
  'cases.start': call<CaseSummary>('staff')(
    z.strictObject({
      orderNumber: id,
      via: z.enum(['scan', 'search']),
      code: code.optional(),
      restart: z.strictObject({ reason: z.enum(restartReasons), note: z.string().trim().min(1).max(500).optional() }).optional(),
    }),
  ),
  'cases.today': call<CaseSummary[]>('staff')(none),
  'cases.get': call<CaseDetail>('staff')(z.strictObject({ caseId: id })),
  /**
   * Cases by what staff scan or type: the case number of a case label (KX4J2-261204-007, or its
   * end "261204-007"), a self-check ticket's number (482913), an order number with or without
   * its prefix (48215255). Newest first.
   */
  'cases.find': call<CaseMatch[]>('staff')(z.strictObject({ query: z.string().trim().min(3, 'needs at least 3 characters').max(120) })),
  /** Today's cases and every open one, filtered (all filters optional, combined with AND). */
  'cases.list': call<CaseListItem[]>('staff')(
    z.strictObject({
      status: z.array(z.enum(caseStatuses)).optional(),
      caseType: z.array(z.enum(caseTypes)).optional(),
      needsSupervisor: z.boolean().optional(),
      /** today: started today or still open (the default); open: still open only. */
      scope: z.enum(['today', 'open']).optional(),
      query: code.optional(),
    }),
  ),
  /** Staff scan the customer's ticket (its QR payload or its number) and take the case over. */
  'cases.pickUp': call<StepResult>('staff')(z.strictObject({ ticket: code })),
}
