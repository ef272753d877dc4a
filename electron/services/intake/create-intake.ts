// Wires the intake (issue #3) into the services: its handlers, the PIN for the slip printer
// (printing's PinSource), the PIN purge once a case is handed over (or cancelled) and synced
// (the sync client's onCaseSynced), the photo source for the sync upload, and the start-up
// removal of photo files no row or event refers to (a crash between file and commit).
import type { Handlers } from '../dispatch'
import type { ServiceContext } from '../context'
import { carrierHandlers } from '../handlers/carriers'
import { handoverHandlers } from '../handlers/handover'
import { intakeHandlers } from '../handlers/intake'
import { intakeControlHandlers } from '../handlers/intake-control'
import { packingHandlers } from '../handlers/packing'
import { photoHandlers } from '../handlers/photos'
import { selfcheckHandlers } from '../handlers/selfcheck'
import { auditPhotos } from '../photos/photo-audit'
import { PhotoStore } from '../photos/photo-store'
import type { PinSource } from '../printing/models'
import type { PhotoRef, PhotoSource } from '../sync/photo-source'
import { syncClientFor } from '../sync/registry'
import { CustomerCases } from './customer-cases'
import type { IntakeDeps, SupervisorCheck, TicketPrinter } from './intake-deps'
import { PhotoRows } from './photo-rows'
import { PinVault } from './pin-vault'

export function createIntake(ctx: ServiceContext, dataDir: string, verifySupervisor: SupervisorCheck) {
  const deps: IntakeDeps = {
    photos: new PhotoStore(dataDir),
    photoRows: new PhotoRows(ctx.store.db),
    pins: new PinVault(ctx.store.db, ctx.secrets),
    customers: new CustomerCases(),
    verifySupervisor,
  }
  const removed = deps.photos.removeOrphans(deps.photoRows.referenced())
  if (removed.length) ctx.log.info('orphan photos removed', { count: removed.length })
  // Every cited photo must be there with its bytes: a loss is reported, never ignored.
  const photoAudit = auditPhotos(ctx.store.db, deps.photos, deps.photoRows.referenced())
  if (photoAudit.missing.length || photoAudit.mismatched.length) {
    ctx.log.error('photos cited by the record are missing or altered', { checked: photoAudit.checked, missing: photoAudit.missing, altered: photoAudit.mismatched })
  } else ctx.log.info('photos checked', { checked: photoAudit.checked, ms: photoAudit.ms })

  const handlers = {
    ...intakeHandlers(ctx, deps),
    ...intakeControlHandlers(ctx, deps),
    ...photoHandlers(ctx, deps),
    ...packingHandlers(ctx, deps),
    ...handoverHandlers(ctx, deps),
    ...selfcheckHandlers(ctx, deps),
    ...carrierHandlers(ctx),
  } satisfies Partial<Handlers>

  const pinForSlip: PinSource = (caseId) => deps.pins.pinForSlip(caseId)

  /** Forgets the PIN of a case that is closed (handed over or cancelled) and synced. */
  const purgeIfClosed = (caseId: string): boolean => {
    const s = ctx.store.cases.get(caseId)
    if (!s || (s.status !== 'handed_over' && s.status !== 'cancelled')) return false
    const purged = deps.pins.purge(caseId)
    if (purged) ctx.log.info('unlock PIN purged', { caseId })
    return purged
  }

  // The photos of an erased case (privacy/) are gone: nothing to upload for them.
  const photoSource: PhotoSource = {
    photosFor: (eventIds) => {
      const refs: PhotoRef[] = []
      const stmt = ctx.store.db.prepare('SELECT DISTINCT e.id AS eventId, e.case_id AS caseId, p.sha256, p.mime FROM events e JOIN photos p ON p.case_id = e.case_id AND instr(e.payload, p.sha256) > 0 WHERE e.id = ? AND NOT EXISTS (SELECT 1 FROM erased_cases x WHERE x.case_id = e.case_id)')
      for (const id of eventIds) {
        for (const r of stmt.all(id) as { eventId: string; caseId: string; sha256: string; mime: 'image/jpeg' }[]) {
          refs.push({ eventId: r.eventId, caseId: r.caseId, sha256: r.sha256, path: deps.photos.pathOf(r.sha256, r.mime) })
        }
      }
      return refs
    },
  }

  /** Once the sync client exists (after the handlers are built): purge hook and photo source. */
  const connectSync = (): void => {
    const client = syncClientFor(ctx.kioskId)
    if (!client) return
    client.setPhotoSource(photoSource)
    client.onCaseSynced((caseId) => void purgeIfClosed(caseId))
  }

  const connectPrinting = (printer: TicketPrinter): void => {
    deps.ticketPrinter = printer
  }

  return { handlers, deps, pinForSlip, purgePin: purgeIfClosed, connectSync, connectPrinting, photoAudit }
}
