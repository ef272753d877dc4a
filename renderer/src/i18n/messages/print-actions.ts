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
  },
}

export default { en, fr }
