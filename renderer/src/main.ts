// Renderer entry: pick the transport (Electron preload or the browser-mode socket), then
// provide the API to the app by injection.
import { createPinia } from 'pinia'
import { createApp, ref } from 'vue'
import App from './App.vue'
import { takeToken } from './api/browser-token'
import { API_PORT, type ApiPort } from './api/port'
import { connectBrowserApi } from './api/ws-client'
import { createAppI18n } from './i18n'
import { createAppRouter } from './router'
import { installNavigationGuard } from './security/navigation-guard'
import './styles/app.css'

function resolvePort(): ApiPort | null {
  if (window.dropdesk) return { api: window.dropdesk, connection: ref('open') }
  const token = takeToken(window.location, window.sessionStorage, window.history)
  return token ? connectBrowserApi(window.location.origin, token) : null
}

installNavigationGuard(window)
const port = resolvePort()
if (!port) {
  document.body.textContent =
    'This page needs its access key. Open the address that DropDesk printed when it started (it ends with #token=…).'
} else {
  const i18n = createAppI18n()
  document.documentElement.lang = i18n.global.locale.value
  createApp(App).provide(API_PORT, port).use(createPinia()).use(i18n).use(createAppRouter()).mount('#app')
}
