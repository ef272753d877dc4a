// Texts of the last manifest import panel (Diagnostics).
const en = {
  manifestImport: {
    title: 'Last manifest import',
    none: 'No manifest file has been imported on this kiosk: its orders come from the central system or the demo.',
    when: 'When',
    file: 'File',
    counts: 'Lines',
    countsValue: '{lines} lines: {imported} imported ({added} new orders), {rejected} rejected',
    refused: 'The whole file was refused, nothing was imported:',
    rejectedTitle: 'Rejected lines',
    rejectedMore: 'Only the first {shown} of {total} rejected lines are kept here; the import command prints them all.',
    line: 'Line {line}',
    allImported: 'Every line was imported.',
  },
}

const fr: typeof en = {
  manifestImport: {
    title: 'Dernier import de manifeste',
    none: 'Aucun fichier de manifeste n’a été importé sur ce poste : ses commandes viennent du système central ou de la démo.',
    when: 'Quand',
    file: 'Fichier',
    counts: 'Lignes',
    countsValue: '{lines} lignes : {imported} importées ({added} nouvelles commandes), {rejected} refusées',
    refused: 'Le fichier entier a été refusé, rien n’a été importé :',
    rejectedTitle: 'Lignes refusées',
    rejectedMore: 'Seules les {shown} premières des {total} lignes refusées sont gardées ici ; la commande d’import les affiche toutes.',
    line: 'Ligne {line}',
    allImported: 'Toutes les lignes ont été importées.',
  },
}

export default { en, fr }
