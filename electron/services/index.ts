// Composition root of the services: opens the store, loads the embedded default, builds the
// shared collaborators once and every module with them (module.ts), starts the modules in
// order and stops them in reverse at close(). Plain Node: no electron import here.
import { randomBytes, randomUUID } from 'node:crypto'
import path from 'node:path'
import { isValidTimeZone } from '@shared/domain/dates'
import { CaseQueries } from './cases/case-queries'
import { CaseRecorder } from './cases/case-recorder'
import type { ServiceContext } from './context'
import { createDevicesModule } from './devices/devices-module'
import { createDiagnosticsModule } from './diagnostics/handlers'
import { createDispatcher, type Handlers } from './dispatch'
import { EventBus } from './event-bus'
import { createIntakeModule } from './intake/intake-module'
import { PinVault } from './intake/pin-vault'
import { createLog, logSink } from './log'
import { startModules, stopModules, type ServiceModule } from './module'
import { loadDemoManifest, servesDemo } from './orders/demo-manifest'
import { createOrdersModule } from './orders/handlers'
import { importManifestFile, type ImportReport } from './orders/manifest-import'
import { PhotoStore } from './photos/photo-store'
import { createPrintingModule } from './printing/printing-module'
import { createPrivacyModule } from './privacy/privacy-module'
import { keyFileSource } from './secrets/key-file'
import { guardKey } from './secrets/key-guard'
import { createSecretBox } from './secrets/secret-box'
import { newSession } from './session'
import { mayReceive } from './staff/access'
import { createStaffModule } from './staff/staff-module'
import { checkDataDir } from './startup/data-dir-check'
import { acquireInstanceLock, type InstanceLock } from './startup/instance-lock'
import { openStore } from './store'
import { DB_FILE } from './store/database'
import { EventPhotoSource } from './sync/event-photo-source'
import { createSyncModule } from './sync/sync-module'
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

    const ctx: ServiceContext = {
      store,
      dataDir: options.dataDir,
      kioskId,
      transport: options.transport,
      timeZone,
      now,
      bus: new EventBus(),
      recorder: new CaseRecorder(store, kioskId, now),
      caseQueries: new CaseQueries(store.db, store),
      log,
      secrets,
    }
    // Shared by several modules, built once: the photo files and the sealed unlock PINs.
    const photos = new PhotoStore(options.dataDir)
    const pins = new PinVault(store.db, secrets)

    const staff = createStaffModule(ctx)
    const printing = createPrintingModule(ctx, { pinSource: (caseId) => pins.pinForSlip(caseId) })
    const intake = createIntakeModule(ctx, { photos, pins, verifySupervisor: (pin) => staff.staff.auth.authenticate(pin), ticketPrinter: printing.service })
    const orders = createOrdersModule(ctx)
    const devices = createDevicesModule(ctx)
    const privacy = createPrivacyModule(ctx, { photos })
    const sync = createSyncModule(ctx, {
      photoSource: options.photoSource ?? new EventPhotoSource(store.db, photos.root),
      onCaseSynced: (caseId) => intake.caseSynced(caseId),
    })
    // Last: the Diagnostics screen asks every other module's probes.
    const others: ServiceModule[] = [staff, intake, orders, devices, printing, privacy, sync]
    // Listed on the screen as a supervisor reads it: printers, then scanners, then the photo check.
    const probeOrder: ServiceModule[] = [printing, devices, intake, staff, orders, privacy, sync]
    const diagnostics = createDiagnosticsModule(ctx, { probes: probeOrder.flatMap((m) => m.probes ?? []) })
    // Started in this order, stopped in reverse.
    const modules: ServiceModule[] = [...others, diagnostics]
    // Typed: a contract call without a module answering it does not compile.
    const handlers: Handlers = { ...staff.handlers, ...intake.handlers, ...orders.handlers, ...devices.handlers, ...printing.handlers, ...privacy.handlers, ...sync.handlers, ...diagnostics.handlers }
    await startModules(modules)
    const dispatch = createDispatcher(handlers, log, staff.staff)

    let closed = false
    return {
      kioskId,
      dataDir: options.dataDir,
      firstRunSupervisorPin: staff.firstRunSupervisorPin(),
      manifestReport,
      instance,
      openSession: () => newSession(randomUUID()),
      closeSession: (session) => {
        for (const m of modules) m.endSession?.(session)
      },
      dispatch,
      canReceive: mayReceive,
      onEvent: (listener) => ctx.bus.on(listener),
      close: () => {
        if (closed) return
        closed = true
        // Reverse order: the sync client and the print worker stop before the store closes.
        stopModules(modules, (e) => log.error('a module failed to stop', { error: e instanceof Error ? e.message : String(e) }))
        store.close()
        instance.release()
      },
    }
  } catch (e) {
    store.close()
    throw e
  }
}
