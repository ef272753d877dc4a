// A session signed in as the first supervisor, for tests that call the services directly.
// The first-run PIN is only known on a data dir's first start, so it is remembered per data
// dir here for the tests that restart the services on the same one.
import type { Session } from '../../electron/services/session'
import type { Services } from '../../electron/services/types'

const pins = new Map<string, string>()

export async function signedInSession(services: Services, pin?: string): Promise<Session> {
  if (services.firstRunSupervisorPin) pins.set(services.dataDir, services.firstRunSupervisorPin)
  const use = pin ?? pins.get(services.dataDir)
  if (!use) throw new Error(`No supervisor PIN known for ${services.dataDir}: pass one.`)
  const session = services.openSession()
  const r = await services.dispatch('session.signIn', { pin: use }, session)
  if (!r.ok) throw new Error(`sign-in failed: ${r.error.message}`)
  return session
}
