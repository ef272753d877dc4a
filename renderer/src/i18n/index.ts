import { createI18n } from 'vue-i18n'
import { en } from './en'
import { fr } from './fr'

export const locales = ['en', 'fr'] as const
export type Locale = (typeof locales)[number]

function preferredLocale(): Locale {
  const saved = globalThis.localStorage?.getItem('dropdesk.locale')
  if (saved === 'en' || saved === 'fr') return saved
  return globalThis.navigator?.language?.startsWith('fr') ? 'fr' : 'en'
}

export function createAppI18n(locale: Locale = preferredLocale()) {
  return createI18n({ legacy: false, locale, fallbackLocale: 'en', messages: { en, fr } })
}
