// A refused call is shown in the screen's language from its reason key and values; the English
// message is shown only when the renderer has no text for the key.
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { defineComponent, h } from 'vue'
import { reason, resultError, type ResultError } from '@shared/contract/result'
import { useReasonText } from '../../renderer/src/composables/useReasonText'
import { recordingApi } from './recording-api'

function shown(error: ResultError, locale: 'en' | 'fr'): string {
  const { global, i18n } = recordingApi(() => resultErrorEnvelope())
  i18n.global.locale.value = locale
  const Probe = defineComponent({
    setup() {
      const { reasonText } = useReasonText()
      return () => h('p', reasonText(error))
    },
  })
  return mount(Probe, { global }).text()
}

const resultErrorEnvelope = () => ({ ok: false as const, error: resultError('not_found', reason('test.none', 'none')) })

describe('reason text', () => {
  it('translates a known key in French and shows the services’ English in English', () => {
    const e = resultError('unauthorized', reason('access.signInFirst', 'Sign in with your staff PIN first.'))
    expect(shown(e, 'fr')).toBe('Connectez-vous d’abord avec votre code.')
    expect(shown(e, 'en')).toBe('Sign in with your staff PIN first.')
  })

  it('puts the reason’s values in the text', () => {
    const e = resultError('invalid_input', reason('call.noAnswer', 'The kiosk services did not answer "cases.get". Please try again.', { call: 'cases.get' }))
    expect(shown(e, 'fr')).toBe('Les services de la borne n’ont pas répondu à « cases.get ». Réessayez.')
  })

  it('shows a date in the screen’s language and the app’s own words for a document or a printer type', () => {
    const expired = resultError('illegal_transition', reason('label.expired', 'This label expired (it was valid until 2026-11-30)…', { validUntil: '2026-11-30' }))
    expect(shown(expired, 'fr')).toContain('valable jusqu’au 30 nov. 2026')
    expect(shown(expired, 'en')).toContain('valid until Nov 30, 2026')
    const language = resultError('invalid_input', reason('printer.wrongLanguage', '…', { printer: 'Slips', language: 'pdf', document: 'caseLabel', languages: ['zpl'] }))
    expect(shown(language, 'fr')).toBe('« Slips » est une imprimante Bureau (PDF) ; « Étiquette du dossier » demande Étiquettes Zebra (ZPL).')
  })

  it('falls back to the message for a key it has no text for, and for an error without a key', () => {
    expect(shown(resultError('conflict', reason('some.newerKey', 'A newer service said this.')), 'fr')).toBe('A newer service said this.')
    expect(shown({ code: 'conflict', message: 'No key at all.' }, 'fr')).toBe('No key at all.')
  })
})
