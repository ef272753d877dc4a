// The counter's settings the eligibility verdict depends on.
import { z } from 'zod'
import { call, none } from '../define'

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')

export const counterCalls = {
  /** The counter's public holidays (not business days for a damaged-on-arrival report). */
  'counter.holidays': call<string[]>('staff')(none),
  /** Supervisor only: replaces the list of public holidays (YYYY-MM-DD). */
  'counter.setHolidays': call<string[]>('supervisor')(z.strictObject({ dates: z.array(isoDate).max(200) })),
}
