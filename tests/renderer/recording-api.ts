// The fake API port of the renderer tests: an API built from the contract (buildApi) whose
// every call is recorded and answered by the test's handler, a fresh active Pinia, English
// texts, the app's router, and the mount options that inject them.
import { createPinia, setActivePinia } from 'pinia'
import { ref } from 'vue'
import { buildApi } from '@shared/contract/api'
import type { CallName } from '@shared/contract/calls'
import type { Result } from '@shared/contract/result'
import { API_PORT } from '../../renderer/src/api/port'
import { createAppI18n } from '../../renderer/src/i18n'
import { createAppRouter } from '../../renderer/src/router'

export type ApiHandler = (name: CallName, input: unknown) => Result<unknown> | Promise<Result<unknown>>

export function recordingApi(handler: ApiHandler) {
  const calls: Array<[CallName, unknown]> = []
  const api = buildApi(
    async (name, input) => {
      calls.push([name, input])
      return handler(name, input)
    },
    () => () => {},
  )
  const pinia = createPinia()
  setActivePinia(pinia)
  const i18n = createAppI18n('en')
  const router = createAppRouter()
  const global = { plugins: [pinia, i18n, router], provide: { [API_PORT as symbol]: { api, connection: ref('open') } } }
  return { api, calls, i18n, router, global }
}
