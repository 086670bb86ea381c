import { fr as install } from './install/fr.ts';
import type { LanguagePack } from './LanguagePack.ts';
import type { Messages } from './Messages.ts';

/**
 * French strings (Bitrix24 `fr`). Plural forms: one (0, 1), many (a million and its multiples:
 * "1 000 000 de fichiers"), other.
 */
export const fr = {
  appTitle: 'Chat Drop',
  dropHere: 'Déposez les fichiers ici',
  dropHint: 'Faites glisser des fichiers ici, collez-les ou choisissez-les',
  chooseFiles: 'Choisir des fichiers',
  dropzoneLabel:
    'Ajouter des fichiers : déposez-les ici, collez-les ou appuyez sur Entrée pour les choisir',
  dropRelease: 'Relâchez pour envoyer à {chat}',
  dropNoFiles:
    'Seuls des fichiers peuvent être déposés ici. Les liens et le texte ne sont pas envoyés.',
  dropFolderEmpty:
    'Ce dossier est vide ou votre navigateur ne sait pas lire les dossiers. Ouvrez-le et déposez plutôt les fichiers.',
  filesAdded: {
    one: '{count} fichier ajouté',
    many: '{count} de fichiers ajoutés',
    other: '{count} fichiers ajoutés',
  },
  fileCount: { one: '{count} fichier', many: '{count} de fichiers', other: '{count} fichiers' },
  pickChatFirst: "Choisissez d'abord un chat",
  chatHeaderLabel: 'Les fichiers vont dans',
  changeChat: 'Changer de chat',
  chatPickerTitle: 'Choisir un chat',
  chatPickerSearch: 'Rechercher des chats',
  chatPickerEmpty: 'Aucun chat trouvé',
  chatPickerLoading: 'Chargement des chats…',
  chatPickerError: 'Impossible de charger vos chats. Réessayez.',
  chatLoadError: 'Impossible de charger ce chat.',
  messageLabel: 'Message accompagnant les fichiers',
  messagePlaceholder: 'Ajouter un message (facultatif)',
  listLabel: 'Fichiers',
  phase_queued: "En file d'attente",
  phase_reading: 'Lecture',
  phase_sending: 'Envoi',
  phase_waiting: 'Portail occupé, nouvel envoi prévu',
  phase_waitingUntil: "Le portail demande d'attendre, reprise à {time}",
  chatAccessLost:
    "Il n'est plus possible d'envoyer des fichiers dans ce chat. Les fichiers restants n'ont pas été envoyés.",
  phase_checking: 'Vérification du chat',
  duplicateRemoved:
    '{name} : le navigateur l’a envoyé deux fois ; la copie en trop a été supprimée du chat.',
  duplicateFound: '{name} figure deux fois dans le chat : le navigateur l’a renvoyé de lui-même.',
  removeDuplicate: 'Supprimer la copie en trop',
  storedAs: 'dans le chat sous le nom {name}',
  duplicateRemoveFailed:
    'La copie en trop de {name} n’a pas pu être supprimée. Supprimez-la dans le chat.',
  phase_delivered: 'Remis',
  phase_failed: 'Non envoyé',
  phase_cancelled: 'Annulé',
  phase_unknown: "N'est peut-être pas arrivé",
  cancel: 'Annuler',
  retry: 'Réessayer',
  remove: 'Retirer',
  removeFromList: 'Retirer de la liste',
  alreadySentTitle: 'Déjà dans ce chat',
  alreadySentOne: "{name} ({size}) a été envoyé dans {chat} {ago}. L'envoyer à nouveau ?",
  alreadySentMany: {
    one: "{count} de ces fichiers a été envoyé récemment dans {chat}. L'envoyer à nouveau ?",
    many: '{count} de ces fichiers ont été envoyés récemment dans {chat}. Les envoyer à nouveau ?',
    other: '{count} de ces fichiers ont été envoyés récemment dans {chat}. Les envoyer à nouveau ?',
  },
  alreadySentEntry: '{name} ({size}), {ago}',
  sendAgain: 'Envoyer à nouveau',
  skipAlreadySent: 'Ignorer',
  cancelFile: 'Annuler {name}',
  retryFile: 'Réessayer {name}',
  removeFile: 'Retirer {name}',
  cancelAll: 'Tout annuler',
  clearFinished: 'Retirer les terminés',
  openInChat: 'Ouvrir dans le chat',
  checkTheChat: 'Vérifier le chat',
  details: 'Détails',
  errorCode: 'Code : {code}',
  progressLabel: 'Progression de {name}',
  sizeBytes: { one: '{count} octet', many: "{count} d'octets", other: '{count} octets' },
  speed: '{size}/s',
  timeLeft: 'Encore {duration}',
  batchProgress: '{done} sur {total} · {percent}',
  batchLabel: 'Progression globale',
  summaryDelivered: { one: '{count} remis', many: '{count} remis', other: '{count} remis' },
  summaryFailed: { one: '{count} en échec', many: '{count} en échec', other: '{count} en échec' },
  summaryCancelled: { one: '{count} annulé', many: '{count} annulés', other: '{count} annulés' },
  summaryUnknown: {
    one: '{count} est peut-être arrivé — vérifiez le chat',
    many: '{count} sont peut-être arrivés — vérifiez le chat',
    other: '{count} sont peut-être arrivés — vérifiez le chat',
  },
  summarySending: {
    one: 'Envoi de {count} fichier…',
    many: 'Envoi de {count} de fichiers…',
    other: 'Envoi de {count} fichiers…',
  },
  toastDelivered: '{name} remis',
  toastFailed: "{name} n'a pas été envoyé",
  toastUnknown: "{name} n'est peut-être pas arrivé",
  announceAdded: {
    one: '{count} fichier ajouté',
    many: '{count} de fichiers ajoutés',
    other: '{count} fichiers ajoutés',
  },
  announceDelivered: '{name} remis',
  announceFailed: "{name} n'a pas été envoyé : {reason}",
  ledgerTitle: 'Précédemment dans ce chat',
  ledgerDelivered: 'Remis',
  ledgerNotDelivered: 'Non remis',
  ledgerUnknown: "N'est peut-être pas arrivé",
  addAgain: 'Ajouter à nouveau',
  ledgerUnknownHint:
    "Il est peut-être déjà dans le chat. Vérifiez le chat avant de l'ajouter à nouveau.",
  ledgerCheckChatFile: 'Chercher {name} dans le chat',
  openChatFailed: "Impossible d'ouvrir le chat. Ouvrez-le plutôt depuis la messagerie.",
  outsideTitle: "Chat Drop s'utilise dans Bitrix24",
  outsideBody:
    'Ouvrez un chat dans votre Bitrix24 et lancez Chat Drop depuis le panneau du chat, ou ouvrez-le depuis le menu Applications.',
  outsideSteps:
    "Un administrateur installe l'application une fois ; elle apparaît ensuite dans chaque chat à côté du champ de message.",
  loading: 'Chargement…',
  startFailed: "Chat Drop n'a pas pu démarrer. Rechargez la page pour réessayer.",
  startFailedReopen:
    "Chat Drop n'a pas pu se connecter à Bitrix24. Fermez ce panneau et rouvrez Chat Drop depuis le chat.",
  startFailedReinstall:
    "Bitrix24 n'a pas autorisé la connexion de Chat Drop. Demandez à l'administrateur de votre Bitrix24 de réinstaller l'application.",
  installTitle: 'Installer Chat Drop',
  installWaiting: "L'installation est en cours de préparation.",
  emptyList: 'Aucun fichier pour le moment',
  error_chatNotFound: "Ce chat n'existe plus.",
  error_accessDenied:
    "Vous ne pouvez pas envoyer de fichiers dans ce chat, ou REST n'est pas disponible avec cette offre Bitrix24.",
  error_fileEmpty: 'Le fichier est vide.',
  error_invalidContent:
    "Le portail n'a pas pu lire le fichier. Il a peut-être changé pendant l'envoi.",
  error_fileTooLarge: 'Le fichier dépasse 100 Mo, la limite des chats Bitrix24.',
  error_folder: "Le portail n'a pas pu enregistrer le fichier (erreur du dossier de stockage).",
  error_uploadFailed: "Le portail n'a pas pu enregistrer le fichier.",
  error_sendFailed: "Le fichier a été enregistré, mais le message n'a pas pu être publié.",
  error_methodNotFound: "Ce Bitrix24 ne permet pas d'envoyer des fichiers de cette façon.",
  error_session: 'Votre session a expiré. Rouvrez le chat et réessayez.',
  error_scope:
    "L'application n'a pas l'autorisation d'envoyer des fichiers. Adressez-vous à votre administrateur.",
  error_appAccess:
    "Vous n'avez pas accès à cette application. Adressez-vous à votre administrateur.",
  error_appConfig:
    "L'application n'est pas configurée correctement. Adressez-vous à votre administrateur.",
  error_rateLimit: 'Le portail est occupé. Le fichier sera renvoyé sous peu.',
  error_overload: 'Le portail est surchargé. Réessayez plus tard.',
  error_operatingLimit:
    "Le portail demande à l'application de patienter : elle a épuisé son temps de traitement pour le moment. L'envoi reprendra de lui-même.",
  error_overloadBlocked:
    'Le support Bitrix24 a bloqué les requêtes de cette application sur ce portail. Un administrateur doit contacter le support Bitrix24.',
  error_server: 'Le portail a rencontré une erreur interne.',
  error_request: "La requête n'a pas été comprise. Rouvrez l'application et réessayez.",
  error_requestTooLarge:
    'Le serveur ou un proxy placé devant Bitrix24 a refusé une requête aussi volumineuse. Choisissez un fichier plus petit ou adressez-vous à votre administrateur.',
  error_portalDeleted: "Ce Bitrix24 n'existe plus.",
  error_network: 'La connexion a été perdue.',
  error_timeout: 'Le portail a mis trop de temps à répondre.',
  error_unexpectedAnswer: "Le portail a donné une réponse que l'application n'a pas pu lire.",
  error_readFailed: "Le fichier n'a pas pu être lu. Il a peut-être été déplacé ou modifié.",
  error_encodeFailed: "Le fichier n'a pas pu être préparé pour l'envoi.",
  error_nameInvalid: 'Le nom du fichier est vide ou dépasse 255 caractères.',
  error_stalled: "L'envoi n'avance plus.",
  error_htmlAnswer:
    "Le portail a répondu par une page web au lieu d'un résultat, souvent une page de connexion. Ouvrez Bitrix24 dans un nouvel onglet, connectez-vous si on vous le demande, puis réessayez.",
  error_maintenance: 'Le portail est en maintenance. Le fichier sera envoyé dès son retour.',
  error_portalFileLimit:
    'Le serveur de ce portail refuse les fichiers aussi volumineux. Prévenez votre administrateur ; les autres fichiers sont envoyés normalement.',
  error_notInChat: "Vous n'êtes pas membre de ce chat.",
  error_folderUnsupported:
    'Les dossiers ne peuvent pas être envoyés. Ouvrez le dossier et choisissez les fichiers.',
  error_noFiles: "Il n'y avait aucun fichier à envoyer.",
  error_unknown: "Un problème est survenu pendant l'envoi.",
  next_retry: 'Réessayez.',
  next_wait: "Vous n'avez rien à faire : il sera renvoyé.",
  'next_check-chat': "Vérifiez le chat avant de renvoyer : le fichier s'y trouve peut-être déjà.",
  'next_ask-admin': "Adressez-vous à l'administrateur de votre Bitrix24.",
  'next_pick-smaller': 'Choisissez un fichier plus petit.',
  'next_pick-another': 'Choisissez à nouveau le fichier, ou un autre.',
  'next_pick-chat': 'Choisissez un autre chat.',
  next_rename: 'Renommez le fichier et ajoutez-le à nouveau.',
  next_reopen: 'Rouvrez le chat et réessayez.',
  next_none: '',
} as const satisfies Messages<'one' | 'many'>;

/** The French pack; `fr-FR` is the SDK's B24LocaleMap value for `fr`. */
export default {
  locale: 'fr-FR',
  dir: 'ltr',
  messages: fr,
  install,
} as const satisfies LanguagePack;
