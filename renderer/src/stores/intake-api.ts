// The intake gateway over the contract's calls (calls/intake.ts, photos.ts, packing.ts): each
// fact a step records maps to the one call that records it. The services decide what is
// computed (identity match, verdict, mandatory accessories); the screens only say what was
// entered.
import type { DropDeskApi } from '@shared/contract/api'
import type { StepResult } from '@shared/contract/intake-views'
import { fail, ok, type Result } from '@shared/contract/result'
import type { CaseDetail } from '@shared/contract/views'
import type { Fact, IntakeCase, IntakeGateway, PhotoTarget } from './intake-gateway'

export function intakeCaseOf(detail: CaseDetail): IntakeCase {
  return { summary: detail.summary, order: detail.order, state: detail.state, intake: detail.intake }
}

/** A step result as the case it leaves, with the services' notice for a repeated entry. */
export function stepCase(r: Result<StepResult>): Result<IntakeCase> {
  if (!r.ok) return r
  const c = intakeCaseOf(r.value.detail)
  return ok(r.value.notice && !r.value.recorded ? { ...c, notice: r.value.notice } : c)
}

async function base64Of(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer())
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary)
}

function recordCall(api: DropDeskApi, caseId: string, fact: Fact): Promise<Result<StepResult>> {
  switch (fact.type) {
    case 'device.identified': {
      const p = fact.payload
      return api.intake.identify({ caseId, imei: p.imei, serial: p.serial, assessmentMatches: p.assessmentMatches })
    }
    case 'exclusion.observed':
      return api.intake.observeExclusion({ caseId, ...fact.payload })
    case 'exclusion.withdrawn':
      return api.intake.withdrawExclusion({ caseId, ...fact.payload })
    case 'case.retyped':
      return api.intake.retype({ caseId, ...fact.payload })
    case 'photo.skipped':
      return api.photos.skip({ caseId, ...fact.payload })
    case 'backup.confirmed':
      return api.intake.backup({ caseId, ...fact.payload })
    case 'account.disconnected':
      return api.intake.accountDisconnected({ caseId, ...fact.payload })
    case 'account.still_locked':
      return api.intake.accountStillLocked({ caseId, ...fact.payload })
    case 'pin.skipped':
      return api.intake.skipPin({ caseId, ...fact.payload })
    case 'accessories.recorded':
      return api.intake.accessories({ caseId, included: fact.payload.included })
    case 'age.checked':
      return api.intake.checkAge({ caseId, ...fact.payload })
    case 'evidence.completed':
      return api.intake.completeEvidence({ caseId })
    case 'packing.item_checked':
      return api.packing.check({ caseId, item: fact.payload.item })
    case 'packing.item_unchecked':
      return api.packing.uncheck({ caseId, item: fact.payload.item })
    case 'slip.recorded':
      return api.packing.slip({ caseId, via: fact.payload.via })
    case 'packed':
      return api.packing.done({ caseId })
    case 'label.recorded':
      return api.label.record({ caseId, code: fact.payload.trackingNumber, carrier: fact.payload.carrier })
    case 'tracking.bound':
      return api.label.bind({ caseId, code: fact.payload.trackingNumber })
    case 'case.put_on_hold':
      return api.intake.hold({ caseId, ...fact.payload })
    case 'case.resumed':
      return api.intake.resume({ caseId, ...fact.payload })
    case 'step.reopened':
      return api.intake.reopen({ caseId, ...fact.payload })
    case 'case.cancelled':
      // Closing a refused case hands the device back: its own call.
      if (fact.payload.reason === 'refused') return api.intake.closeRefused({ caseId, ...(fact.payload.note ? { note: fact.payload.note } : {}) })
      return api.intake.cancel({ caseId, ...fact.payload })
    default:
      return Promise.resolve(fail('invalid_input', `"${fact.type}" is recorded by the services themselves.`))
  }
}

const purposeOf = (t: PhotoTarget) => (t.kind === 'account_proof' ? { purpose: t.kind, shot: 'account_screen' } : { purpose: t.kind, shot: t.shot })

export function apiGateway(api: DropDeskApi): IntakeGateway {
  return {
    async get(caseId) {
      const r = await api.cases.get({ caseId })
      return r.ok ? ok(intakeCaseOf(r.value)) : r
    },
    record: async (caseId, fact) => stepCase(await recordCall(api, caseId, fact)),
    decideEligibility: async (caseId) => stepCase(await api.intake.decideEligibility({ caseId })),
    async photo(caseId, target, blob) {
      const mime = blob.type === 'image/png' || blob.type === 'image/webp' ? blob.type : 'image/jpeg'
      const r = await api.photos.capture({ caseId, ...purposeOf(target), mime, data: await base64Of(blob) })
      if (!r.ok) return r
      return ok({ photo: { sha256: r.value.photo.sha256, size: r.value.photo.size, mime: r.value.photo.mime }, case: intakeCaseOf(r.value.detail) })
    },
    pin: async (caseId, kind, pin) => stepCase(await api.intake.providePin({ caseId, kind, pin })),
    override: async (caseId, input) => stepCase(await api.intake.override({ caseId, ...input })),
  }
}
