// Why a line of a manifest import was rejected, as the supervisor reads it on Diagnostics
// ("Last manifest import"). Keys are the importer's reason keys (`reason.import.<key>`).
const en = {
  reason: {
    import: {
      lineTooLong: 'The line is longer than {max} characters: one record per line, each a JSON object.',
      notJson: 'Not valid JSON: each line must be one JSON object { … }.',
      csvLine: 'Not valid JSON (it looks like a CSV row): each line must be one JSON object { … }.',
      notARecord: 'The line is not a record: each line must be one JSON object { … }.',
      fieldMissing: '`{field}` is missing: add it and import the line again.',
      fieldType: '`{field}` has the wrong kind of value (a text, a number, a list…): correct it and import the line again.',
      fieldValue: '`{field}` has a value that is not one of those allowed: correct it and import the line again.',
      fieldInvalid: '`{field}` is not valid: correct it and import the line again.',
      futureDate: '`{field}` is {date}, after today ({today}): an order cannot be placed or delivered in the future; correct the date (YYYY-MM-DD) and import the line again.',
      duplicateOrder: 'Order {orderNumber} is already on line {line}, which was kept: a file holds one record per order; remove one of the two lines (or merge them) and import the file again.',
      orderHasCase: 'Order {orderNumber} already has case {caseNumber} at this counter, so this line may not change it (it changes {fields}): the order was kept as it was; a correction to an order in progress comes from the central system.',
      invalidUtf8: 'Not valid UTF-8 at byte {byte}: the file was saved in another encoding (often Latin-1 or Windows-1252); save it as UTF-8 and import it again.',
    },
  },
}

const fr: typeof en = {
  reason: {
    import: {
      lineTooLong: 'La ligne dépasse {max} caractères : un enregistrement par ligne, chacun un objet JSON.',
      notJson: 'JSON non valable : chaque ligne doit être un objet JSON { … }.',
      csvLine: 'JSON non valable (cela ressemble à une ligne CSV) : chaque ligne doit être un objet JSON { … }.',
      notARecord: 'La ligne n’est pas un enregistrement : chaque ligne doit être un objet JSON { … }.',
      fieldMissing: '`{field}` manque : ajoutez-le et importez la ligne à nouveau.',
      fieldType: '`{field}` n’a pas le bon genre de valeur (texte, nombre, liste…) : corrigez-le et importez la ligne à nouveau.',
      fieldValue: '`{field}` a une valeur qui ne fait pas partie de celles permises : corrigez-la et importez la ligne à nouveau.',
      fieldInvalid: '`{field}` n’est pas valable : corrigez-le et importez la ligne à nouveau.',
      futureDate: '`{field}` est le {date}, après aujourd’hui ({today}) : une commande ne peut pas être passée ou livrée dans le futur ; corrigez la date (AAAA-MM-JJ) et importez la ligne à nouveau.',
      duplicateOrder: 'La commande {orderNumber} est déjà à la ligne {line}, qui a été gardée : un fichier contient un enregistrement par commande ; supprimez l’une des deux lignes (ou fusionnez-les) et importez le fichier à nouveau.',
      orderHasCase: 'La commande {orderNumber} a déjà le dossier {caseNumber} à ce comptoir : cette ligne ne peut pas la modifier (elle change {fields}). La commande est gardée telle quelle ; une correction d’une commande en cours vient du système central.',
      invalidUtf8: 'UTF-8 non valable à l’octet {byte} : le fichier a été enregistré dans un autre encodage (souvent Latin-1 ou Windows-1252) ; enregistrez-le en UTF-8 et importez-le à nouveau.',
    },
  },
}

export default { en, fr }
