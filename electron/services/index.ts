// Composition root of the services: opens the store, loads the embedded default, wires the
// handlers behind the contract's dispatcher. Plain Node: no electron import here.
import { randomBytes, randomUUID } from 'node:crypto'
import path from 'node:path'
import { isValidTimeZone } from '@shared/domain/dates'
import { CaseQueries } from './cases/case-queries'
import { CaseRecorder } from './cases/case-recorder'
import type { ServiceContext } from './context'
import { createDispatcher, type Handlers } from './dispatch'
import { EventBus } from './event-bus'
import { appHandlers } from './handlers/app'
import { casesHandlers } from './handlers/cases'
import { createIntake } from './intake/create-intake'
import { diagnosticsHandlers } from './handlers/diagnostics'
import { startScanners } from './devices/scanners'
import { ordersHandlers } from './handlers/orders'
import { createPrinting, printingHandlers } from './handlers/printing'
import { printersProbe, scannersProbe } from './diagnostics/device-probes'
import { syncHandlers } from './handlers/sync'
import { createLog, logSink } from './log'
import { loadDemoManifest, servesDemo } from './orders/demo-manifest'
import { importManifestFile, type ImportReport } from './orders/manifest-import'
import { newSession } from './session'
import { mayReceive } from './staff/access'
import { setUpStaff } from './staff/setup'
import { createPrivacy } from './privacy/create-privacy'
import { openStore } from './store'
import { DB_FILE } from './store/database'
import { checkDataDir } from './startup/data-dir-check'
import { acquireInstanceLock, type InstanceLock } from './startup/instance-lock'
import { keyFileSource } from './secrets/key-file'
import { createSecretBox } from './secrets/secret-box'
import { guardKey } from './secrets/key-guard'
import { photoAuditProbe } from './photos/photo-audit'
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
  // Before anything writes: a clear word on an unusable folder, then one instance per folder.
  checkDataDir(options.dataDir, path.join(options.dataDir, DB_FILE))
  const instance = acquireInstanceLock(options.dataDir, options.transport)
  try {
    return await startServices(options, instance)
  } catch (e) {
    instance.release()
    throw e
  }
}

async function startServices(options: ServicesOptions, instance: InstanceLock): Promise<Services> {
  const log = createLog('services', logSink(options.dataDir))
  // Browser mode's key file is checked before anything opens (a readable key is refused).
  const keySource = options.keySource ?? keyFileSource(options.dataDir)
  const secrets = createSecretBox(keySource)
  secrets.check()
  const now = options.now ?? (() => new Date())
  const store = openStore(options.dataDir)
  try {
    // Before anything seals or tags: a missing or different key stops the start (key-guard.ts).
    guardKey({ db: store.db, settings: store.settings, secrets, dataDir: options.dataDir, where: keySource.description })
    const kioskId = store.settings.getOrInit('kiosk.id', newKioskId)
    const timeZone = options.timeZone ?? store.settings.getOrInit('counter.timeZone', hostTimeZone)
    if (!isValidTimeZone(timeZone)) throw new Error(`Unknown time zone "${timeZone}": use an IANA name such as Europe/Paris.`)

    let manifestReport: ImportReport | undefined
    if (options.manifestFile) {
      const report = await importManifestFile(store, options.manifestFile, { source: 'import', now, timeZone })
      manifestReport = report
      log.info('manifest imported', { imported: report.imported, rejected: report.rejectedCount, refused: report.refused !== null, ms: report.ms })
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
      secrets,
    }
    const staff = await setUpStaff({ db: store.db, settings: store.settings, kioskId, timeZone, now, log, secrets })
    const scanners = startScanners(ctx)
    const intake = createIntake(ctx, options.dataDir, (pin) => staff.staff.auth.authenticate(pin))
    const privacy = createPrivacy(ctx, options.dataDir)
    const printing = createPrinting(ctx, { pinSource: intake.pinForSlip })
    intake.connectPrinting(printing)
    // The diagnostics screen: scanner, printer and sync modules plug their probes in here (diagnostics/probes.ts).
    const diagnostics = diagnosticsHandlers(ctx, options.dataDir, { probes: [printersProbe(printing), scannersProbe(scanners.manager), photoAuditProbe(intake.photoAudit)] })
    const handlers: Handlers = { ...staff.handlers, ...appHandlers(ctx), ...diagnostics, ...ordersHandlers(ctx), ...casesHandlers(ctx), ...scanners.handlers, ...printingHandlers(ctx, {}, printing), ...syncHandlers(ctx), ...intake.handlers, ...privacy.handlers }
    intake.connectSync()
    const dispatch = createDispatcher(handlers, log, staff.guard)

    return {
      kioskId,
      dataDir: options.dataDir,
      firstRunSupervisorPin: staff.firstRunSupervisorPin,
      manifestReport,
      instance,
      openSession: () => newSession(randomUUID()),
      closeSession: () => {},
      dispatch,
      canReceive: mayReceive,
      onEvent: (listener) => bus.on(listener),
      close: () => {
        void scanners.stop()
        privacy.stop()
        store.close()
        instance.release()
      },
    }
  } catch (e) {
    store.close()
    throw e
  }
}
