/// <reference types="vite/client" />
import type { DropDeskApi, DropDeskTransport } from '@shared/contract/api'

declare global {
  interface Window {
    /** Set by the Electron preload; absent in browser mode. */
    dropdesk?: DropDeskApi
    dropdeskTransport?: DropDeskTransport
  }
}

declare module '*.vue' {
  import type { DefineComponent } from 'vue'
  const component: DefineComponent<object, object, unknown>
  export default component
}
