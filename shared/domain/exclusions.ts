// Warranty exclusions (DOMAIN.md "Warranty exclusions"; seeds: the return guide's "Check your
// warranty coverage" and the French B2B FAQ "causes d'exclusion de la garantie"). Staff record
// each exclusion they observe with photo evidence; an applicable exclusion makes the case
// "not covered" unless a supervisor overrides it (eligibility.ts, supervisor.override).
import type { CaseType } from '../manifest/record'

export const exclusionIds = [
  'physical_damage', // broken, cracked, dented beyond the grade sold
  'liquid_damage', // oxidation / liquid; waterproofing is never guaranteed on refurbished devices
  'third_party_opened', // opened or repaired by a third party or the buyer
  'abnormal_use', // use beyond what is normal for such a device
  'negligence', // negligence or lack of care
  'accident_after_delivery', // e.g. a drop after delivery
  'normal_wear', // normal wear and tear
] as const
export type ExclusionId = (typeof exclusionIds)[number]

/** Evidence shots for exclusions: stable ids the photo step and the renderer's i18n use. */
export const exclusionShotIds = [
  'damage_closeup',
  'damage_overview',
  'liquid_indicator',
  'opening_marks',
  'use_marks_closeup',
  'impact_closeup',
  'wear_closeup',
] as const
export type ExclusionShotId = (typeof exclusionShotIds)[number]

/**
 * The photos each exclusion needs, on top of the case's condition shots. One close-up of what
 * shows the cause; damage and an accident also need an overview locating it on the device,
 * since those are the ones most often disputed ("it arrived like this").
 */
export const exclusionEvidence: Record<ExclusionId, readonly ExclusionShotId[]> = {
  physical_damage: ['damage_closeup', 'damage_overview'],
  liquid_damage: ['liquid_indicator'],
  third_party_opened: ['opening_marks'],
  abnormal_use: ['use_marks_closeup'],
  negligence: ['use_marks_closeup'],
  accident_after_delivery: ['impact_closeup', 'damage_overview'],
  normal_wear: ['wear_closeup'],
}

/**
 * Which exclusions void which case type. Interpretations (README.md):
 * - withdrawal: all but normal wear (a device used for a few days shows normal wear; the
 *   withdrawal right only excludes damage caused by the customer);
 * - damaged on arrival: all but physical damage, which is the very claim;
 * - trade-in: none; a device in a worse state than assessed gets a counteroffer instead.
 */
const applicable: Record<CaseType, readonly ExclusionId[]> = {
  warranty_repair: exclusionIds,
  withdrawal: exclusionIds.filter((e) => e !== 'normal_wear'),
  damaged_on_arrival: exclusionIds.filter((e) => e !== 'physical_damage'),
  trade_in: [],
}

export function exclusionApplies(caseType: CaseType, exclusion: ExclusionId): boolean {
  return applicable[caseType].includes(exclusion)
}

export interface EvidencePhoto {
  shot: ExclusionShotId
  sha256: string
}

/** The evidence shots still missing for an exclusion (empty when it is fully documented). */
export function missingExclusionEvidence(exclusion: ExclusionId, evidence: readonly EvidencePhoto[]): ExclusionShotId[] {
  const have = new Set(evidence.map((e) => e.shot))
  return exclusionEvidence[exclusion].filter((shot) => !have.has(shot))
}
