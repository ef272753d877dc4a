import { z } from 'zod'
import { restartReasons } from '../../domain/case-restart'
import { call, code, id, none } from '../define'
import type { CaseDetail, CaseMatch, CaseSummary } from '../views'

export const caseCalls = {
  /**
   * Starts the order's case, or reopens its open one. On an order whose earlier cases are all
   * finished, `restart` (why a new case starts) is required; "other" needs its note.
   */
  'cases.start': call<CaseSummary>()(
    z.strictObject({
      orderNumber: id,
      via: z.enum(['scan', 'search']),
      code: code.optional(),
      restart: z.strictObject({ reason: z.enum(restartReasons), note: z.string().trim().min(1).max(500).optional() }).optional(),
    }),
  ),
  'cases.today': call<CaseSummary[]>()(none),
  'cases.get': call<CaseDetail>()(z.strictObject({ caseId: id })),
  /**
   * Cases by what staff scan or type: the case number of a case label (KX4J2-261204-007, or its
   * end "261204-007"), a self-check ticket's number (482913), an order number with or without
   * its prefix (48215255). Newest first.
   */
  'cases.find': call<CaseMatch[]>()(z.strictObject({ query: z.string().trim().min(3, 'needs at least 3 characters').max(120) })),
}
