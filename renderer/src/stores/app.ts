// Who and where we are: kiosk id, transport, time zone, demo or real manifest.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { AppInfo } from '@shared/contract/views'
import { useApiPort } from '../api/port'

export const useAppStore = defineStore('app', () => {
  const { api, connection } = useApiPort()
  const info = ref<AppInfo | null>(null)

  async function load(): Promise<void> {
    const r = await api.app.info({})
    if (r.ok) info.value = r.value
  }

  return { info, connection, load }
})
