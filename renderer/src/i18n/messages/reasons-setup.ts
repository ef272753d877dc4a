// Why a call of the supervisor's screens (or a step that prints, signs in, seals a secret or
// stores a photo) was refused: printers and printing, staff and sign-in, sync, privacy, the
// kiosk's secrets and photo files. Keys are the services' reason keys (`reason.<key>`); a
// {document} or {language} value is shown with the app's own word for it.
const en = {
  reason: {
    access: {
      notAtCustomerKiosk: 'Not available at the customer kiosk.',
      supervisorOnly: 'A supervisor must sign in to do this.',
    },
    signIn: {
      wrongPin: 'Wrong PIN. Check it and type it again.',
      locked: 'Too many wrong PINs: sign-in is locked for {minutes} more minute(s) (until {until}). A supervisor can still sign in and lift the lock.',
    },
    staff: {
      notListed: 'This person is not on the staff list any more. Refresh the list.',
      lastSupervisor: 'This is the last supervisor: add another supervisor first, then remove this one.',
      othersPin: 'Only a supervisor can change someone else’s PIN.',
      currentPinNeeded: 'Type your current PIN to change it.',
      pinTaken: 'This PIN cannot be used: choose another one, or leave it empty to get a generated PIN.',
    },
    printer: {
      noName: 'Printer {number} has no name: give it one the counter recognises (e.g. “Counter labels”).',
      duplicateId: 'Two printers have the same inner id: remove {printer} and add it again.',
      host: '{printer}: enter the printer’s IP address or host name (as on its network configuration page).',
      port: '{printer}: the port is a number from 1 to 65535 (9100 on most printers).',
      cupsQueue: '{printer}: enter the name of the CUPS queue (lpstat -p lists them).',
      ippUri: '{printer}: an IPP address starts with ipp:// or ipps://, e.g. ipp://printer.local/ipp/print.',
      assignedMissing: 'The printer chosen for “{document}” is no longer in the list: choose another.',
      wrongLanguage: '“{printer}” is a {language} printer; “{document}” needs {languages}.',
      notFound: 'No printer “{printer}”: add it in the printer settings.',
    },
    print: {
      previewNeedsCase: 'Choose a case to preview its documents.',
      barcodeCharacters: '“{value}” cannot be printed as a barcode: use letters, digits and dashes.',
      qrTooLong: 'The QR data is too long for a label.',
      labelOverflow: 'A barcode needs {needed} dots but the label has {available}: choose the larger label size or a higher dpi in the printer settings.',
      noCase: 'This case is not on this kiosk: open the case from Today and print from there.',
      noOrder: 'The order {orderNumber} is no longer on this kiosk, so its slip cannot be printed. Write the order details by hand.',
      noBatch: 'No such pickup batch on this kiosk: print the manifest from the Hand-over screen.',
      noTracking: 'Case {caseNumber} has no tracking number yet: scan its label before adding it to the pickup.',
      oneCarrier: 'A pickup manifest is for one carrier; these parcels go with {carriers}. Print one manifest per carrier.',
      noPrinter: 'No printer is set up for “{document}”: a supervisor can choose one in Printers.',
      manifestNeedsCases: 'A pickup manifest needs the cases of the batch.',
      needsCase: '“{document}” needs a case.',
      noJob: 'This print job is no longer on this kiosk.',
      wrongLanguage: 'The printer “{printer}” speaks {language}, which cannot print this document: assign another printer in the printer settings.',
    },
    preview: {
      popplerMissing: 'PDF previews need poppler-utils (pdftoppm) on this kiosk: ask IT to install it.',
      failed: 'The PDF preview could not be drawn; the document can still be printed.',
    },
    sync: {
      urlFirst: 'Set the central URL first, then enter the enrolment code.',
      noAnswer: 'The central system did not answer ({detail}). Check the URL and the network, then try again.',
      enrolRefused: 'The central system refused the enrolment: {detail}',
      notConfigured: 'No central system is configured: set its URL and enrol this kiosk first.',
      notQuarantined: 'This record is no longer in quarantine.',
      refused: 'The central system did not take it: {detail}',
      tokenSealed: 'The sync token is sealed and this kiosk cannot open it: enrol the kiosk again.',
      urlInvalid: 'The central URL is not a valid address: enter it as https://central.example.com.',
      urlScheme: 'The central URL must start with https:// (or http:// on a local network).',
      urlExtras: 'Enter the central URL without a user name, query or fragment.',
      nightlyTime: 'The nightly time is HH:MM, 24-hour clock, e.g. 02:30.',
    },
    secrets: {
      unavailable: '{detail}',
      keyDamaged: 'The encryption key in {source} is not 32 bytes: it is damaged.',
      unknownFormat: 'This stored secret is not in a format DropDesk knows: it was altered.',
      doesNotOpen: 'This stored secret does not decrypt: it was altered, or sealed with another key or for another record.',
    },
    privacy: {
      caseOpen: 'Case(s) {cases} still in progress: hand them over or cancel them first, then erase the customer’s data.',
      noOrder: 'No order {orderNumber} on this kiosk: search again by order number, label code or name.',
    },
    photo: {
      empty: 'The photo is empty: take it again.',
      tooLarge: 'The photo is larger than {megabytes} MB: take it again at a lower resolution.',
      notAPicture: 'This is not a JPEG, PNG or WebP picture: take the photo again.',
    },
  },
}

const fr: typeof en = {
  reason: {
    access: {
      notAtCustomerKiosk: 'Indisponible sur la borne client.',
      supervisorOnly: 'Un responsable doit se connecter pour cela.',
    },
    signIn: {
      wrongPin: 'Code erroné. Vérifiez-le et saisissez-le à nouveau.',
      locked: 'Trop de codes erronés : la connexion est bloquée encore {minutes} minute(s) (jusqu’à {until}). Un responsable peut toujours se connecter et lever le blocage.',
    },
    staff: {
      notListed: 'Cette personne ne figure plus dans la liste du personnel. Actualisez la liste.',
      lastSupervisor: 'C’est le dernier responsable : ajoutez d’abord un autre responsable, puis retirez celui-ci.',
      othersPin: 'Seul un responsable peut changer le code de quelqu’un d’autre.',
      currentPinNeeded: 'Tapez votre code actuel pour le changer.',
      pinTaken: 'Ce code ne peut pas être utilisé : choisissez-en un autre, ou laissez vide pour en générer un.',
    },
    printer: {
      noName: 'L’imprimante {number} n’a pas de nom : donnez-lui un nom que le comptoir reconnaît (p. ex. « Étiquettes comptoir »).',
      duplicateId: 'Deux imprimantes ont le même identifiant interne : retirez {printer} et ajoutez-la à nouveau.',
      host: '{printer} : saisissez l’adresse IP ou le nom d’hôte de l’imprimante (comme sur sa page de configuration réseau).',
      port: '{printer} : le port est un nombre de 1 à 65535 (9100 sur la plupart des imprimantes).',
      cupsQueue: '{printer} : saisissez le nom de la file CUPS (lpstat -p les liste).',
      ippUri: '{printer} : une adresse IPP commence par ipp:// ou ipps://, p. ex. ipp://printer.local/ipp/print.',
      assignedMissing: 'L’imprimante choisie pour « {document} » n’est plus dans la liste : choisissez-en une autre.',
      wrongLanguage: '« {printer} » est une imprimante {language} ; « {document} » demande {languages}.',
      notFound: 'Aucune imprimante « {printer} » : ajoutez-la dans les réglages des imprimantes.',
    },
    print: {
      previewNeedsCase: 'Choisissez un dossier pour voir l’aperçu de ses documents.',
      barcodeCharacters: '« {value} » ne peut pas être imprimé en code-barres : utilisez des lettres, des chiffres et des tirets.',
      qrTooLong: 'Les données du QR code sont trop longues pour une étiquette.',
      labelOverflow: 'Un code-barres demande {needed} points mais l’étiquette en a {available} : choisissez la plus grande taille d’étiquette ou une résolution plus élevée dans les réglages de l’imprimante.',
      noCase: 'Ce dossier n’est pas sur cette borne : ouvrez le dossier depuis Aujourd’hui et imprimez depuis là.',
      noOrder: 'La commande {orderNumber} n’est plus sur cette borne : sa fiche ne peut pas être imprimée. Écrivez les détails de la commande à la main.',
      noBatch: 'Cet enlèvement n’existe pas sur cette borne : imprimez le bordereau depuis l’écran Remise.',
      noTracking: 'Le dossier {caseNumber} n’a pas encore de numéro de suivi : scannez son étiquette avant de l’ajouter à l’enlèvement.',
      oneCarrier: 'Un bordereau d’enlèvement est pour un seul transporteur ; ces colis partent avec {carriers}. Imprimez un bordereau par transporteur.',
      noPrinter: 'Aucune imprimante n’est choisie pour « {document} » : un responsable peut en choisir une dans Imprimantes.',
      manifestNeedsCases: 'Un bordereau d’enlèvement a besoin des dossiers de l’enlèvement.',
      needsCase: '« {document} » a besoin d’un dossier.',
      noJob: 'Cette impression n’est plus sur cette borne.',
      wrongLanguage: 'L’imprimante « {printer} » parle {language}, qui ne peut pas imprimer ce document : choisissez une autre imprimante dans les réglages des imprimantes.',
    },
    preview: {
      popplerMissing: 'Les aperçus PDF demandent poppler-utils (pdftoppm) sur cette borne : demandez au service informatique de l’installer.',
      failed: 'L’aperçu PDF n’a pas pu être dessiné ; le document peut tout de même être imprimé.',
    },
    sync: {
      urlFirst: 'Indiquez d’abord l’adresse du système central, puis saisissez le code d’enrôlement.',
      noAnswer: 'Le système central n’a pas répondu ({detail}). Vérifiez l’adresse et le réseau, puis réessayez.',
      enrolRefused: 'Le système central a refusé l’enrôlement : {detail}',
      notConfigured: 'Aucun système central n’est configuré : indiquez son adresse et enrôlez d’abord ce poste.',
      notQuarantined: 'Cet enregistrement n’est plus en quarantaine.',
      refused: 'Le système central ne l’a pas accepté : {detail}',
      tokenSealed: 'Le jeton de synchronisation est scellé et ce poste ne peut pas l’ouvrir : enrôlez à nouveau le poste.',
      urlInvalid: 'L’adresse du système central n’est pas valable : saisissez-la sous la forme https://central.example.com.',
      urlScheme: 'L’adresse du système central doit commencer par https:// (ou http:// sur un réseau local).',
      urlExtras: 'Saisissez l’adresse du système central sans nom d’utilisateur, paramètres ni fragment.',
      nightlyTime: 'L’heure de nuit s’écrit HH:MM, sur 24 heures, p. ex. 02:30.',
    },
    secrets: {
      unavailable: '{detail}',
      keyDamaged: 'La clé de chiffrement dans {source} ne fait pas 32 octets : elle est endommagée.',
      unknownFormat: 'Ce secret enregistré n’est pas dans un format connu de DropDesk : il a été modifié.',
      doesNotOpen: 'Ce secret enregistré ne se déchiffre pas : il a été modifié, ou scellé avec une autre clé ou pour un autre enregistrement.',
    },
    privacy: {
      caseOpen: 'Dossier(s) {cases} encore en cours : remettez-les ou annulez-les d’abord, puis effacez les données du client.',
      noOrder: 'Aucune commande {orderNumber} sur cette borne : cherchez à nouveau par numéro de commande, code d’étiquette ou nom.',
    },
    photo: {
      empty: 'La photo est vide : reprenez-la.',
      tooLarge: 'La photo dépasse {megabytes} Mo : reprenez-la avec une résolution plus basse.',
      notAPicture: 'Ce n’est pas une image JPEG, PNG ou WebP : reprenez la photo.',
    },
  },
}

export default { en, fr }
