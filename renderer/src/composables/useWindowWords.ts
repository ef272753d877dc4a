// A case type's window in words a customer understands: "The 30-day withdrawal period runs
// from 3 Nov to 3 Dec", "12 days left", "Ended 11 days ago", with the unit always said
// (days, business days, months). Shared by the verdict and the order card.
import { useI18n } from 'vue-i18n'
import type { WindowVerdict } from '@shared/domain/windows'
import { useFormat } from './useFormat'

export function useWindowWords() {
  const { t } = useI18n()
  const { date } = useFormat()
  /** Days and days left count business days for a business-day window, calendar days otherwise. */
  const dayUnit = (w: WindowVerdict) => (w.unit === 'business_days' ? 'business_days' : 'days')

  const period = (w: WindowVerdict) => t(`verdictWords.period.${w.window}`, { limit: w.limit })
  const startEvent = (w: WindowVerdict) => t(`verdictWords.startEvent.${w.window}`)

  /** "N days left" (or "Today is the last day") while within, "Ended N days ago" once passed. */
  function remaining(w: WindowVerdict): string {
    return w.remaining >= 0 ? t(`verdictWords.left.${dayUnit(w)}`, w.remaining) : t(`verdictWords.ago.${dayUnit(w)}`, -w.remaining)
  }

  /** For a date table under "Days left" / "Ended": "12 days left" or "11 days ago". */
  function remainingShort(w: WindowVerdict): string {
    return w.remaining >= 0 ? remaining(w) : t(`verdictWords.agoShort.${dayUnit(w)}`, -w.remaining)
  }

  /** Where the window stands: runs from..to, or ended on. */
  function span(w: WindowVerdict): string {
    const p = { period: period(w), start: date(w.start), deadline: date(w.deadline) }
    return w.within ? t('verdictWords.runs', p) : t('verdictWords.ended', p)
  }

  /** How far today is from the start, against the limit, both with their unit. */
  function elapsed(w: WindowVerdict): string {
    return t('verdictWords.elapsed', {
      days: t(`verdictWords.${dayUnit(w)}`, w.days),
      startEvent: startEvent(w),
      limit: t(`verdictWords.${w.unit}`, w.limit),
    })
  }

  return { period, startEvent, remaining, remainingShort, span, elapsed }
}
