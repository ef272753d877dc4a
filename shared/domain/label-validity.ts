// Return labels are valid 14 days from the help request (DOMAIN.md, "Case types"). The last
// valid day is the request's local date + 14; the label is expired from the next day on.
import { addDays, localDate } from './dates'

export const LABEL_VALID_DAYS = 14

export interface LabelValidity {
  /** The last local date on which the label may be handed over. */
  validUntil: string
  expired: boolean
}

export function labelValidity(requestedAt: string, now: Date, timeZone: string): LabelValidity {
  const validUntil = addDays(localDate(requestedAt, timeZone), LABEL_VALID_DAYS)
  return { validUntil, expired: localDate(now, timeZone) > validUntil }
}
