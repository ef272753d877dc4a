// A refused case in its summary (open, or closed with the device handed back), and the refusal
// note printed for the customer when the case is closed as refused.
const en = {
  refusalSummary: {
    statusClosed: 'Closed — refused, device handed back',
    statusOpen: 'Refused — waiting for a decision',
    decision: 'Decision',
    closedAt: 'Closed as refused',
  },
  refusalNote: {
    printing: 'The refusal note prints now: give it to the customer with the device.',
  },
  printAction: { button: { refusalNote: 'Print the refusal note' } },
  printing: { document: { refusalNote: 'Refusal note' } },
  reason: { print: { notRefused: 'Case {caseNumber} is not refused, so it has no refusal note: print its receipt or its slip instead.' } },
}

const fr: typeof en = {
  refusalSummary: {
    statusClosed: 'Clos — refusé, appareil rendu',
    statusOpen: 'Refusé — en attente d’une décision',
    decision: 'Décision',
    closedAt: 'Clos comme refusé',
  },
  refusalNote: {
    printing: 'La note de refus s’imprime : remettez-la au client avec l’appareil.',
  },
  printAction: { button: { refusalNote: 'Imprimer la note de refus' } },
  printing: { document: { refusalNote: 'Note de refus' } },
  reason: { print: { notRefused: 'Le dossier {caseNumber} n’est pas refusé : il n’a pas de note de refus. Imprimez plutôt son reçu ou sa fiche.' } },
}

export default { en, fr }
