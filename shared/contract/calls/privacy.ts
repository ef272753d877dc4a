// GDPR access and erasure of one customer's data, and the retention delay. Supervisor-only:
// the services refuse staff and the customer screen (handlers/privacy.ts, auth.ts).
import { z } from 'zod'
import { call, code, none } from '../define'
import type { CustomerExport, CustomerMatch, ErasureReport, RetentionRun, RetentionView } from '../privacy-views'

const orderNumber = z.string().trim().min(1).max(64)

export const privacyCalls = {
  /** By order number, label code, return request id, tracking number or the customer's name. */
  'privacy.find': call<CustomerMatch[]>()(z.strictObject({ query: code })),
  'privacy.export': call<CustomerExport>()(z.strictObject({ orderNumber })),
  /** `confirm` must be true: the screen asks first; nothing is erased without it. */
  'privacy.erase': call<ErasureReport>()(z.strictObject({ orderNumber, confirm: z.literal(true) })),
  'privacy.retention': call<RetentionView>()(none),
  'privacy.setRetention': call<RetentionView>()(z.strictObject({ days: z.number().int().min(1).max(3650) })),
  'privacy.runRetention': call<RetentionRun>()(none),
}
