import type { InstallMessages } from '../installMessages.ts';

/** French texts of the install page (Bitrix24 `fr`). */
export const fr = {
  title: 'Installer Chat Drop',
  manageTitle: 'Installation de Chat Drop',
  intro:
    'Chat Drop ajoute un bouton à chaque chat : dans le panneau latéral du chat et au-dessus du champ de message. Déposez-y des fichiers pour les envoyer dans le chat.',
  waiting: "L'installation est en cours de préparation.",
  'step.check-admin': "Vérifier les droits d'administrateur",
  'step.read-bindings': 'Lire les paramètres actuels des widgets',
  'step.bind-IM_SIDEBAR': 'Ajouter Chat Drop au panneau latéral du chat',
  'step.bind-IM_TEXTAREA': 'Ajouter Chat Drop au-dessus du champ de message',
  'step.finish': "Terminer l'installation",
  'state.pending': 'En attente',
  'state.running': 'En cours',
  'state.done': 'Terminé',
  'state.skipped': 'Ignoré',
  'state.failed': 'Échec',
  'outcome.bound': 'ajouté',
  'outcome.unchanged': 'déjà en place',
  'outcome.replaced': 'déplacé vers cette adresse',
  installed:
    'Chat Drop est installé. Bitrix24 recharge maintenant la page ; ouvrez ensuite un chat.',
  repaired: 'Terminé : les widgets pointent vers cette adresse.',
  retry: 'Réessayer',
  repair: 'Réparer',
  repairing: 'Réparation…',
  reload: 'Vérifier à nouveau',
  loadingState: "Lecture de l'installation…",
  details: 'Détails',
  detailsCode: "Code d'erreur : {code}",
  detailsText: 'Message du portail : {detail}',
  'placement.IM_SIDEBAR': 'Panneau latéral du chat',
  'placement.IM_TEXTAREA': 'Au-dessus du champ de message',
  columnPlace: 'Emplacement',
  columnAddress: 'Adresse',
  columnState: 'État',
  'row.current': 'Lié à cette adresse',
  'row.other': 'Lié à une autre adresse',
  'row.outdated': "Lié ici, avec les paramètres d'une version antérieure",
  'row.multiple': 'Lié plusieurs fois',
  'row.missing': 'Non lié',
  thisAddress: "L'application fonctionne à l'adresse {handler}",
  healthy: 'Tout est en place.',
  unhealthy:
    'Certains widgets manquent ou pointent vers une autre adresse. Réparer les lie à cette adresse.',
  notAdminInstall:
    "Seul un administrateur Bitrix24 peut installer Chat Drop. Demandez à un administrateur d'ouvrir l'application une fois depuis Applications.",
  notAdminManage:
    "Chat Drop fonctionne dans les chats : ouvrez un chat et choisissez Chat Drop dans le panneau latéral ou au-dessus du champ de message. Les paramètres d'installation ne sont visibles que par les administrateurs.",
  'error.ACCESS_DENIED':
    "Bitrix24 a refusé : seul un administrateur peut ajouter des widgets à la messagerie. Demandez à un administrateur d'ouvrir l'application une fois depuis Applications.",
  'error.scope':
    "Il manque à l'application les autorisations {scopes}. Un administrateur doit ouvrir Applications → Ressources pour les développeurs → Intégrations → Chat Drop → Modifier, cocher {scopes} sous « Attribuer des autorisations », enregistrer et rouvrir l'application.",
  'error.WRONG_AUTH_TYPE':
    "Bitrix24 n'accepte cette étape que de l'application elle-même. Ouvrez Chat Drop depuis le menu Applications de votre Bitrix24, et non depuis un lien direct.",
  'error.handler':
    "Bitrix24 n'accepte pas l'adresse {handler} pour les widgets. Publiez l'application à une adresse https:// publique avec un nom de domaine et installez-la à nouveau.",
  'error.auth': 'La session avec Bitrix24 a expiré. Rechargez la page et réessayez.',
  'error.busy': 'Bitrix24 est occupé pour le moment. Patientez une minute et réessayez.',
  'error.transport': 'Bitrix24 est injoignable. Vérifiez la connexion et réessayez.',
  'error.generic':
    "L'installation a échoué. Réessayez ; si l'échec persiste, envoyez les détails à votre administrateur.",
} as const satisfies InstallMessages;
