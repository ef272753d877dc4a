// What the sync client needs from the kiosk's photo storage (built separately): for events
// just acknowledged, which photo files they reference. The photo store implements this and
// the composition root hands it to the sync client (SyncClient.setPhotoSource).
export interface PhotoRef {
  eventId: string
  caseId: string
  /** Lowercase hex SHA-256 of the file's bytes: the photo's name at the centre. */
  sha256: string
  /** Where the bytes are on this kiosk. */
  path: string
}

export interface PhotoSource {
  photosFor(eventIds: readonly string[]): PhotoRef[]
}

/** Until the photo store exists: no event references a photo. */
export const noPhotos: PhotoSource = { photosFor: () => [] }
