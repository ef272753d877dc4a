// The counter's clock for the windows: now, its time zone, and its public holidays as
// configured (settings key `counter.holidays`: ["2026-12-25", ...]; none by default).
import type { CounterClock } from '@shared/domain/windows'
import type { ServiceContext } from '../context'

export const HOLIDAYS_KEY = 'counter.holidays'

export function counterHolidays(ctx: ServiceContext): string[] {
  const value = ctx.store.settings.get<unknown>(HOLIDAYS_KEY)
  return Array.isArray(value) ? value.filter((d): d is string => typeof d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d)) : []
}

export function counterClock(ctx: ServiceContext): CounterClock {
  return { now: ctx.now(), timeZone: ctx.timeZone, holidays: counterHolidays(ctx) }
}
