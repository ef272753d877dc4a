// Hand-over to the carriers (issue #3): the parcels waiting per carrier, and closing a pickup
// batch when the driver takes them (each case -> handed_over with the batch id).
import { z } from 'zod'
import { call, id, none } from '../define'
import type { CarrierParcels, HandoverBatchView } from '../intake-views'

export const handoverCalls = {
  'handover.waiting': call<CarrierParcels[]>()(none),
  /**
   * `driverAt`: when the driver took the parcels, as an ISO instant or the counter's local
   * time "HH:MM" today (default: now). `caseIds`: the parcels the driver took (default: all of
   * this carrier's waiting parcels). Parcels that cannot go (an expired label) are left out and
   * listed in `refused`.
   */
  'handover.closeBatch': call<HandoverBatchView>()(
    z.strictObject({
      carrier: z.string().trim().min(1).max(60),
      driverAt: z.string().trim().regex(/^(\d{2}:\d{2}|\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:\d{2}))$/, 'must be HH:MM or an ISO time').optional(),
      caseIds: z.array(id).min(1).max(500).optional(),
    }),
  ),
  /** The batches closed today (counter's date), newest first. */
  'handover.batches': call<HandoverBatchView[]>()(none),
}
