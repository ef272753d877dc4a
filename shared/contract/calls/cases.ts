import { z } from 'zod'
import { call, code, id, none } from '../define'
import type { CaseDetail, CaseSummary } from '../views'

export const caseCalls = {
  'cases.start': call<CaseSummary>()(z.strictObject({ orderNumber: id, via: z.enum(['scan', 'search']), code: code.optional() })),
  'cases.today': call<CaseSummary[]>()(none),
  'cases.get': call<CaseDetail>()(z.strictObject({ caseId: id })),
}
