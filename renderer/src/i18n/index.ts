// English and French, complete for every screen. Each feature keeps its texts in
// messages/<feature>.ts as `{ en, fr }` with the same keys; they are merged here, so a new
// screen adds a file and touches nothing else.
import { createI18n } from 'vue-i18n'

export const locales = ['en', 'fr'] as const
export type Locale = (typeof locales)[number]
type Tree = { [key: string]: string | Tree }

const modules = import.meta.glob<{ default: Record<Locale, Tree> }>('./messages/*.ts', { eager: true })

function merge(into: Tree, from: Tree, where: string): void {
  for (const [k, v] of Object.entries(from)) {
    const existing = into[k]
    if (typeof v === 'object' && typeof existing === 'object') merge(existing, v, `${where}.${k}`)
    else if (existing !== undefined) throw new Error(`i18n key ${where}.${k} is defined twice`)
    // A copy: merging a later module into it must not change the module's own object.
    else into[k] = typeof v === 'object' ? structuredClone(v) : v
  }
}

export function allMessages(): Record<Locale, Tree> {
  const messages: Record<Locale, Tree> = { en: {}, fr: {} }
  for (const [file, mod] of Object.entries(modules)) for (const l of locales) merge(messages[l], mod.default[l], file)
  return messages
}

function preferredLocale(): Locale {
  const saved = globalThis.localStorage?.getItem('dropdesk.locale')
  if (saved === 'en' || saved === 'fr') return saved
  return globalThis.navigator?.language?.startsWith('fr') ? 'fr' : 'en'
}

export function createAppI18n(locale: Locale = preferredLocale()) {
  return createI18n({ legacy: false, locale, fallbackLocale: 'en', messages: allMessages() })
}
