// The Electron shell: its navigation, window, permission and shortcut handlers, and the IPC sender checks. Run against the hand-written `electron` double of
// tests/support/electron-double.ts (the binary cannot run here) and a fake Services.
import { describe, expect, it, vi } from 'vitest'
import { callNames } from '@shared/contract/calls'
import { eventNames } from '@shared/contract/events'
import { ok } from '@shared/contract/result'
import { newSession, type Session } from '../../electron/services/session'
import type { Services } from '../../electron/services/types'
import { isTrustedSender, registerIpc } from '../../electron/main/ipc'
import { APP_ENTRY_URL, rendererOrigin } from '../../electron/main/origin'
import { isBlockedShortcut } from '../../electron/main/security'
import { useShellDouble } from '../support/electron-double'

const h = await vi.hoisted(async () => (await import('../support/electron-double')).makeElectronDouble())

vi.mock('electron', () => ({ ...h.electron, default: h.electron }))
vi.mock('../../electron/services/index', () => ({ createServices: h.createServices }))

type FakeWebContents = InstanceType<typeof h.FakeWebContents>

const OURS = APP_ENTRY_URL
const EVIL = 'https://evil.example/'

function navEvent(url: string) {
  return { url, preventDefault: vi.fn() }
}

const { startShell } = useShellDouble(h)

// ---------------------------------------------------------------------------------------------
describe('security (electron/main/security.ts)', () => {
  it('prevents navigation and redirects to a foreign origin, allows our own', async () => {
    const { webContents } = await startShell()
    for (const channel of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      const evil = navEvent(EVIL)
      webContents.emit(channel, evil)
      expect(evil.preventDefault, channel).toHaveBeenCalled()
      const file = navEvent('file:///etc/passwd')
      webContents.emit(channel, file)
      expect(file.preventDefault, channel).toHaveBeenCalled()
      const ours = navEvent('app://dropdesk/index.html#/intake')
      webContents.emit(channel, ours)
      expect(ours.preventDefault, channel).not.toHaveBeenCalled()
    }
  })

  it('denies window.open and <webview>', async () => {
    const { webContents } = await startShell()
    expect(webContents.windowOpenHandler?.({ url: EVIL })).toEqual({ action: 'deny' })
    expect(webContents.windowOpenHandler?.({ url: OURS })).toEqual({ action: 'deny' })
    const attach = navEvent('')
    webContents.emit('will-attach-webview', attach)
    expect(attach.preventDefault).toHaveBeenCalled()
  })

  it('grants the camera to our origin only, and nothing else to anyone', async () => {
    const { webContents } = await startShell()
    const request = h.defaultSession.requestHandler!
    const check = h.defaultSession.checkHandler!
    expect(request).toBeTypeOf('function')
    expect(check).toBeTypeOf('function')
    const ask = (permission: string, details: object) => {
      let granted: boolean | undefined
      request(webContents, permission, (g) => (granted = g), details)
      return granted
    }
    expect(ask('media', { requestingUrl: OURS, isMainFrame: true, mediaTypes: ['video'] })).toBe(true)
    expect(ask('media', { requestingUrl: EVIL, isMainFrame: true, mediaTypes: ['video'] })).toBe(false)
    expect(ask('media', { requestingUrl: 'app://other/index.html', isMainFrame: true, mediaTypes: ['video'] })).toBe(false)
    expect(ask('media', { requestingUrl: OURS, isMainFrame: false, mediaTypes: ['video'] })).toBe(false)
    expect(ask('media', { requestingUrl: OURS, isMainFrame: true, mediaTypes: ['audio'] })).toBe(false)
    expect(ask('media', { requestingUrl: OURS, isMainFrame: true, mediaTypes: ['video', 'audio'] })).toBe(false)
    expect(ask('geolocation', { requestingUrl: OURS, isMainFrame: true })).toBe(false)
    expect(ask('notifications', { requestingUrl: OURS, isMainFrame: true })).toBe(false)
    expect(ask('hid', { requestingUrl: OURS, isMainFrame: true })).toBe(false)

    expect(check(webContents, 'media', 'app://dropdesk', { requestingUrl: OURS, isMainFrame: true, mediaType: 'video' })).toBe(true)
    expect(check(webContents, 'media', 'https://evil.example', { requestingUrl: EVIL, isMainFrame: true, mediaType: 'video' })).toBe(false)
    expect(check(webContents, 'media', 'app://dropdesk', { requestingUrl: OURS, isMainFrame: true, mediaType: 'audio' })).toBe(false)
    expect(check(webContents, 'geolocation', 'app://dropdesk', { requestingUrl: OURS, isMainFrame: true })).toBe(false)
  })

  it('blocks reload, devtools, zoom and close shortcuts but not what a scanner types', async () => {
    const { webContents } = await startShell()
    const key = (key: string, mods: Partial<Record<'control' | 'meta' | 'shift' | 'alt', boolean>> = {}) => {
      const event = navEvent('')
      webContents.emit('before-input-event', event, { type: 'keyDown', key, control: false, meta: false, shift: false, alt: false, ...mods })
      return event.preventDefault.mock.calls.length > 0
    }
    expect(key('r', { control: true })).toBe(true)
    expect(key('R', { meta: true, shift: true })).toBe(true)
    expect(key('F5')).toBe(true)
    expect(key('F12')).toBe(true)
    expect(key('I', { control: true, shift: true })).toBe(true)
    expect(key('w', { control: true })).toBe(true)
    expect(key('=', { control: true })).toBe(true)
    expect(key('-', { meta: true })).toBe(true)
    expect(key('0', { control: true })).toBe(true)
    expect(key('q', { control: true })).toBe(true) // kiosk
    expect(key('a')).toBe(false)
    expect(key('R', { shift: true })).toBe(false) // a capital R from a scanner
    expect(key('Enter')).toBe(false)
    expect(key('0')).toBe(false)
    expect(isBlockedShortcut({ type: 'keyDown', key: 'q', control: true, meta: false, shift: false, alt: false }, false)).toBe(false)
    expect(webContents.setVisualZoomLevelLimits).toHaveBeenCalledWith(1, 1)
  })

  it('reloads the window after the renderer process is gone', async () => {
    const { webContents } = await startShell()
    vi.useFakeTimers()
    webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 })
    vi.advanceTimersByTime(1_000)
    expect(webContents.reload).toHaveBeenCalledTimes(1)
  })
})

// ---------------------------------------------------------------------------------------------
describe('IPC (electron/main/ipc.ts)', () => {
  const invoke = (name: string, sender: FakeWebContents, senderFrame: unknown, input: unknown = {}) =>
    h.handlers.get(name)!({ sender, senderFrame }, input)

  it('registers a handler for every contract call and nothing else', async () => {
    await startShell()
    expect([...h.handlers.keys()].sort()).toEqual([...callNames].sort())
    expect(h.electron.ipcMain.handle).toHaveBeenCalledTimes(callNames.length)
  })

  it('dispatches a call from our window main frame, with one session per web contents', async () => {
    const { webContents } = await startShell()
    const result = await invoke('orders.lookup', webContents, webContents.mainFrame, { code: 'RMA-1' })
    expect(result).toEqual({ ok: true, value: { name: 'orders.lookup', input: { code: 'RMA-1' } } })
    expect(h.services.dispatch).toHaveBeenCalledWith('orders.lookup', { code: 'RMA-1' }, expect.objectContaining({ id: 's1' }))
    await invoke('cases.today', webContents, webContents.mainFrame)
    expect(h.services.openSession).toHaveBeenCalledTimes(1)
    expect(h.services.dispatch.mock.calls[1]![2]).toBe(h.services.dispatch.mock.calls[0]![2])
    // A reload is a new page that has forgotten who signed in: a fresh session.
    webContents.emit('did-navigate')
    expect(h.services.closeSession).toHaveBeenCalledWith(expect.objectContaining({ id: 's1' }))
    await invoke('cases.today', webContents, webContents.mainFrame)
    expect(h.services.dispatch.mock.calls[2]![2]).toMatchObject({ id: 's2' })
  })

  it('answers forbidden to any other sender, without reaching the services', async () => {
    const { webContents } = await startShell()
    const forbidden = { ok: false, error: { code: 'forbidden', key: 'call.untrustedSender', message: expect.any(String) } }
    const iframe = { url: OURS, parent: webContents.mainFrame }
    expect(await invoke('cases.today', webContents, iframe)).toEqual(forbidden)
    expect(await invoke('cases.today', webContents, null)).toEqual(forbidden)
    expect(await invoke('cases.today', webContents, { url: OURS, parent: null })).toEqual(forbidden) // not our main frame object
    const other = new h.FakeWebContents()
    other.mainFrame.url = OURS
    expect(await invoke('cases.today', other, other.mainFrame)).toEqual(forbidden)
    webContents.mainFrame.url = EVIL // our window, somehow showing a foreign page
    expect(await invoke('cases.today', webContents, webContents.mainFrame)).toEqual(forbidden)
    expect(h.services.dispatch).not.toHaveBeenCalled()
    expect(h.services.openSession).not.toHaveBeenCalled()
  })

  it('turns a throwing dispatch into an internal envelope', async () => {
    const { webContents } = await startShell()
    h.services.dispatch.mockRejectedValueOnce(new Error('SQLITE_BUSY at /secret/path'))
    const result = await invoke('cases.today', webContents, webContents.mainFrame)
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } })
    expect(JSON.stringify(result)).not.toContain('/secret/path')
  })

  it('forwards service events to the window on event:<name>, and only to our page', async () => {
    const { webContents } = await startShell()
    const name = eventNames[0]!
    for (const listener of h.eventListeners) listener(name, { probe: 1 } as never)
    expect(webContents.sent).toEqual([[`event:${name}`, { probe: 1 }]])
    webContents.mainFrame.url = EVIL
    for (const listener of h.eventListeners) listener(name, { probe: 2 } as never)
    expect(webContents.sent).toHaveLength(1)
  })

  it('isTrustedSender and registerIpc work on their own with injected doubles', async () => {
    const contents = new h.FakeWebContents()
    contents.mainFrame.url = OURS
    const trusted = rendererOrigin(null).isTrustedUrl
    const deps = { getContents: () => contents as never, isTrustedUrl: trusted }
    expect(isTrustedSender({ sender: contents as never, senderFrame: contents.mainFrame as never }, deps)).toBe(true)
    expect(isTrustedSender({ sender: contents as never, senderFrame: { url: OURS, parent: contents.mainFrame } as never }, deps)).toBe(false)
    const handled = new Map<string, (event: unknown, input: unknown) => Promise<unknown>>()
    const services: Pick<Services, 'openSession' | 'closeSession' | 'dispatch' | 'onEvent'> = {
      openSession: () => newSession('x') as Session,
      closeSession: () => {},
      dispatch: async () => ok('done'),
      onEvent: () => () => {},
    }
    const dispose = registerIpc({
      ipcMain: { handle: (name: string, fn: never) => void handled.set(name, fn), removeHandler: (name: string) => void handled.delete(name) } as never,
      services,
      ...deps,
    })
    expect(await handled.get('app.info')!({ sender: contents, senderFrame: contents.mainFrame }, {})).toEqual(ok('done'))
    dispose()
    expect(handled.size).toBe(0)
  })
})

// ---------------------------------------------------------------------------------------------
