// Why a call was refused, for the reasons of the boundary itself: the call, who may make it,
// the connection. Keys are the services' reason keys (`reason.<key>`); the English text is the
// services' own message, the values in {braces} are the reason's params.
const en = {
  reason: {
    internal: 'Something went wrong on this kiosk. The error was logged; please try again.',
    call: {
      unknown: 'Unknown call "{call}".',
      invalidInput: '{call}: {issues}',
      untrustedSender: 'This call is only accepted from the DropDesk window.',
      noAnswer: 'The kiosk services did not answer "{call}". Please try again.',
      timedOut: 'The kiosk services did not answer in time. Check that DropDesk is running, then try again.',
    },
    access: {
      customerMode: 'Not available at the customer kiosk. Staff: return to staff mode with your PIN.',
      signedOutIdle: 'Signed out after a while without activity. Sign in again with your staff PIN.',
      signInFirst: 'Sign in with your staff PIN first.',
      removed: 'You are no longer on the staff list of this kiosk. Ask a supervisor.',
    },
  },
}

const fr: typeof en = {
  reason: {
    internal: 'Un problème est survenu sur cette borne. L’erreur a été enregistrée ; réessayez.',
    call: {
      unknown: 'Appel inconnu « {call} ».',
      invalidInput: 'Saisie refusée ({call}) : {issues}',
      untrustedSender: 'Cet appel n’est accepté que depuis la fenêtre DropDesk.',
      noAnswer: 'Les services de la borne n’ont pas répondu à « {call} ». Réessayez.',
      timedOut: 'Les services de la borne n’ont pas répondu à temps. Vérifiez que DropDesk est lancé, puis réessayez.',
    },
    access: {
      customerMode: 'Indisponible sur la borne client. Personnel : revenez en mode comptoir avec votre code.',
      signedOutIdle: 'Déconnecté après un moment sans activité. Reconnectez-vous avec votre code.',
      signInFirst: 'Connectez-vous d’abord avec votre code.',
      removed: 'Vous ne figurez plus dans la liste du personnel de cette borne. Demandez à un responsable.',
    },
  },
}

export default { en, fr }
