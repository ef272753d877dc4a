// Texts of the print buttons in the intake steps and the hand-over.
const en = {
  printAction: {
    button: {
      caseLabel: 'Print the case label',
      orderSlip: 'Print the order details slip',
      receipt: 'Print the drop-off receipt',
      pickupManifest: 'Print the pickup manifest',
    },
    state: {
      queued: 'Waiting to print…',
      sending: 'Sending to the printer…',
      sent: 'Sent: waiting for the printer to confirm…',
      acknowledged: 'Printed.',
      held: 'Held: the printer is not ready. It prints as soon as it is (see Printers for what to do).',
      failed: 'Not printed: see Printers, then print again.',
      cancelled: 'Cancelled.',
    },
    thePrinter: 'the printer',
    printedAt: 'Printed ✓ at {printer}',
    held: {
      ready: 'Held at {printer}: it prints by itself in a moment.',
      paper_out: 'Held: {printer} has no paper or labels. Load a new roll; it prints by itself.',
      head_open: 'Held: the head or cover of {printer} is open. Close it; it prints by itself.',
      offline: 'Held: {printer} does not answer. Check that it is on and plugged in; it prints by itself.',
      unknown: 'Held: {printer} is not ready yet; it prints as soon as it is.',
    },
    failed: 'Not printed on {printer}: {reason}. Check the printer in Printers, then print again.',
    again: 'Print again',
    noPrinter: 'No printer is chosen for “{document}”: a supervisor chooses one in Printers. Until then, write it by hand.',
  },
}

const fr: typeof en = {
  printAction: {
    button: {
      caseLabel: 'Imprimer l’étiquette du dossier',
      orderSlip: 'Imprimer la fiche de commande',
      receipt: 'Imprimer le reçu de dépôt',
      pickupManifest: 'Imprimer le bordereau d’enlèvement',
    },
    state: {
      queued: 'En attente d’impression…',
      sending: 'Envoi à l’imprimante…',
      sent: 'Envoyé : en attente de la confirmation de l’imprimante…',
      acknowledged: 'Imprimé.',
      held: 'En attente : l’imprimante n’est pas prête. L’impression partira dès qu’elle le sera (voir Imprimantes).',
      failed: 'Non imprimé : voir Imprimantes, puis imprimer à nouveau.',
      cancelled: 'Annulé.',
    },
    thePrinter: 'l’imprimante',
    printedAt: 'Imprimé ✓ sur {printer}',
    held: {
      ready: 'En attente sur {printer} : l’impression part dans un instant.',
      paper_out: 'En attente : {printer} n’a plus de papier ou d’étiquettes. Mettez un nouveau rouleau ; l’impression repart seule.',
      head_open: 'En attente : la tête ou le capot de {printer} est ouvert. Refermez-le ; l’impression repart seule.',
      offline: 'En attente : {printer} ne répond pas. Vérifiez qu’elle est allumée et branchée ; l’impression repart seule.',
      unknown: 'En attente : {printer} n’est pas encore prête ; l’impression part dès qu’elle l’est.',
    },
    failed: 'Non imprimé sur {printer} : {reason}. Vérifiez l’imprimante dans Imprimantes, puis imprimez à nouveau.',
    again: 'Imprimer à nouveau',
    noPrinter: 'Aucune imprimante n’est choisie pour « {document} » : un superviseur la choisit dans Imprimantes. En attendant, écrivez-la à la main.',
  },
}

export default { en, fr }
