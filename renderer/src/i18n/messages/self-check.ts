// Texts of the customer's self-check at the kiosk (views/SelfCheckView.vue): addressed to the
// customer, short, one question per screen.
const en = {
  selfCheck: {
    scan: { title: 'Welcome', body: 'Hold the QR code of your return in front of the camera, or scan it with the scanner.' },
    confirm: { title: 'Is this your device?', order: 'Order {number}', yes: 'Yes, that is my device', no: 'No, start over' },
    finish: { title: 'All done', body: 'Thank you. Take your ticket: staff will check your device with you and pack it.', button: 'Get my ticket' },
    ticket: {
      title: 'Your ticket', qr: 'QR code of ticket {number}', done: 'Done',
      body: 'Show this screen, or tell this number, at the counter.',
      print: {
        printing: 'Printing your ticket…',
        printed: 'Your ticket is printed: take it from the printer.',
        failed: 'Your ticket could not be printed. Note this number, or take a photo of this screen.',
        noPrinter: 'No ticket is printed at this kiosk. Note this number, or take a photo of this screen.',
      },
    },
    restart: 'Start over',
  },
}

const fr: typeof en = {
  selfCheck: {
    scan: { title: 'Bienvenue', body: 'Présentez le QR code de votre retour devant la caméra, ou scannez-le avec le lecteur.' },
    confirm: { title: 'Est-ce votre appareil ?', order: 'Commande {number}', yes: 'Oui, c’est mon appareil', no: 'Non, recommencer' },
    finish: { title: 'C’est terminé', body: 'Merci. Prenez votre ticket : le personnel vérifiera l’appareil avec vous et l’emballera.', button: 'Obtenir mon ticket' },
    ticket: {
      title: 'Votre ticket', qr: 'QR code du ticket {number}', done: 'Terminé',
      body: 'Montrez cet écran, ou donnez ce numéro, au comptoir.',
      print: {
        printing: 'Impression de votre ticket…',
        printed: 'Votre ticket est imprimé : prenez-le à l’imprimante.',
        failed: 'Votre ticket n’a pas pu être imprimé. Notez ce numéro, ou prenez cet écran en photo.',
        noPrinter: 'Aucun ticket n’est imprimé à cette borne. Notez ce numéro, ou prenez cet écran en photo.',
      },
    },
    restart: 'Recommencer',
  },
}

export default { en, fr }
