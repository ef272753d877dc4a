// The parts of the Electron checklist not covered by electron-shell.test.ts: the full list of
// escape shortcuts, developer tools shut in a packaged build, the crash → reload path, and no
// `shell.openExternal` anywhere (a kiosk has no browser to hand a link to, so untrusted input
// can never reach it).
import { EventEmitter } from 'node:events'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { hardenWindowContents, isBlockedShortcut } from '../../electron/main/security'

const key = (k: string, mods: Partial<Record<'control' | 'meta' | 'shift' | 'alt', boolean>> = {}) => ({
  type: 'keyDown' as const,
  key: k,
  control: false,
  meta: false,
  shift: false,
  alt: false,
  ...mods,
})

class Contents extends EventEmitter {
  destroyed = false
  reload = vi.fn()
  closeDevTools = vi.fn()
  setVisualZoomLevelLimits = vi.fn(async () => {})
  isDestroyed() {
    return this.destroyed
  }
}

function harden(options: { kiosk: boolean; devTools?: boolean }) {
  const contents = new Contents()
  hardenWindowContents(contents as unknown as Parameters<typeof hardenWindowContents>[0], options)
  return contents
}

afterEach(() => vi.useRealTimers())

describe('escape shortcuts', () => {
  it('blocks reload, history, devtools, zoom, print, close, quit and full-screen toggles in kiosk mode', () => {
    const blocked = [
      key('F5'),
      key('r', { control: true }),
      key('R', { control: true, shift: true }),
      key('BrowserRefresh'),
      key('BrowserBack'),
      key('BrowserForward'),
      key('ArrowLeft', { alt: true }),
      key('ArrowRight', { alt: true }),
      key('Home', { alt: true }),
      key('F12'),
      key('I', { control: true, shift: true }),
      key('i', { meta: true, shift: true }),
      key('J', { control: true, shift: true }),
      key('+', { control: true }),
      key('-', { control: true }),
      key('0', { control: true }),
      key('p', { control: true }),
      key('w', { control: true }),
      key('q', { control: true }),
      key('F4', { alt: true }),
      key('F11'),
    ]
    for (const input of blocked) expect(isBlockedShortcut(input, true), JSON.stringify(input)).toBe(true)
  })

  it('lets a scanner and a person type', () => {
    for (const k of ['A', '7', 'Enter', 'Tab', 'Backspace', 'ArrowLeft', ' ', '-']) expect(isBlockedShortcut(key(k), true), k).toBe(false)
    expect(isBlockedShortcut(key('a', { shift: true }), true)).toBe(false)
    expect(isBlockedShortcut({ ...key('F5'), type: 'keyUp' as never }, true)).toBe(false)
  })

  it('prevents the blocked keys in the window', () => {
    const contents = harden({ kiosk: true })
    const event = { preventDefault: vi.fn() }
    contents.emit('before-input-event', event, key('ArrowLeft', { alt: true }))
    contents.emit('before-input-event', { preventDefault: vi.fn() }, key('a'))
    expect(event.preventDefault).toHaveBeenCalledTimes(1)
  })
})

describe('developer tools and crashes', () => {
  it('closes developer tools at once in a packaged build, and leaves them in development', () => {
    const packaged = harden({ kiosk: true, devTools: false })
    packaged.emit('devtools-opened')
    expect(packaged.closeDevTools).toHaveBeenCalledTimes(1)
    const dev = harden({ kiosk: false, devTools: true })
    dev.emit('devtools-opened')
    expect(dev.closeDevTools).not.toHaveBeenCalled()
  })

  it('reloads after the renderer is gone, backing off when it crashes again at once', () => {
    vi.useFakeTimers()
    const contents = harden({ kiosk: true, devTools: false })
    contents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 })
    vi.advanceTimersByTime(499)
    expect(contents.reload).not.toHaveBeenCalled()
    vi.advanceTimersByTime(1)
    expect(contents.reload).toHaveBeenCalledTimes(1)
    contents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 })
    vi.advanceTimersByTime(4_999)
    expect(contents.reload).toHaveBeenCalledTimes(1)
    vi.advanceTimersByTime(1)
    expect(contents.reload).toHaveBeenCalledTimes(2)
    contents.destroyed = true
    contents.emit('render-process-gone', {}, { reason: 'oom', exitCode: 0 })
    vi.advanceTimersByTime(10_000)
    expect(contents.reload).toHaveBeenCalledTimes(2)
  })
})

describe('shell.openExternal', () => {
  function sources(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      const full = path.join(dir, e.name)
      if (e.isDirectory()) return sources(full)
      return /\.(ts|vue|mjs|cjs|js)$/.test(e.name) ? [full] : []
    })
  }

  it('is used nowhere in the app', () => {
    const root = path.resolve(__dirname, '../..')
    const files = ['electron', 'renderer/src', 'shared'].flatMap((d) => sources(path.join(root, d)))
    expect(files.length).toBeGreaterThan(50)
    const users = files.filter((f) => /\bopenExternal\b|\bopenPath\b/.test(readFileSync(f, 'utf8')))
    expect(users.map((f) => path.relative(root, f))).toEqual([])
  })
})
