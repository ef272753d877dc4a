// Dates as the counter reads them: in the UI language, in the counter's time zone.
import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import { useAppStore } from '../stores/app'

// Building an Intl.DateTimeFormat costs far more than formatting with one (a fraction of a
// millisecond each: the order card alone formats three dates on the path from a scan to the
// order on screen), so one formatter per language, style and zone is built once and kept.
const formatters = new Map<string, Intl.DateTimeFormat>()

function formatter(locale: string, style: 'date' | 'time', timeZone: string): Intl.DateTimeFormat {
  const key = `${locale}|${style}|${timeZone}`
  let f = formatters.get(key)
  if (!f) {
    f = new Intl.DateTimeFormat(locale, style === 'date' ? { dateStyle: 'medium', timeZone } : { timeStyle: 'short', timeZone })
    formatters.set(key, f)
  }
  return f
}

/**
 * The very first formatter of a page costs far more again (some 20 ms: the locale's data is
 * loaded then), which would land on the first scan's order card: build the date formatter for
 * the language on screen as soon as the screen is idle instead.
 */
function warmUp(locale: string): void {
  if (formatters.has(`${locale}|date|UTC`)) return
  const build = () => void formatter(locale, 'date', 'UTC')
  if (typeof requestIdleCallback === 'function') requestIdleCallback(build)
  else setTimeout(build, 0)
}

export function useFormat() {
  const { locale } = useI18n()
  const app = useAppStore()
  const timeZone = computed(() => app.info?.timeZone ?? 'UTC')
  warmUp(locale.value)

  /** A calendar date (YYYY-MM-DD): no time zone applies to it. */
  function date(d: string | undefined): string {
    if (!d) return ''
    return formatter(locale.value, 'date', 'UTC').format(new Date(`${d}T12:00:00Z`))
  }

  /** An instant (UTC ISO), shown in the counter's time zone. */
  function time(iso: string): string {
    return formatter(locale.value, 'time', timeZone.value).format(new Date(iso))
  }

  return { date, time }
}
