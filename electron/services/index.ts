// Composition root of the services: opens the store, loads the embedded default, wires the
// handlers behind the contract's dispatcher. Plain Node: no electron import here.
import { randomBytes, randomUUID } from 'node:crypto'
import { isValidTimeZone } from '@shared/domain/dates'
import { CaseQueries } from './cases/case-queries'
import { CaseRecorder } from './cases/case-recorder'
import type { ServiceContext } from './context'
import { createDispatcher, type Handlers } from './dispatch'
import { EventBus } from './event-bus'
import { appHandlers } from './handlers/app'
import { casesHandlers } from './handlers/cases'
import { ordersHandlers } from './handlers/orders'
import { createLog } from './log'
import { loadDemoManifest, servesDemo } from './orders/demo-manifest'
import { importManifestFile } from './orders/manifest-import'
import { newSession } from './session'
import { openStore } from './store'
import type { Services, ServicesOptions } from './types'

/** A short kiosk id that prefixes case numbers: "K" and 4 characters of Crockford base32. */
function newKioskId(): string {
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
  return 'K' + Array.from(randomBytes(4), (b) => alphabet[b % 32]).join('')
}

function hostTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'
}

export async function createServices(options: ServicesOptions): Promise<Services> {
  const log = createLog('services')
  const now = options.now ?? (() => new Date())
  const store = openStore(options.dataDir)
  try {
    const kioskId = store.settings.getOrInit('kiosk.id', newKioskId)
    const timeZone = options.timeZone ?? store.settings.getOrInit('counter.timeZone', hostTimeZone)
    if (!isValidTimeZone(timeZone)) throw new Error(`Unknown time zone "${timeZone}": use an IANA name such as Europe/Paris.`)

    if (options.manifestFile) {
      const report = await importManifestFile(store, options.manifestFile, { source: 'import', now })
      log.info('manifest imported', { imported: report.imported, rejected: report.rejectedCount, ms: report.ms })
    } else if (servesDemo(store)) {
      const report = await loadDemoManifest(store, now, timeZone)
      log.info('demo manifest loaded', { imported: report.imported })
    }

    const bus = new EventBus()
    const ctx: ServiceContext = {
      store,
      kioskId,
      transport: options.transport,
      timeZone,
      now,
      bus,
      recorder: new CaseRecorder(store, kioskId, now),
      caseQueries: new CaseQueries(store.db, store),
      log,
    }
    const handlers: Handlers = { ...appHandlers(ctx), ...ordersHandlers(ctx), ...casesHandlers(ctx) }
    const dispatch = createDispatcher(handlers, log)

    return {
      kioskId,
      dataDir: options.dataDir,
      openSession: () => newSession(randomUUID()),
      closeSession: () => {},
      dispatch,
      onEvent: (listener) => bus.on(listener),
      close: () => store.close(),
    }
  } catch (e) {
    store.close()
    throw e
  }
}
