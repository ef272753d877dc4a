// The contract over Electron IPC: one ipcMain handler per call name, each checking who is
// asking before the services see anything, and push events forwarded to the window.
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron'
import { callNames } from '@shared/contract/calls'
import { failWith, internalReason, reason, type Result } from '@shared/contract/result'
import type { Session } from '../services/session'
import type { Services } from '../services/types'
import type { IsTrustedUrl } from './security'

/** Push events travel on `event:<name>`; the preload listens on the same prefix. */
export const EVENT_CHANNEL_PREFIX = 'event:'

export interface IpcDeps {
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>
  services: Pick<Services, 'openSession' | 'closeSession' | 'dispatch' | 'onEvent' | 'canReceive'>
  /** Our window's web contents; null before the window exists or after it closed. */
  getContents: () => WebContents | null
  isTrustedUrl: IsTrustedUrl
  log?: (message: string) => void
}

/**
 * Only the main frame of our own window, showing our own origin, may call. An iframe, a page
 * that somehow navigated elsewhere, or any other web contents gets `forbidden` — the preload
 * is only the first fence, this is the one that counts.
 */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>, deps: Pick<IpcDeps, 'getContents' | 'isTrustedUrl'>): boolean {
  const contents = deps.getContents()
  if (!contents || contents.isDestroyed() || event.sender !== contents) return false
  let frame: IpcMainInvokeEvent['senderFrame']
  try {
    frame = event.senderFrame // null (or throws, on older builds) once the frame has gone
  } catch {
    return false
  }
  return frame !== null && frame === contents.mainFrame && deps.isTrustedUrl(frame.url)
}

/** Registers every handler; returns a function that removes them and closes the sessions. */
export function registerIpc(deps: IpcDeps): () => void {
  const { ipcMain, services } = deps
  const sessions = new Map<number, Session>()
  const watched = new WeakSet<WebContents>()

  // One session per web contents, and a fresh one whenever its page (re)loads: a reloaded
  // renderer has forgotten who signed in, so the services must forget too.
  const sessionFor = (contents: WebContents): Session => {
    const existing = sessions.get(contents.id)
    if (existing) return existing
    const session = services.openSession()
    sessions.set(contents.id, session)
    if (!watched.has(contents)) {
      watched.add(contents)
      const id = contents.id
      const end = () => {
        const open = sessions.get(id)
        if (open) services.closeSession(open)
        sessions.delete(id)
      }
      contents.on('did-navigate', end)
      contents.once('destroyed', end)
    }
    return session
  }

  for (const name of callNames) {
    ipcMain.handle(name, async (event, input: unknown): Promise<Result<unknown>> => {
      if (!isTrustedSender(event, deps)) {
        deps.log?.(`refused "${name}" from an untrusted sender (${safeUrl(event)})`)
        return failWith('forbidden', reason('call.untrustedSender', 'This call is only accepted from the DropDesk window.'))
      }
      try {
        return await services.dispatch(name, input, sessionFor(event.sender))
      } catch (error) {
        // dispatch returns envelopes; a throw is a bug. Raw errors never cross IPC.
        deps.log?.(`"${name}" threw: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
        return failWith('internal', internalReason)
      }
    })
  }

  const stopEvents = services.onEvent((name, payload) => {
    const contents = deps.getContents()
    // Event payloads carry customer names: only ever to our own page.
    if (!contents || contents.isDestroyed() || !deps.isTrustedUrl(contents.getURL())) return
    // Nobody signed in, or a customer at the screen: only the events that session may see.
    const session = sessions.get(contents.id)
    if (services.canReceive && (!session || !services.canReceive(session, name))) return
    contents.send(EVENT_CHANNEL_PREFIX + name, payload)
  })

  return () => {
    stopEvents()
    for (const name of callNames) ipcMain.removeHandler(name)
    for (const session of sessions.values()) services.closeSession(session)
    sessions.clear()
  }
}

function safeUrl(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): string {
  try {
    return event.senderFrame?.url.slice(0, 200) ?? 'no frame'
  } catch {
    return 'no frame'
  }
}
