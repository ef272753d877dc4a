// The parcel's return label: a new one recorded, and binding the label on the parcel.
import { z } from 'zod'
import { call, code, id, none } from '../define'
import type { StepResult } from '../intake-views'

export const labelCalls = {
  /** The carriers a new label may be for (the counter's configured list): staff choose one. */
  'label.carriers': call<string[]>('staff')(none),
  /**
   * A new return label (the order's expired, was lost, or a walk-in had none): its tracking
   * number as scanned; the carrier (one of label.carriers) when the number does not say it.
   * Valid 14 days from today. The order's own label (expired or not) is refused: it is not new.
   */
  'label.record': call<StepResult>('staff')(z.strictObject({ caseId: id, code, carrier: z.string().trim().min(1).max(60).optional() })),
  /** Binds the label on the parcel: the scanned number must be this case's label and well formed. */
  'label.bind': call<StepResult>('staff')(z.strictObject({ caseId: id, code })),
}
