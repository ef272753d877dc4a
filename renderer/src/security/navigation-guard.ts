// Keeps the page on its own origin in browser mode, where no Electron `will-navigate` or
// window-open handler stands behind it. The CSP already stops foreign script, so this is the
// second fence: a navigation of this page to another origin is cancelled (Navigation API,
// Chromium), a click on a link to a foreign address (which could open a new window the
// Navigation API of this page never sees) does nothing, and window.open of a foreign address
// opens nothing. Forms cannot post anywhere: the CSP says form-action 'none'. In Electron the main process
// enforces the same (electron/main/security.ts); the guard is harmless there.

interface NavigateEventLike extends Event {
  readonly destination: { readonly url: string }
}
interface NavigationLike {
  addEventListener(type: 'navigate', listener: (event: NavigateEventLike) => void): void
}

type GuardedWindow = Pick<Window, 'location' | 'open' | 'addEventListener'> & { navigation?: NavigationLike }

export function isForeign(url: string | URL | undefined | null, base: Pick<Location, 'href' | 'origin'>): boolean {
  if (url === undefined || url === null || url === '') return false // window.open() / about:blank of our own
  try {
    return new URL(String(url), base.href).origin !== base.origin
  } catch {
    return true
  }
}

export function installNavigationGuard(win: GuardedWindow): void {
  win.navigation?.addEventListener('navigate', (event) => {
    if (event.cancelable && isForeign(event.destination.url, win.location)) event.preventDefault()
  })
  // Capture phase, before any component's handler: plain, middle and modified clicks alike.
  const onClick = (event: Event) => {
    const link = (event.target as Element | null)?.closest?.('a[href], area[href]') as HTMLAnchorElement | HTMLAreaElement | null
    if (link && isForeign(link.href, win.location)) event.preventDefault()
  }
  win.addEventListener('click', onClick, true)
  win.addEventListener('auxclick', onClick, true)
  const open = win.open.bind(win)
  win.open = (url?: string | URL, target?: string, features?: string) => (isForeign(url, win.location) ? null : open(url, target, features))
}
