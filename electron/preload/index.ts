// The preload: the only bridge between the sandboxed renderer and the main process. It exposes
// the contract's calls as named functions and the transport's name, nothing else — no
// ipcRenderer, no generic invoke(channel), no Electron event objects.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { buildApi, type DropDeskTransport } from '@shared/contract/api'
import type { Result } from '@shared/contract/result'

/** The channel prefix the main process sends push events on (see electron/main/ipc.ts). */
const EVENT_PREFIX = 'event:'

const api = buildApi(
  (name, input) => ipcRenderer.invoke(name, input) as Promise<Result<unknown>>,
  (name, listener) => {
    const channel = EVENT_PREFIX + name
    // Pass the payload only: the IpcRendererEvent carries `sender` (ipcRenderer itself), which
    // would hand the renderer the raw IPC API.
    const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload)
    ipcRenderer.on(channel, forward)
    return () => {
      ipcRenderer.removeListener(channel, forward)
    }
  },
)

const transport: DropDeskTransport = 'electron'

contextBridge.exposeInMainWorld('dropdesk', api)
contextBridge.exposeInMainWorld('dropdeskTransport', transport)
