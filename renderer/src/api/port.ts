// The API reaches components and stores by injection, never through `window`, so stores can
// be tested with a fake and the same code runs over Electron IPC or the browser WebSocket.
import { inject, type InjectionKey, type Ref } from 'vue'
import type { DropDeskApi } from '@shared/contract/api'

export type ConnectionState = 'connecting' | 'open' | 'closed' | 'refused'

export interface ApiPort {
  api: DropDeskApi
  /** Electron IPC is always 'open'; the browser socket may drop and come back. */
  connection: Ref<ConnectionState>
}

export const API_PORT: InjectionKey<ApiPort> = Symbol('dropdesk-api')

export function useApiPort(): ApiPort {
  const port = inject(API_PORT)
  if (!port) throw new Error('The DropDesk API was not provided to this component tree.')
  return port
}

export function useApi(): DropDeskApi {
  return useApiPort().api
}
