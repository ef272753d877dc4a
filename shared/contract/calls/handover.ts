// Hand-over to the carriers: the parcels waiting per carrier, and closing a pickup batch when
// the driver takes them (each scanned parcel's case -> handed_over with the batch id).
import { z } from 'zod'
import { call, code, none } from '../define'
import type { CarrierParcels, HandoverBatchView, ParcelView } from '../intake-views'

const carrier = z.string().trim().min(1).max(60)

export const handoverCalls = {
  'handover.waiting': call<CarrierParcels[]>()(none),
  /**
   * One parcel scanned while the driver is at the counter: the waiting parcel of `carrier` it
   * is, or an error naming what it is instead (another carrier's, handed over, expired label,
   * unknown) and what to do.
   */
  'handover.checkScan': call<ParcelView>()(z.strictObject({ carrier, code })),
  /**
   * `driverAt`: when the driver took the parcels, the counter's local time "HH:MM" today or an
   * ISO instant; required (an empty time is refused), not in the future. `scanned`: the
   * tracking numbers scanned, one per parcel the driver takes; each must be a waiting parcel
   * of this carrier. A waiting parcel not scanned refuses the close unless `exception` says why
   * it stays at the counter (recorded with the batch, in `refused`).
   */
  'handover.closeBatch': call<HandoverBatchView>()(
    z.strictObject({
      carrier,
      driverAt: z.string().max(40),
      scanned: z.array(code).min(1, 'is empty: scan each parcel the driver takes').max(500),
      exception: z.string().trim().min(3, 'is too short: say why the parcels not scanned stay').max(300).optional(),
    }),
  ),
  /** The batches closed today (counter's date), newest first. */
  'handover.batches': call<HandoverBatchView[]>()(none),
}
