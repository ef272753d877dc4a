// Where the screen is: one route per screen, in memory (a kiosk has no address bar; a reload
// starts at the counter). Who may be where is decided here, once: a customer at the kiosk only
// sees the self-check, nobody signed in only the sign-in screen, and the supervisor's screens
// need a supervisor. The services refuse the same calls on their side.
import { createMemoryHistory, createRouter, type RouteLocationRaw, type RouteRecordRaw, type Router } from 'vue-router'
import { useIntakeStore } from '../stores/intake'
import { useSessionStore } from '../stores/session'
import StaffShell from './StaffShell.vue'
import SelfCheckScreen from './SelfCheckScreen.vue'
import CaseView from '../views/CaseView.vue'
import CounterView from '../views/CounterView.vue'
import DevicesView from '../views/DevicesView.vue'
import DiagnosticsView from '../views/DiagnosticsView.vue'
import HandoverView from '../views/HandoverView.vue'
import PrintersView from '../views/PrintersView.vue'
import PrivacyView from '../views/PrivacyView.vue'
import SignInView from '../views/SignInView.vue'
import StaffView from '../views/StaffView.vue'
import SyncView from '../views/SyncView.vue'
import TodayView from '../views/TodayView.vue'

declare module 'vue-router' {
  interface RouteMeta {
    /** Only a supervisor signed in may be here. */
    supervisor?: boolean
    /** Open to whoever is at the screen (sign-in, the customer's self-check). */
    gate?: 'signedOut' | 'customer'
  }
}

/** The screens in the header's tabs, in their order (the supervisor's last). */
export const tabs = ['counter', 'today', 'handover', 'devices', 'printers', 'staff', 'sync', 'diagnostics', 'privacy'] as const
export type Tab = (typeof tabs)[number]

const routes: RouteRecordRaw[] = [
  { path: '/sign-in', name: 'sign-in', component: SignInView, meta: { gate: 'signedOut' } },
  { path: '/self-check', name: 'self-check', component: SelfCheckScreen, meta: { gate: 'customer' } },
  { path: '/staff', name: 'staff', component: StaffView, meta: { supervisor: true } },
  {
    path: '/',
    component: StaffShell,
    children: [
      { path: '', redirect: { name: 'counter' } },
      { path: 'counter', name: 'counter', component: CounterView },
      { path: 'today', name: 'today', component: TodayView },
      { path: 'handover', name: 'handover', component: HandoverView },
      { path: 'devices', name: 'devices', component: DevicesView },
      { path: 'printers', name: 'printers', component: PrintersView },
      // The case is loaded before its screen shows (a row of Today, a scan, a pick-up).
      { path: 'case/:id', name: 'case', component: CaseView, beforeEnter: (to) => openCase(String(to.params.id)) },
      { path: 'sync', name: 'sync', component: SyncView, meta: { supervisor: true } },
      { path: 'diagnostics', name: 'diagnostics', component: DiagnosticsView, meta: { supervisor: true } },
      { path: 'privacy', name: 'privacy', component: PrivacyView, meta: { supervisor: true } },
    ],
  },
  { path: '/:rest(.*)*', redirect: { name: 'counter' } },
]

async function openCase(id: string): Promise<boolean> {
  const intake = useIntakeStore()
  return intake.current?.state.id === id || (await intake.open(id))
}

/** Where the session sends someone who asked for `to`; null: they may go there. */
export function sessionRedirect(to: { name?: unknown; meta: { supervisor?: boolean; gate?: string } }): RouteLocationRaw | null {
  const session = useSessionStore()
  if (session.mode === 'customer') return to.meta.gate === 'customer' ? null : { name: 'self-check' }
  if (!session.signedIn) return to.meta.gate === 'signedOut' ? null : { name: 'sign-in' }
  if (to.meta.gate) return { name: 'counter' }
  if (to.meta.supervisor && !session.isSupervisor) return { name: 'counter' }
  return null
}

export function createAppRouter(): Router {
  const router = createRouter({ history: createMemoryHistory(), routes })
  router.beforeEach((to) => sessionRedirect(to) ?? true)
  return router
}
