// Dates as the counter reads them: in the UI language, in the counter's time zone.
import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import { useAppStore } from '../stores/app'

export function useFormat() {
  const { locale } = useI18n()
  const app = useAppStore()
  const timeZone = computed(() => app.info?.timeZone ?? 'UTC')

  /** A calendar date (YYYY-MM-DD): no time zone applies to it. */
  function date(d: string | undefined): string {
    if (!d) return ''
    return new Intl.DateTimeFormat(locale.value, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${d}T12:00:00Z`))
  }

  /** An instant (UTC ISO), shown in the counter's time zone. */
  function time(iso: string): string {
    return new Intl.DateTimeFormat(locale.value, { timeStyle: 'short', timeZone: timeZone.value }).format(new Date(iso))
  }

  return { date, time }
}
