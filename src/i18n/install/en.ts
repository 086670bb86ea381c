/**
 * English texts of the install page: the shape every other language must match.
 * `{name}` placeholders are filled as plain text. Error codes never go into a main sentence:
 * they are shown under Details only (`detailsCode`).
 */
export const en = {
  title: 'Install Chat Drop',
  manageTitle: 'Chat Drop installation',
  intro:
    'Chat Drop adds a button to every chat: in the chat sidebar and above the message field. Drop files there to send them to the chat.',
  waiting: 'The installation is being prepared.',
  'step.check-admin': 'Check administrator rights',
  'step.read-bindings': 'Read the current widget settings',
  'step.bind-IM_SIDEBAR': 'Add Chat Drop to the chat sidebar',
  'step.bind-IM_TEXTAREA': 'Add Chat Drop above the message field',
  'step.finish': 'Finish the installation',
  'state.pending': 'Waiting',
  'state.running': 'In progress',
  'state.done': 'Done',
  'state.skipped': 'Skipped',
  'state.failed': 'Failed',
  'outcome.bound': 'added',
  'outcome.unchanged': 'already in place',
  'outcome.replaced': 'moved to this address',
  installed: 'Chat Drop is installed. Bitrix24 reloads the page now; then open any chat.',
  repaired: 'Done: the widgets point at this address.',
  retry: 'Try again',
  repair: 'Repair',
  repairing: 'Repairing…',
  reload: 'Check again',
  loadingState: 'Reading the installation…',
  details: 'Details',
  detailsCode: 'Error code: {code}',
  detailsText: 'Portal message: {detail}',
  'placement.IM_SIDEBAR': 'Chat sidebar',
  'placement.IM_TEXTAREA': 'Above the message field',
  columnPlace: 'Place',
  columnAddress: 'Address',
  columnState: 'State',
  'row.current': 'Bound to this address',
  'row.other': 'Bound to another address',
  'row.outdated': 'Bound here, with settings from an older version',
  'row.multiple': 'Bound more than once',
  'row.missing': 'Not bound',
  thisAddress: 'This app runs at {handler}',
  healthy: 'Everything is in place.',
  unhealthy:
    'Some widgets are missing or point to another address. Repair binds them to this address.',
  notAdminInstall:
    'Only a Bitrix24 administrator can install Chat Drop. Ask an administrator to open the app once from Applications.',
  notAdminManage:
    'Chat Drop works inside chats: open a chat and choose Chat Drop in the chat sidebar or above the message field. Installation settings are visible to administrators only.',
  'error.ACCESS_DENIED':
    'Bitrix24 refused: only an administrator can add widgets to the messenger. Ask an administrator to open the app once from Applications.',
  'error.scope':
    'The app is missing the permissions {scopes}. An administrator must open Applications → Developer resources → Integrations → Chat Drop → Edit, tick {scopes} under "Assign permissions", save, and open the app again.',
  'error.WRONG_AUTH_TYPE':
    'Bitrix24 accepts this step only from the app itself. Open Chat Drop from the Applications menu of your Bitrix24, not from a direct link.',
  'error.handler':
    'Bitrix24 does not accept the address {handler} for widgets. Serve the app from a public https:// address with a domain name and install it again.',
  'error.auth': 'The session with Bitrix24 has expired. Reload the page and try again.',
  'error.busy': 'Bitrix24 is busy right now. Wait a minute and try again.',
  'error.transport': 'Bitrix24 could not be reached. Check the connection and try again.',
  'error.generic':
    'The installation failed. Try again; if it keeps failing, send the details to your administrator.',
} as const;
