// Photos (issue #3): the bytes are written and fsynced by the PhotoStore BEFORE the event that
// references them commits (a crash in between leaves an orphan file, removed at start-up).
import { readFileSync } from 'node:fs'
import type { PhotoView } from '@shared/contract/intake-views'
import { DomainError, reason } from '@shared/contract/result'
import type { NewCaseEvent } from '../cases/case-recorder'
import { whyNot } from '@shared/domain/case-machine'
import { exclusionShotIds } from '@shared/domain/exclusions'
import { packageShotIds } from '@shared/domain/packing'
import { conditionShotIds, photoPlan, shotInPlan, type ShotId } from '@shared/domain/photo-sets'
import type { Handlers } from '../dispatch'
import type { ServiceContext } from '../context'
import { buildCaseDetail } from '../intake/case-detail'
import type { IntakeDeps } from '../intake/intake-deps'
import { loadCase, recordStep, refusal } from '../intake/step-recorder'
import { actorOf } from './cases'

const shotsFor = {
  condition: conditionShotIds as readonly string[],
  package: packageShotIds as readonly string[],
  exclusion: exclusionShotIds as readonly string[],
  account_proof: ['account_screen'],
}

export function photoHandlers(ctx: ServiceContext, deps: IntakeDeps): Pick<Handlers, 'photos.capture' | 'photos.skip' | 'photos.get'> {
  return {
    'photos.capture': ({ caseId, purpose, shot, mime, data }, session) => {
      deps.customers.requireAccess(session, caseId)
      if (session.mode === 'customer' && (purpose === 'exclusion' || purpose === 'package')) {
        throw new DomainError('forbidden', reason('photo.staffOnly', 'Staff take this photo at the counter.'))
      }
      if (!shotsFor[purpose].includes(shot)) throw new DomainError('invalid_input', reason('photo.wrongShot', `"${shot}" is not a ${purpose.replace('_', ' ')} shot.`, { shot, purpose }))
      const s = loadCase(ctx, caseId)
      const category = s.category ?? ctx.store.orders.get(s.orderNumber)?.record.item.category
      if (purpose === 'condition' && category && !shotInPlan(photoPlan(category, s.caseType), shot as ShotId)) {
        throw new DomainError('invalid_input', reason('photo.notInPlan', 'This shot is not one of this device\'s photos: follow the shots shown on screen.'))
      }
      const actor = actorOf(session, ctx)
      // Refused before the bytes are written when the case cannot take this photo now.
      const type = purpose === 'condition' ? 'photo.captured' : purpose === 'package' ? 'package.photographed' : null
      const why = type ? whyNot(s, type) : null
      if (why) throw refusal(why)
      const stored = deps.photos.put(Buffer.from(data, 'base64'), mime)
      const photo: PhotoView = { sha256: stored.sha256, purpose, shot, mime: stored.mime, size: stored.size, capturedAt: ctx.now().toISOString() }
      const ref = { sha256: stored.sha256, size: stored.size, mime: stored.mime }
      let event: NewCaseEvent | null = null
      if (purpose === 'condition') {
        // A retake names the photo it replaces, so the case's history shows both and why one went.
        const before = s.photos[shot]?.sha256
        event = { type: 'photo.captured', payload: { shot: shot as ShotId, ...ref, ...(before && before !== ref.sha256 ? { replaces: before } : {}) } }
      }
      if (purpose === 'package') event = { type: 'package.photographed', payload: { shot: shot as (typeof packageShotIds)[number], ...ref } }
      if (!event) {
        // Evidence cited later (an exclusion, the account proof): the row links it to the case now.
        deps.photoRows.add(caseId, photo)
        return { detail: buildCaseDetail(ctx, deps, s), recorded: true, photo }
      }
      const result = recordStep(ctx, deps, caseId, [event], actor, { alongside: () => deps.photoRows.add(caseId, photo) })
      if (!result.recorded) result.notice = 'This very photo is already recorded for this shot: nothing was added.'
      return { ...result, photo }
    },
    'photos.skip': ({ caseId, shot, reason, note }, session) => {
      deps.customers.requireAccess(session, caseId)
      return recordStep(ctx, deps, caseId, [{ type: 'photo.skipped', payload: { shot, reason, ...(note ? { note } : {}) } }], actorOf(session, ctx))
    },
    'photos.get': ({ caseId, sha256 }, session) => {
      deps.customers.requireAccess(session, caseId)
      const p = deps.photoRows.find(caseId, sha256)
      if (!p) throw new DomainError('not_found', reason('photo.notOnCase', 'No such photo on this case.'))
      try {
        return { sha256, mime: p.mime, data: readFileSync(deps.photos.pathOf(sha256, p.mime)).toString('base64') }
      } catch {
        throw new DomainError('not_found', reason('photo.fileMissing', 'The photo file is missing on this kiosk: take the photo again.'))
      }
    },
  }
}
