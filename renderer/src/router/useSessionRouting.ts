// The screen follows the session: signed out (by hand, idle, or by the services), handed to a
// customer, or back to staff, the route moves where the session allows (sessionRedirect). The
// one place that clears what the last person left: the next person to sign in starts at the
// counter, without the last one's order or case on screen.
import { watch } from 'vue'
import { useRouter } from 'vue-router'
import { useCounterStore } from '../stores/counter'
import { useIntakeStore } from '../stores/intake'
import { useSessionStore } from '../stores/session'
import { sessionRedirect } from '.'

export function useSessionRouting(): void {
  const router = useRouter()
  const session = useSessionStore()
  const counter = useCounterStore()
  const intake = useIntakeStore()
  watch(
    () => [session.mode, session.signedIn, session.isSupervisor] as const,
    ([, signedIn], [, wasSignedIn]) => {
      if (wasSignedIn && !signedIn) {
        counter.reset()
        intake.close()
      }
      const target = sessionRedirect(router.currentRoute.value)
      if (target) void router.replace(target)
    },
  )
}
