// Who is signed in at this screen. The services decide (they sign an idle session out on their
// side too); this store mirrors them, and reports the person's taps and keys so an active
// session stays open there (the idle lock itself: composables/useIdleLock.ts).
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { ResultError } from '@shared/contract/result'
import type { LockedOutDetails, SessionView } from '@shared/contract/staff-views'
import { useApi } from '../api/port'

export type SignInProblem =
  | { kind: 'wrongPin'; attemptsLeft?: number }
  | { kind: 'locked'; lockedUntil: string }
  | { kind: 'other'; error: ResultError }

function problemOf(e: ResultError): SignInProblem {
  const details = e.details as Partial<LockedOutDetails & { attemptsLeft: number }> | undefined
  if (e.code === 'forbidden' && details?.lockedUntil) return { kind: 'locked', lockedUntil: details.lockedUntil }
  if (e.code === 'unauthorized') return { kind: 'wrongPin', attemptsLeft: details?.attemptsLeft }
  return { kind: 'other', error: e }
}

export const useSessionStore = defineStore('session', () => {
  const api = useApi()
  const current = ref<SessionView | null>(null)
  const problem = ref<SignInProblem | null>(null)
  /** Why the last sign-out happened on its own (shown on the sign-in screen). */
  const signedOutBecause = ref<'idle' | null>(null)
  const busy = ref(false)
  /** PIN pads on screen: while any is, the keyboard-wedge scanner listener is off. */
  const pinEntryOpen = ref(0)
  /** Scans from the services' scanners (HID, serial) while a PIN pad shows: each one bumps it, the pad answers. */
  const scansAtPin = ref(0)

  const signedIn = computed(() => current.value?.signedIn === true && current.value.mode === 'staff')
  const mode = computed(() => current.value?.mode ?? 'staff')
  const staff = computed(() => current.value?.staff ?? null)
  const isSupervisor = computed(() => staff.value?.role === 'supervisor')

  let lastTouch = 0

  function adopt(view: SessionView): void {
    current.value = view
    lastTouch = Date.now()
  }

  async function load(): Promise<void> {
    const r = await api.session.current({})
    if (r.ok) current.value = r.value
  }

  async function withPin(call: () => ReturnType<typeof api.session.signIn>): Promise<boolean> {
    if (busy.value) return false
    busy.value = true
    problem.value = null
    try {
      const r = await call()
      if (!r.ok) {
        problem.value = problemOf(r.error)
        return false
      }
      signedOutBecause.value = null
      adopt(r.value)
      return true
    } finally {
      busy.value = false
    }
  }

  const signIn = (pin: string) => withPin(() => api.session.signIn({ pin }))
  const toStaffMode = (pin: string) => withPin(() => api.session.setMode({ mode: 'staff', pin }))

  async function toCustomerMode(): Promise<void> {
    const r = await api.session.setMode({ mode: 'customer' })
    if (r.ok) adopt(r.value)
  }

  async function signOut(because: 'idle' | null = null): Promise<void> {
    signedOutBecause.value = because
    problem.value = null
    const r = await api.session.signOut({})
    if (r.ok) current.value = r.value
    else if (current.value) current.value = { ...current.value, signedIn: false, staff: null }
  }

  /** A tap or key on the screen. Tells the services now and then, not on every key. */
  function activity(): void {
    const now = Date.now()
    const idleMs = (current.value?.idleLockSeconds ?? 300) * 1000
    if (signedIn.value && now - lastTouch >= Math.min(30_000, idleMs / 4)) {
      lastTouch = now
      void api.session.touch({}).then((r) => {
        if (r.ok) current.value = r.value
      })
    }
  }

  return {
    current,
    problem,
    signedOutBecause,
    busy,
    pinEntryOpen,
    scansAtPin,
    signedIn,
    mode,
    staff,
    isSupervisor,
    load,
    signIn,
    toStaffMode,
    toCustomerMode,
    signOut,
    activity,
  }
})
