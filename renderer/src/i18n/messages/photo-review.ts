// The thumbnails of the photo step and the review of every photo before the device is accepted
// (components/intake/PhotoReview.vue, steps/PhotosStep.vue).
export default {
  en: {
    photoReview: {
      title: 'Check every photo, retake any that is not sharp or not framed',
      retake: 'Retake',
      retakeOf: 'Retake: {shot}',
      retaking: 'Retake: {shot}',
      keep: 'Keep the photo taken before',
      skipped: 'Skipped: {reason}',
      alt: 'Photo taken: {shot}',
    },
  },
  fr: {
    photoReview: {
      title: 'Vérifiez chaque photo, reprenez celles qui sont floues ou mal cadrées',
      retake: 'Reprendre',
      retakeOf: 'Reprendre : {shot}',
      retaking: 'Reprendre : {shot}',
      keep: 'Garder la photo prise avant',
      skipped: 'Sautée : {reason}',
      alt: 'Photo prise : {shot}',
    },
  },
}
