// The counter's holidays: the days that do not count in the eligibility windows.
import type { ServiceContext } from '../context'
import type { HandlersOf } from '../dispatch'
import { counterHolidays, HOLIDAYS_KEY } from './counter-clock'

export function counterHandlers(ctx: ServiceContext): HandlersOf<'counter'> {
  return {
    'counter.holidays': () => counterHolidays(ctx),
    'counter.setHolidays': ({ dates }) => {
      ctx.store.settings.set(HOLIDAYS_KEY, [...new Set(dates)].sort())
      return counterHolidays(ctx)
    },
  }
}
