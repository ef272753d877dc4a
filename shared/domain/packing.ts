// The packing checklist (DOMAIN.md "Packing checklist"; seeds: the return guide step 7 and the
// label page). Only ids live here: the item texts and the "why" shown to the customer are in
// the renderer's i18n ("packing.item.<id>", "packing.why.<id>").
import type { CaseType } from '../manifest/record'

export const packingItemIds = [
  'strong_box', // strong, not reused, double or triple walled
  'wrapped_and_wedged', // bubble wrap / air bags / foam: no empty space, it cannot move
  'pressure_sensitive_tape', // on all seams and corners; no cellophane, masking tape or string
  'label_on_top', // the return label on top, barcode visible; a spare label inside
  'order_slip_inside', // the order details slip
  'original_packaging_kept', // damaged on arrival only: the customer keeps the damaged packaging
] as const
export type PackingItemId = (typeof packingItemIds)[number]

export const packageShotIds = ['package_inside', 'package_outside'] as const
export type PackageShotId = (typeof packageShotIds)[number]

/** The items to tick for a case, in order. */
export function packingChecklist(caseType: CaseType): PackingItemId[] {
  return packingItemIds.filter((id) => id !== 'original_packaging_kept' || caseType === 'damaged_on_arrival')
}

export interface PackingProgress {
  missingItems: PackingItemId[]
  missingShots: PackageShotId[]
  /** The order details slip has been printed (or written) for the package. */
  slip: boolean
  complete: boolean
}

export function packingProgress(
  caseType: CaseType,
  checked: Iterable<string>,
  shots: Iterable<string>,
  slipRecorded: boolean,
): PackingProgress {
  const ticked = new Set(checked)
  const taken = new Set(shots)
  const missingItems = packingChecklist(caseType).filter((id) => !ticked.has(id))
  const missingShots = packageShotIds.filter((id) => !taken.has(id))
  return { missingItems, missingShots, slip: slipRecorded, complete: missingItems.length === 0 && missingShots.length === 0 && slipRecorded }
}
