// Texts of finding a case at the counter: by its case label, a self-check ticket's number, or
// its order's number (components/ManualSearch.vue, composables/useCaseRouting.ts).
const en = {
  caseSearch: {
    title: 'Cases',
    matchedBy: { caseNumber: 'case number', ticket: 'self-check ticket', orderNumber: 'order number' },
    found: 'found by its {what}',
    open: 'Open the case',
    pickUp: 'Take over the self-check',
    noCase: 'No case has the number {code}. Check it, or find the case in Today.',
  },
}

const fr: typeof en = {
  caseSearch: {
    title: 'Dossiers',
    matchedBy: { caseNumber: 'numéro de dossier', ticket: 'ticket de pré-enregistrement', orderNumber: 'numéro de commande' },
    found: 'trouvé par son {what}',
    open: 'Ouvrir le dossier',
    pickUp: 'Reprendre le pré-enregistrement',
    noCase: 'Aucun dossier n’a le numéro {code}. Vérifiez-le, ou cherchez le dossier dans Aujourd’hui.',
  },
}

export default { en, fr }
