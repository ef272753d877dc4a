// Packing, the label and binding its tracking number (issue #3). The package photos go
// through photos.capture with purpose 'package'.
import { z } from 'zod'
import { packingItemIds } from '../../domain/packing'
import { call, code, id, none } from '../define'
import type { StepResult } from '../intake-views'

export const packingCalls = {
  'packing.check': call<StepResult>()(z.strictObject({ caseId: id, item: z.enum(packingItemIds) })),
  'packing.uncheck': call<StepResult>()(z.strictObject({ caseId: id, item: z.enum(packingItemIds) })),
  /** The order details slip went into the parcel: printed (print.orderSlip) or written by hand. */
  'packing.slip': call<StepResult>()(z.strictObject({ caseId: id, via: z.enum(['printed', 'written']) })),
  /** Closes the packing step (every item ticked, both package photos, the slip). */
  'packing.done': call<StepResult>()(z.strictObject({ caseId: id })),
  /** The carriers a new label may be for (the counter's configured list): staff choose one. */
  'label.carriers': call<string[]>()(none),
  /** A supervisor adds a carrier to the counter's list (refused: empty, already there, list full); returns the list. */
  'carriers.add': call<string[]>()(z.strictObject({ name: z.string().max(60) })),
  /** A supervisor removes one (refused: the last one, as a new label needs a carrier to choose); returns the list. */
  'carriers.remove': call<string[]>()(z.strictObject({ name: z.string().max(60) })),
  /**
   * A new return label (the order's expired, was lost, or a walk-in had none): its tracking
   * number as scanned; the carrier (one of label.carriers) when the number does not say it.
   * Valid 14 days from today. The order's own label (expired or not) is refused: it is not new.
   */
  'label.record': call<StepResult>()(z.strictObject({ caseId: id, code, carrier: z.string().trim().min(1).max(60).optional() })),
  /** Binds the label on the parcel: the scanned number must be this case's label and well formed. */
  'label.bind': call<StepResult>()(z.strictObject({ caseId: id, code })),
}
