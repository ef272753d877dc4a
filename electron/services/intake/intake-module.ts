// The case work as a module: the counter's intake, photos, packing and label, hand-over and the
// customer's self-check, over the case store (calls cases.*, intake.*, counter.*, photos.*,
// packing.*, label.*, handover.*, selfcheck.*). At start, photo files no row or event refers to
// (a crash between file and commit) are removed and every cited photo is checked; the result is
// its line on the Diagnostics screen.
import { casesHandlers } from '../cases/handlers'
import type { ServiceContext } from '../context'
import type { HandlersOf } from '../dispatch'
import type { ServiceModule } from '../module'
import { auditPhotos, photoAuditProbe, type PhotoAuditReport } from '../photos/photo-audit'
import { photoHandlers } from '../photos/handlers'
import type { PhotoStore } from '../photos/photo-store'
import { counterHandlers } from './counter-handlers'
import { CustomerCases } from './customer-cases'
import { handoverHandlers } from './handover-handlers'
import type { IntakeDeps, SupervisorCheck, TicketPrinter } from './intake-deps'
import { intakeHandlers } from './intake-handlers'
import { packingHandlers } from './packing-handlers'
import { PhotoRows } from './photo-rows'
import type { PinVault } from './pin-vault'
import { selfcheckHandlers } from './selfcheck-handlers'
import { carriersHandlers } from './carriers-handlers'

type IntakePrefix = 'cases' | 'intake' | 'counter' | 'photos' | 'packing' | 'label' | 'handover' | 'selfcheck' | 'carriers'

export interface IntakeModule extends ServiceModule<HandlersOf<IntakePrefix>> {
  /** Forgets the PIN of a case that is closed (handed over or cancelled) and synced. */
  caseSynced(caseId: string): void
}

export function createIntakeModule(ctx: ServiceContext, collaborators: { photos: PhotoStore; pins: PinVault; verifySupervisor: SupervisorCheck; ticketPrinter?: TicketPrinter }): IntakeModule {
  const deps: IntakeDeps = { ...collaborators, photoRows: new PhotoRows(ctx.store.db), customers: new CustomerCases() }
  let audit: PhotoAuditReport = { checked: 0, missing: [], mismatched: [], ms: 0 }

  const start = (): void => {
    const removed = deps.photos.removeOrphans(deps.photoRows.referenced())
    if (removed.length) ctx.log.info('orphan photos removed', { count: removed.length })
    // Every cited photo must be there with its bytes: a loss is reported, never ignored.
    audit = auditPhotos(ctx.store.db, deps.photos, deps.photoRows.referenced())
    if (audit.missing.length || audit.mismatched.length) {
      ctx.log.error('photos cited by the record are missing or altered', { checked: audit.checked, missing: audit.missing, altered: audit.mismatched })
    } else ctx.log.info('photos checked', { checked: audit.checked, ms: audit.ms })
  }

  const caseSynced = (caseId: string): void => {
    const s = ctx.store.cases.get(caseId)
    if (!s || (s.status !== 'handed_over' && s.status !== 'cancelled')) return
    if (deps.pins.purge(caseId)) ctx.log.info('unlock PIN purged', { caseId })
  }

  return {
    handlers: {
      ...casesHandlers(ctx, deps),
      ...intakeHandlers(ctx, deps),
      ...counterHandlers(ctx),
      ...photoHandlers(ctx, deps),
      ...packingHandlers(ctx, deps),
      ...handoverHandlers(ctx, deps),
      ...selfcheckHandlers(ctx, deps),
      ...carriersHandlers(ctx),
    },
    start,
    probes: [photoAuditProbe(() => audit)],
    endSession: (session) => deps.customers.clear(session),
    caseSynced,
  }
}
