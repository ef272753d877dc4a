// The sync protocol between a kiosk and its central system, declared once: the central service
// validates with these schemas, the kiosk parses every reply with them, and
// central/openapi.yaml is generated from them (PROTOCOL.md there has the prose).
import * as kiosk from './kiosk-events'
import * as photos from './kiosk-photos'
import * as operator from './operator'

export * from './common'
export * from './route'
export { pushedEvent, eventResult, type PushedEvent, type EventResult } from './kiosk-events'
export { MAX_PHOTO_BYTES, photoOffset, linkResult, manifestPage, type PhotoOffset, type LinkResult, type ManifestPage } from './kiosk-photos'

/** What a kiosk calls. */
export const kioskRoutes = {
  health: kiosk.health,
  enrol: kiosk.enrol,
  pushEvents: kiosk.pushEvents,
  photoOffsets: photos.photoOffsets,
  photoHead: photos.photoHead,
  photoPatch: photos.photoPatch,
  photoLinks: photos.photoLinks,
  manifest: photos.manifest,
}

/** What the operator calls. */
export const operatorRoutes = {
  createEnrolmentCode: operator.createEnrolmentCode,
  revokeKiosk: operator.revokeKiosk,
  casesByDay: operator.casesByDay,
  caseDetail: operator.caseDetail,
  photoBytes: operator.photoBytes,
}
