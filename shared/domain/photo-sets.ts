// The condition photos each case needs (DOMAIN.md "Device categories and the 7 required
// condition photos"; seeds: the return guide, step 2, and the damaged-delivery page). Shot ids
// are stable: events, photo rows and the renderer's i18n ("photos.shot.<id>") all use them.
import type { CaseType, Category } from '../manifest/record'

const sideShots = Array.from({ length: 12 }, (_, i) => `side_${i + 1}` as const)
const damageShots = Array.from({ length: 8 }, (_, i) => `damage_${i + 1}` as const)

export const conditionShotIds = [
  'screen_on',
  'screen_off',
  'back',
  'left',
  'right',
  'top',
  'bottom',
  'back_case',
  'left_open',
  'right_open',
  'front_closed',
  'back_closed',
  'strap_top',
  'strap_bottom',
  ...sideShots,
  'packaging',
  'shipping_label',
  ...damageShots,
] as const
export type ShotId = (typeof conditionShotIds)[number]

/** The 7 shots per category, in the order they are taken. */
export const categoryShots: Record<Exclude<Category, 'other'>, readonly ShotId[]> = {
  smartphone: ['screen_on', 'screen_off', 'back', 'left', 'right', 'top', 'bottom'],
  tablet: ['screen_on', 'screen_off', 'back', 'left', 'right', 'top', 'bottom'],
  computer: ['screen_on', 'screen_off', 'back_case', 'left_open', 'right_open', 'front_closed', 'back_closed'],
  smartwatch: ['screen_on', 'screen_off', 'back_case', 'left', 'right', 'strap_top', 'strap_bottom'],
}

/** "Other" devices: every side, at least 6 shots; up to 12. */
export const OTHER_MIN_SHOTS = 6
/** Damaged on arrival: packaging, the shipping label with its tracking number, >= 3 device photos. */
export const DAMAGE_MIN_SHOTS = 3

/**
 * Shots that a dead device may skip with a recorded reason. DOMAIN.md says "screen on (if
 * possible)" for phones and tablets; we read it for every device with a screen (a computer or
 * watch that does not power on cannot show its screen either): README.md.
 */
export const skippableShots: readonly ShotId[] = ['screen_on']
export const skipReasons = ['device_dead', 'screen_broken'] as const
export type SkipReason = (typeof skipReasons)[number]

export interface PhotoPlan {
  /** Shots that must each be taken (or skipped when skippable). */
  required: readonly ShotId[]
  /** Further shots that may be taken. */
  optional: readonly ShotId[]
  skippable: readonly ShotId[]
}

export function photoPlan(category: Category, caseType: CaseType): PhotoPlan {
  if (caseType === 'damaged_on_arrival') {
    return {
      required: ['packaging', 'shipping_label', ...damageShots.slice(0, DAMAGE_MIN_SHOTS)],
      optional: damageShots.slice(DAMAGE_MIN_SHOTS),
      skippable: [],
    }
  }
  if (category === 'other') return { required: sideShots.slice(0, OTHER_MIN_SHOTS), optional: sideShots.slice(OTHER_MIN_SHOTS), skippable: [] }
  return { required: categoryShots[category], optional: [], skippable: skippableShots }
}

export function shotInPlan(plan: PhotoPlan, shot: ShotId): boolean {
  return plan.required.includes(shot) || plan.optional.includes(shot)
}

export interface PhotoProgress {
  /** Required shots taken. */
  done: ShotId[]
  /** Required shots skipped with a reason. */
  skipped: ShotId[]
  /** Required shots neither taken nor skipped, in plan order: the first is the next to take. */
  missing: ShotId[]
  /** Optional shots taken. */
  extra: ShotId[]
  complete: boolean
}

/** What is done and what remains; a skip only counts for a skippable shot not taken since. */
export function photoProgress(plan: PhotoPlan, taken: Iterable<string>, skipped: Iterable<string> = []): PhotoProgress {
  const have = new Set(taken)
  const skips = new Set(skipped)
  const done = plan.required.filter((s) => have.has(s))
  const skippedShots = plan.required.filter((s) => !have.has(s) && skips.has(s) && plan.skippable.includes(s))
  const missing = plan.required.filter((s) => !have.has(s) && !skippedShots.includes(s))
  const extra = plan.optional.filter((s) => have.has(s))
  return { done, skipped: skippedShots, missing, extra, complete: missing.length === 0 }
}
