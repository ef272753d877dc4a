// What staff read when a step is refused because the case itself is refused: why, and the
// only ways on (the refusal screen offers the same actions).
import { DomainError, reason } from '@shared/contract/result'
import type { RefusalReason } from '@shared/domain/case-derived'

const NEXT = 'Change the case type where another applies, ask a supervisor to override, hold the case for the customer\'s return, or close it as refused (the device goes back to the customer).'

export const refusalMessages: Record<RefusalReason, string> = {
  not_eligible: `Refused: this case type is not covered, so nothing more is recorded on it. ${NEXT}`,
  device_locked: `Refused: the device is still locked to an account: a trade-in cannot be accepted. Once the customer has signed out of it, record the account again. Otherwise: ${NEXT}`,
  under_18: `Refused: a trade-in needs the customer to be 18 or older. ${NEXT}`,
  accessories_missing: `Refused: the mandatory accessories (charger, cable) are missing. Once the customer brings them, record the accessories again. Otherwise: ${NEXT}`,
}

export function refusedError(refusal: RefusalReason, event?: string): DomainError {
  return new DomainError('illegal_transition', reason(`refusal.${refusal}`, refusalMessages[refusal]), { reason: 'refused', refusal, ...(event ? { event } : {}) })
}
