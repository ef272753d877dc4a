// Texts of the guided intake (renderer/src/steps, views/CaseView.vue) and the hand-over screen.
// The vocabulary (shots, exclusions, reasons, packing) is in intake-words.ts.
const en = {
  app: { nav: { handover: 'Hand-over' } },
  todayFilters: { all: 'All', needsSupervisor: 'Needs a supervisor' },
  handover: {
    title: 'Hand-over to the carriers',
    empty: 'No parcel is waiting for a pickup.',
    carrier: '{carrier}: {n} parcels | {carrier}: {n} parcel | {carrier}: {n} parcels',
    driverTime: 'Driver’s pickup time',
  },
  intake: {
    step: {
      order: 'Order', identity: 'Device', eligibility: 'Eligibility', photos: 'Photos', backup: 'Backup', account: 'Account',
      pin: 'Unlock code', accessories: 'Accessories', age: 'Age', evidence_review: 'Acceptance', packing: 'Packing',
      package_photos: 'Package photos', label: 'Label', handover: 'Hand-over',
    },
    progress: { label: 'Steps of this case', count: '{done} of {total} steps done', done: 'done', todo: 'to do' },
    common: { back: 'Back', cancel: 'Cancel', continue: 'Continue', save: 'Save', yes: 'Yes', no: 'No', reason: 'Reason', note: 'Note (optional; required for “other”)' },
    case: {
      title: 'Case {number}', leave: 'Back to the counter', forward: 'Forward', summary: 'Summary', resume: 'Resume the case',
      onHold: 'On hold: {reason}.', cancelled: 'This case is cancelled.', recorded: 'This step is recorded. To change it, reopen it with a reason (kept in the case’s history).',
      reopen: 'Reopen this step', reopenReason: 'Why reopen it?',
    },
    camera: {
      frame: 'Frame the device as in the outline, in good light, buttons and ports visible.', preview: 'Camera preview', rejectedAlt: 'The photo just taken',
      take: 'Take the photo', retake: 'Retake the photo', denied: 'The camera is not allowed: allow it in the browser settings.', absent: 'No camera found: plug one in.',
      opening: 'Opening the camera…', idle: 'Camera off', live: 'Camera on',
    },
    verify: {
      orderTitle: 'Check the order', orderBody: 'Check the customer’s name and the device against the order.',
      identityTitle: 'Identify the device', imeiHint: 'Scan the IMEI from the box, or dial *#06# and type it.', serialHint: 'Type or scan the serial number.',
      orderImei: 'The order’s IMEI ends in {imei}: read the device’s own, do not copy it.', assessment: 'Does the device match the customer’s assessment (model, condition)?',
      mismatch: 'This is not the order’s device: the case waits for a supervisor.', identify: 'Check the device',
    },
    eligibility: {
      title: 'Eligibility', inspect: 'Inspect the device. Record any damage that the warranty excludes, with its photos.',
      noExclusion: 'No exclusion observed: decide', decide: 'Decide', addExclusion: 'Record an exclusion',
      whichExclusion: 'What do you observe?', evidence: '{n} evidence photos | {n} evidence photo | {n} evidence photos', withdraw: 'Withdraw',
      overridden: 'Decided by a supervisor.',
      supervisorDecides: 'A supervisor decides',
      customerPays: 'The customer may still send it, at their own cost: return shipping is not paid by the seller.',
    },
    override: {
      title: 'Supervisor decision', verdict: 'Verdict', reason: 'Reason (for the record)', pin: 'Supervisor PIN',
      reasonFirst: 'Write the reason first, then the supervisor enters their PIN.',
    },
    hold: { open: 'Put on hold', title: 'Put the case on hold', submit: 'Put on hold' },
    cancel: { open: 'Cancel the case', title: 'Cancel the case', submit: 'Cancel the case' },
    photos: {
      title: 'Condition photos', count: '{done} of {total} photos', retakeHint: 'Already taken: a new photo replaces it.',
      skip: 'Cannot take this one', skipWhy: 'Why?', complete: 'All photos are taken.',
      status: { taken: 'taken', skipped: 'skipped', todo: 'to take' },
    },
    backup: {
      title: 'Data backup', why: 'The device may be fully reset during the checks: personal data must be backed up and removed first.',
      kind: { backed_up_and_removed: 'Backed up and removed', acknowledged_data_loss: 'The device is dead: the customer accepts a full reset', no_personal_storage: 'No personal data on this device' },
    },
    account: {
      title: 'Signed out of {accounts}?', why: 'A device still locked to its owner’s account cannot be used by anyone else.',
      photo: 'Signed out: photograph the account screen', photoTitle: 'The account screen, signed out', staffConfirmed: 'Signed out: I checked on the device',
      stillLocked: 'Still locked to the account',
      name: { apple_find_my: 'Apple ID / Find My', google: 'Google', samsung: 'Samsung account', mi: 'Mi account', huawei: 'Huawei ID', microsoft: 'Microsoft account', other: 'the device’s account' },
    },
    pin: {
      title: 'Unlock code', why: 'Only if the customer could not remove the lock: the code is printed on the slip inside the parcel (never shown on a screen), and erased from this kiosk when the parcel is handed over to the carrier.',
      enterPin: 'Unlock PIN', enterPattern: 'Pattern: the dots’ numbers in order (1 top left, 9 bottom right)',
      kind: { pin: 'PIN', pattern: 'Pattern' },
      skip: { lock_removed: 'The lock is removed', no_lock: 'There is no lock', customer_declined: 'The customer prefers not to give it' },
    },
    accessories: {
      title: 'Accessories', which: 'What is handed in with the device?', mandatory: '(mandatory)', missing: 'A mandatory accessory is missing: the trade-in will be refused.',
      item: { charger: 'Charger', cable: 'Cable', box: 'Original box', strap: 'Strap', stylus: 'Stylus', other: 'Other' },
    },
    age: { title: 'Age', why: 'A trade-in is only possible from 18 years of age.', idAdult: 'ID checked: 18 or older', declaredAdult: 'Declares being 18 or older', minor: 'Under 18' },
    review: {
      title: 'Accept the device', accept: 'Accept the device',
      part: { photos: 'Photos', backup: 'Data backup', account: 'Account disconnection', pin: 'Unlock code', accessories: 'Accessories', age: 'Age' },
    },
    packing: {
      title: 'Packing', slipPrinted: 'Slip printed and put inside', slipWritten: 'Slip handwritten and put inside',
      slipWaiting: 'Print the slip: “Slip printed and put inside” is offered once the printer has printed it. Without a printer, write the order details by hand.',
      slipDone: { printed: 'Slip printed and put inside.', written: 'Slip handwritten and put inside.' },
    },
    packagePhotos: { title: 'Package photos', packed: 'The parcel is packed' },
    label: {
      title: 'Return label', scan: 'Scan the tracking number on the return label.', expected: 'Expected: {carrier} {number}', bind: 'Bind',
    },
    handover: { title: 'Waiting for the pickup', waiting: 'The parcel waits for the {carrier} pickup ({number}).', open: 'Open the hand-over' },
    summary: { title: 'Summary of case {number}', photos: '{n} photos', pinGiven: 'Given (printed on the slip only)' },
  },
}

const fr: typeof en = {
  app: { nav: { handover: 'Remise' } },
  todayFilters: { all: 'Tous', needsSupervisor: 'Décision d’un responsable nécessaire' },
  handover: {
    title: 'Remise aux transporteurs',
    empty: 'Aucun colis n’attend d’enlèvement.',
    carrier: '{carrier} : {n} colis | {carrier} : {n} colis | {carrier} : {n} colis',
    driverTime: 'Heure de passage du chauffeur',
  },
  intake: {
    step: {
      order: 'Commande', identity: 'Appareil', eligibility: 'Éligibilité', photos: 'Photos', backup: 'Sauvegarde', account: 'Compte',
      pin: 'Code de déverrouillage', accessories: 'Accessoires', age: 'Âge', evidence_review: 'Acceptation', packing: 'Emballage',
      package_photos: 'Photos du colis', label: 'Étiquette', handover: 'Remise',
    },
    progress: { label: 'Étapes de ce dossier', count: '{done} étapes sur {total} faites', done: 'faite', todo: 'à faire' },
    common: { back: 'Retour', cancel: 'Annuler', continue: 'Continuer', save: 'Enregistrer', yes: 'Oui', no: 'Non', reason: 'Motif', note: 'Remarque (facultative ; obligatoire pour « autre »)' },
    case: {
      title: 'Dossier {number}', leave: 'Retour au comptoir', forward: 'Suivant', summary: 'Récapitulatif', resume: 'Reprendre le dossier',
      onHold: 'En attente : {reason}.', cancelled: 'Ce dossier est annulé.', recorded: 'Cette étape est enregistrée. Pour la modifier, rouvrez-la avec un motif (gardé dans l’historique du dossier).',
      reopen: 'Rouvrir cette étape', reopenReason: 'Pourquoi la rouvrir ?',
    },
    camera: {
      frame: 'Cadrez l’appareil comme sur le schéma, bien éclairé, boutons et ports visibles.', preview: 'Aperçu de la caméra', rejectedAlt: 'La photo qui vient d’être prise',
      take: 'Prendre la photo', retake: 'Reprendre la photo', denied: 'La caméra n’est pas autorisée : autorisez-la dans les réglages du navigateur.', absent: 'Aucune caméra : branchez-en une.',
      opening: 'Ouverture de la caméra…', idle: 'Caméra éteinte', live: 'Caméra allumée',
    },
    verify: {
      orderTitle: 'Vérifier la commande', orderBody: 'Comparez le nom du client et l’appareil avec la commande.',
      identityTitle: 'Identifier l’appareil', imeiHint: 'Scannez l’IMEI sur la boîte, ou composez *#06# et saisissez-le.', serialHint: 'Saisissez ou scannez le numéro de série.',
      orderImei: 'L’IMEI de la commande se termine par {imei} : lisez celui de l’appareil, ne le recopiez pas.', assessment: 'L’appareil correspond-il à l’évaluation du client (modèle, état) ?',
      mismatch: 'Ce n’est pas l’appareil de la commande : le dossier attend un responsable.', identify: 'Vérifier l’appareil',
    },
    eligibility: {
      title: 'Éligibilité', inspect: 'Inspectez l’appareil. Enregistrez tout dommage exclu par la garantie, avec ses photos.',
      noExclusion: 'Aucune exclusion constatée : décider', decide: 'Décider', addExclusion: 'Enregistrer une exclusion',
      whichExclusion: 'Que constatez-vous ?', evidence: '{n} photo de preuve | {n} photo de preuve | {n} photos de preuve', withdraw: 'Retirer',
      overridden: 'Décidé par un responsable.',
      supervisorDecides: 'Un responsable décide',
      customerPays: 'Le client peut tout de même l’envoyer, à ses frais : les frais de retour ne sont pas payés par le vendeur.',
    },
    override: {
      title: 'Décision d’un responsable', verdict: 'Verdict', reason: 'Motif (pour le dossier)', pin: 'Code du responsable',
      reasonFirst: 'Écrivez d’abord le motif, puis le responsable saisit son code.',
    },
    hold: { open: 'Mettre en attente', title: 'Mettre le dossier en attente', submit: 'Mettre en attente' },
    cancel: { open: 'Annuler le dossier', title: 'Annuler le dossier', submit: 'Annuler le dossier' },
    photos: {
      title: 'Photos de l’état', count: '{done} photos sur {total}', retakeHint: 'Déjà prise : une nouvelle photo la remplace.',
      skip: 'Impossible de la prendre', skipWhy: 'Pourquoi ?', complete: 'Toutes les photos sont prises.',
      status: { taken: 'prise', skipped: 'passée', todo: 'à prendre' },
    },
    backup: {
      title: 'Sauvegarde des données', why: 'L’appareil peut être entièrement réinitialisé pendant les tests : les données personnelles doivent être sauvegardées et effacées avant.',
      kind: { backed_up_and_removed: 'Sauvegardées et effacées', acknowledged_data_loss: 'L’appareil est hors service : le client accepte une réinitialisation complète', no_personal_storage: 'Aucune donnée personnelle sur cet appareil' },
    },
    account: {
      title: 'Déconnecté de {accounts} ?', why: 'Un appareil encore lié au compte de son propriétaire est inutilisable par quelqu’un d’autre.',
      photo: 'Déconnecté : photographier l’écran du compte', photoTitle: 'L’écran du compte, déconnecté', staffConfirmed: 'Déconnecté : je l’ai vérifié sur l’appareil',
      stillLocked: 'Encore lié au compte',
      name: { apple_find_my: 'Identifiant Apple / Localiser', google: 'Google', samsung: 'compte Samsung', mi: 'compte Mi', huawei: 'ID Huawei', microsoft: 'compte Microsoft', other: 'le compte de l’appareil' },
    },
    pin: {
      title: 'Code de déverrouillage', why: 'Seulement si le client n’a pas pu retirer le verrouillage : le code est imprimé sur la fiche dans le colis (jamais affiché à l’écran), puis effacé de ce poste à la remise du colis au transporteur.',
      enterPin: 'Code de déverrouillage', enterPattern: 'Schéma : les numéros des points dans l’ordre (1 en haut à gauche, 9 en bas à droite)',
      kind: { pin: 'Code', pattern: 'Schéma' },
      skip: { lock_removed: 'Le verrouillage est retiré', no_lock: 'Il n’y a pas de verrouillage', customer_declined: 'Le client préfère ne pas le donner' },
    },
    accessories: {
      title: 'Accessoires', which: 'Qu’est-ce qui est remis avec l’appareil ?', mandatory: '(obligatoire)', missing: 'Un accessoire obligatoire manque : la reprise sera refusée.',
      item: { charger: 'Chargeur', cable: 'Câble', box: 'Boîte d’origine', strap: 'Bracelet', stylus: 'Stylet', other: 'Autre' },
    },
    age: { title: 'Âge', why: 'Une reprise n’est possible qu’à partir de 18 ans.', idAdult: 'Pièce d’identité vérifiée : 18 ans ou plus', declaredAdult: 'Déclare avoir 18 ans ou plus', minor: 'Moins de 18 ans' },
    review: {
      title: 'Accepter l’appareil', accept: 'Accepter l’appareil',
      part: { photos: 'Photos', backup: 'Sauvegarde des données', account: 'Déconnexion du compte', pin: 'Code de déverrouillage', accessories: 'Accessoires', age: 'Âge' },
    },
    packing: {
      title: 'Emballage', slipPrinted: 'Fiche imprimée et mise dans le colis', slipWritten: 'Fiche écrite à la main et mise dans le colis',
      slipWaiting: 'Imprimez la fiche : « Fiche imprimée et mise dans le colis » est proposé dès que l’imprimante l’a imprimée. Sans imprimante, écrivez les détails de la commande à la main.',
      slipDone: { printed: 'Fiche imprimée et mise dans le colis.', written: 'Fiche écrite à la main et mise dans le colis.' },
    },
    packagePhotos: { title: 'Photos du colis', packed: 'Le colis est prêt' },
    label: {
      title: 'Étiquette de retour', scan: 'Scannez le numéro de suivi de l’étiquette de retour.', expected: 'Attendu : {carrier} {number}', bind: 'Associer',
    },
    handover: { title: 'En attente d’enlèvement', waiting: 'Le colis attend l’enlèvement {carrier} ({number}).', open: 'Ouvrir la remise' },
    summary: { title: 'Récapitulatif du dossier {number}', photos: '{n} photos', pinGiven: 'Donné (imprimé uniquement sur la fiche)' },
  },
}

export default { en, fr }
