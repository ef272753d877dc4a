// Returns the screen to sign-in after the configured idle time: taps and keys count as
// activity; a timer checks each second; now and then the services' view is fetched again, so
// a sign-out decided there (idle, removed from the staff list) shows here too.
import { getCurrentScope, onScopeDispose } from 'vue'
import { useSessionStore } from '../stores/session'

const RESYNC_MS = 20_000

export function useIdleLock(): void {
  const session = useSessionStore()
  const onActivity = () => session.activity()
  const options = { capture: true, passive: true }
  window.addEventListener('pointerdown', onActivity, options)
  window.addEventListener('keydown', onActivity, options)
  let lastSync = Date.now()
  const timer = setInterval(() => {
    void session.checkIdle()
    if (session.signedIn && Date.now() - lastSync >= RESYNC_MS) {
      lastSync = Date.now()
      void session.load()
    }
  }, 1000)
  if (getCurrentScope()) {
    onScopeDispose(() => {
      clearInterval(timer)
      window.removeEventListener('pointerdown', onActivity, options)
      window.removeEventListener('keydown', onActivity, options)
    })
  }
}
