// Reason keys the services build from a value (`reason(`transition.${refusal}`, …)`): the
// prefix, and every value it can take, from the enumeration the code itself uses.
import { refusalReasons } from '@shared/domain/case-derived'
import { transitionRefusals } from '@shared/domain/case-transition'
import { bindingProblems } from '@shared/domain/handover'
import { identityProblems } from '@shared/domain/identity'
import { trackingProblems } from '@shared/domain/tracking-number'
import { recordIssueKeys } from '@shared/manifest/plain-issues'

export const dynamicReasonKeys: Record<string, readonly string[]> = {
  'transition.': transitionRefusals,
  'refusal.': refusalReasons,
  'identity.': identityProblems,
  'binding.': bindingProblems,
  'tracking.': trackingProblems,
  'import.': recordIssueKeys,
}
