// Browser mode: the host prints a URL with a per-start token in its fragment (never sent to
// the server in requests or logged). Keep it for this tab so a reload works, and remove it
// from the address bar so it is not left on screen.
const KEY = 'dropdesk.token'

export function takeToken(location: Location, storage: Storage, history: History): string | null {
  const match = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(location.hash)
  if (match?.[1]) {
    storage.setItem(KEY, match[1])
    history.replaceState(null, '', location.pathname + location.search)
    return match[1]
  }
  return storage.getItem(KEY)
}
