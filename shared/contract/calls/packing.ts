// Packing the parcel (issue #3). The package photos go through photos.capture with purpose
// 'package'; the label: calls/label.ts.
import { z } from 'zod'
import { packingItemIds } from '../../domain/packing'
import { call, id } from '../define'
import type { StepResult } from '../intake-views'

export const packingCalls = {
  'packing.check': call<StepResult>('staff')(z.strictObject({ caseId: id, item: z.enum(packingItemIds) })),
  'packing.uncheck': call<StepResult>('staff')(z.strictObject({ caseId: id, item: z.enum(packingItemIds) })),
  /** The order details slip went into the parcel: printed (print.orderSlip) or written by hand. */
  'packing.slip': call<StepResult>('staff')(z.strictObject({ caseId: id, via: z.enum(['printed', 'written']) })),
  /** Closes the packing step (every item ticked, both package photos, the slip). */
  'packing.done': call<StepResult>('staff')(z.strictObject({ caseId: id })),
}
