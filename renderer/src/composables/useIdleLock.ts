// Returns the screen to sign-in after the configured idle time: taps and keys count as
// activity (useIdle); now and then the services' view is fetched again, so a sign-out decided
// there (idle, removed from the staff list) shows here too.
import { useIdle, useIntervalFn } from '@vueuse/core'
import { computed, effectScope, onScopeDispose, watch, type EffectScope } from 'vue'
import { useSessionStore } from '../stores/session'

const RESYNC_MS = 20_000

export function useIdleLock(): void {
  const session = useSessionStore()
  const idleMs = computed(() => (session.current?.idleLockSeconds ?? 300) * 1000)
  // useIdle's time is fixed when it starts: a new one whenever the services' setting changes.
  let scope: EffectScope | undefined
  watch(
    idleMs,
    (ms) => {
      scope?.stop()
      scope = effectScope(true)
      scope.run(() => {
        const { idle, lastActive, reset } = useIdle(ms, { events: ['pointerdown', 'keydown'], listenForVisibilityChange: false })
        watch(lastActive, () => session.activity())
        // The idle time counts from the sign-in, not from the last person's last tap.
        watch(() => session.signedIn, (now) => now && reset())
        watch(idle, (isIdle) => {
          if (isIdle && session.signedIn) void session.signOut('idle')
        })
      })
    },
    { immediate: true },
  )
  onScopeDispose(() => scope?.stop())
  useIntervalFn(() => {
    if (session.signedIn) void session.load()
  }, RESYNC_MS)
}
