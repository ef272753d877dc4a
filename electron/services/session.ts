// Who is at the screen on one connection (an Electron window or a browser-mode socket). The
// services take the actor of every event from here, never from the renderer's input.

export type Role = 'staff' | 'supervisor'
export type Mode = 'staff' | 'customer'

export interface Session {
  readonly id: string
  /** The signed-in person's id; null until someone signs in. */
  actor: string | null
  role: Role | null
  mode: Mode
  /** When the signed-in person last acted (epoch ms): the services sign out an idle session. */
  lastActiveAt?: number
}

export function newSession(id: string): Session {
  return { id, actor: null, role: null, mode: 'staff' }
}
