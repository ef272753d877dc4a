// The words for a refused call, in the language on screen. The services send a reason key with
// its values (renderer i18n `reason.<key>`) and an English message; the message is shown only
// when this renderer has no text for the key (a newer service, a key not yet translated).
import { useI18n } from 'vue-i18n'
import type { ReasonParams } from '@shared/contract/result'
import { useFormat } from './useFormat'

/** What a reason needs to be shown: an error envelope, a print job's or an import line's reason. */
export interface Reasoned {
  message: string
  key?: string | undefined
  params?: ReasonParams | undefined
}

/** Values that are words of the app's own vocabulary: shown in the screen's language. */
const vocabulary: Record<string, { prefix: string; list?: Intl.ListFormatType }> = {
  document: { prefix: 'printing.document' },
  language: { prefix: 'printing.language' },
  languages: { prefix: 'printing.language', list: 'disjunction' },
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/
const isoInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/

export function useReasonText() {
  const { t, te, locale } = useI18n()
  const { date, time } = useFormat()

  function value(name: string, v: string | number | readonly string[]): string | number {
    if (typeof v === 'number') return v
    const words = vocabulary[name]
    const word = (w: string) => (words && te(`${words.prefix}.${w}`) ? t(`${words.prefix}.${w}`) : w)
    if (typeof v !== 'string') return new Intl.ListFormat(locale.value, { type: words?.list ?? 'conjunction' }).format(v.map(word))
    if (words) return word(v)
    if (isoDate.test(v)) return date(v)
    if (isoInstant.test(v)) return time(v)
    return v
  }

  /** The reason in the screen's language, or its English message when no text exists for it. */
  function reasonText(r: Reasoned | null | undefined): string {
    if (!r) return ''
    const path = r.key ? `reason.${r.key}` : ''
    if (!path || !te(path)) return r.message
    const params: Record<string, string | number> = {}
    for (const [k, v] of Object.entries(r.params ?? {})) params[k] = value(k, v)
    return t(path, params)
  }

  return { reasonText }
}
