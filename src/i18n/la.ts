import { la as install } from './install/la.ts';
import type { LanguagePack } from './LanguagePack.ts';
import type { Messages } from './Messages.ts';

/**
 * Spanish strings (Bitrix24 `la`). Plural forms: one (1), many (a million and its multiples:
 * "1 000 000 de archivos"), other.
 */
export const la = {
  appTitle: 'Chat Drop',
  dropHere: 'Suelte los archivos aquí',
  dropHint: 'Arrastre archivos aquí, péguelos o selecciónelos',
  chooseFiles: 'Seleccionar archivos',
  dropzoneLabel: 'Añadir archivos: suéltelos aquí, péguelos o pulse Intro para seleccionarlos',
  dropRelease: 'Suelte para enviar a {chat}',
  dropNoFiles: 'Aquí solo se pueden soltar archivos. Los enlaces y el texto no se envían.',
  dropFolderEmpty:
    'La carpeta está vacía o su navegador no puede leer carpetas. Ábrala y suelte los archivos.',
  filesAdded: {
    one: '{count} archivo añadido',
    many: '{count} de archivos añadidos',
    other: '{count} archivos añadidos',
  },
  fileCount: { one: '{count} archivo', many: '{count} de archivos', other: '{count} archivos' },
  pickChatFirst: 'Primero seleccione un chat',
  chatHeaderLabel: 'Los archivos van a',
  changeChat: 'Cambiar de chat',
  chatPickerTitle: 'Seleccione un chat',
  chatPickerSearch: 'Buscar chats',
  chatPickerEmpty: 'No se encontraron chats',
  chatPickerLoading: 'Cargando chats…',
  chatPickerError: 'No se pudieron cargar sus chats. Inténtelo de nuevo.',
  chatLoadError: 'No se pudo cargar este chat.',
  messageLabel: 'Mensaje con los archivos',
  messagePlaceholder: 'Añadir un mensaje (opcional)',
  listLabel: 'Archivos',
  phase_queued: 'En cola',
  phase_reading: 'Leyendo',
  phase_sending: 'Enviando',
  phase_waiting: 'El portal está ocupado, se volverá a enviar',
  phase_waitingUntil: 'El portal pide esperar; se reanuda a las {time}',
  chatAccessLost:
    'Ya no se pueden enviar archivos a este chat. Los archivos restantes no se enviaron.',
  phase_checking: 'Comprobando el chat',
  phase_delivered: 'Entregado',
  phase_failed: 'No enviado',
  phase_cancelled: 'Cancelado',
  phase_unknown: 'Puede que no haya llegado',
  cancel: 'Cancelar',
  retry: 'Reintentar',
  remove: 'Quitar',
  cancelFile: 'Cancelar {name}',
  retryFile: 'Reintentar {name}',
  removeFile: 'Quitar {name}',
  cancelAll: 'Cancelar todo',
  clearFinished: 'Quitar los terminados',
  openInChat: 'Abrir en el chat',
  checkTheChat: 'Revisar el chat',
  details: 'Detalles',
  errorCode: 'Código: {code}',
  progressLabel: 'Progreso de {name}',
  sizeBytes: { one: '{count} byte', many: '{count} de bytes', other: '{count} bytes' },
  speed: '{size}/s',
  timeLeft: 'Quedan {duration}',
  batchProgress: '{done} de {total} · {percent}',
  batchLabel: 'Progreso total',
  summaryDelivered: {
    one: '{count} entregado',
    many: '{count} entregados',
    other: '{count} entregados',
  },
  summaryFailed: {
    one: '{count} con error',
    many: '{count} con error',
    other: '{count} con error',
  },
  summaryCancelled: {
    one: '{count} cancelado',
    many: '{count} cancelados',
    other: '{count} cancelados',
  },
  summaryUnknown: {
    one: '{count} puede haber llegado: revise el chat',
    many: '{count} pueden haber llegado: revise el chat',
    other: '{count} pueden haber llegado: revise el chat',
  },
  summarySending: {
    one: 'Enviando {count} archivo…',
    many: 'Enviando {count} de archivos…',
    other: 'Enviando {count} archivos…',
  },
  toastSending: 'Enviando {name}…',
  toastWaiting: '{name}: el portal está ocupado, se volverá a enviar en breve',
  toastChecking: '{name}: comprobando si llegó al chat…',
  toastDelivered: '{name} entregado',
  toastFailed: '{name} no se envió',
  toastUnknown: 'Puede que {name} no haya llegado',
  announceAdded: {
    one: '{count} archivo añadido',
    many: '{count} de archivos añadidos',
    other: '{count} archivos añadidos',
  },
  announceDelivered: '{name} entregado',
  announceFailed: '{name} no se envió: {reason}',
  ledgerTitle: 'Antes en este chat',
  ledgerDelivered: 'Entregado',
  ledgerNotDelivered: 'No entregado',
  ledgerUnknown: 'Puede que no haya llegado',
  ledgerAddAgain: 'Añadir de nuevo',
  ledgerAddAgainFile: 'Añadir {name} de nuevo',
  ledgerUnknownHint: 'Puede que ya esté en el chat. Revise el chat antes de volver a añadirlo.',
  ledgerCheckChatFile: 'Buscar {name} en el chat',
  openChatFailed: 'No se pudo abrir el chat. Ábralo desde el messenger.',
  outsideTitle: 'Chat Drop funciona dentro de Bitrix24',
  outsideBody:
    'Abra un chat en su Bitrix24 e inicie Chat Drop desde el panel del chat, o ábralo desde el menú Aplicaciones.',
  outsideSteps:
    'Un administrador instala la aplicación una vez; después aparece en cada chat junto al campo de mensaje.',
  loading: 'Cargando…',
  startFailed: 'Chat Drop no pudo iniciarse. Vuelva a cargar la página para intentarlo de nuevo.',
  startFailedReopen:
    'Chat Drop no pudo conectarse a Bitrix24. Cierre este panel y vuelva a abrir Chat Drop desde el chat.',
  startFailedReinstall:
    'Bitrix24 no permitió que Chat Drop iniciara sesión. Pida a su administrador de Bitrix24 que reinstale la aplicación.',
  installTitle: 'Instalar Chat Drop',
  installWaiting: 'Se está preparando la instalación.',
  emptyList: 'Aún no hay archivos',
  error_chatNotFound: 'Este chat ya no existe.',
  error_accessDenied:
    'No puede enviar archivos a este chat, o REST no está disponible en este plan de Bitrix24.',
  error_fileEmpty: 'El archivo está vacío.',
  error_invalidContent:
    'El portal no pudo leer el archivo. Es posible que haya cambiado mientras se enviaba.',
  error_fileTooLarge: 'El archivo supera los 100 MB, el límite de los chats de Bitrix24.',
  error_folder: 'El portal no pudo guardar el archivo (error en la carpeta de almacenamiento).',
  error_uploadFailed: 'El portal no pudo guardar el archivo.',
  error_sendFailed: 'El archivo se guardó, pero no se pudo publicar el mensaje.',
  error_methodNotFound: 'Este Bitrix24 no permite enviar archivos de esta forma.',
  error_session: 'Su sesión ha caducado. Vuelva a abrir el chat e inténtelo de nuevo.',
  error_scope: 'La aplicación no tiene permiso para enviar archivos. Consulte a su administrador.',
  error_appAccess: 'No tiene acceso a esta aplicación. Consulte a su administrador.',
  error_appConfig: 'La aplicación no está bien configurada. Consulte a su administrador.',
  error_rateLimit: 'El portal está ocupado. El archivo se volverá a enviar en breve.',
  error_overload: 'El portal está sobrecargado. Inténtelo más tarde.',
  error_operatingLimit:
    'El portal pide a la aplicación que espere: por ahora agotó su tiempo de procesamiento. El envío se reanudará solo.',
  error_overloadBlocked:
    'El soporte de Bitrix24 bloqueó las solicitudes de esta aplicación en este portal. Un administrador debe contactar con el soporte de Bitrix24.',
  error_server: 'Se produjo un error interno en el portal.',
  error_request: 'No se entendió la solicitud. Vuelva a abrir la aplicación e inténtelo de nuevo.',
  error_requestTooLarge:
    'El servidor o un proxy delante de Bitrix24 rechazó una solicitud tan grande. Elija un archivo más pequeño o consulte a su administrador.',
  error_portalDeleted: 'Este Bitrix24 ya no existe.',
  error_network: 'Se perdió la conexión.',
  error_timeout: 'El portal tardó demasiado en responder.',
  error_unexpectedAnswer: 'El portal dio una respuesta que la aplicación no pudo leer.',
  error_readFailed: 'No se pudo leer el archivo. Es posible que se haya movido o modificado.',
  error_encodeFailed: 'No se pudo preparar el archivo para enviarlo.',
  error_nameInvalid: 'El nombre del archivo está vacío o tiene más de 255 caracteres.',
  error_stalled: 'El envío dejó de avanzar.',
  error_htmlAnswer:
    'El portal respondió con una página web en lugar de un resultado, a menudo una página de inicio de sesión. Abra Bitrix24 en una pestaña nueva, inicie sesión si se lo pide e inténtelo de nuevo.',
  error_maintenance:
    'El portal está en mantenimiento. El archivo se enviará cuando vuelva a estar disponible.',
  error_sendInterrupted:
    'La conexión se cerró antes de enviar el archivo completo, así que no está en el chat. Si esto se repite con este archivo, puede que el servidor del portal rechace archivos tan grandes: avise a su administrador.',
  error_portalFileLimit:
    'El servidor de este portal rechaza archivos tan grandes. Avise a su administrador; los demás archivos se envían con normalidad.',
  error_notInChat: 'No es miembro de este chat.',
  error_folderUnsupported:
    'No se pueden enviar carpetas. Abra la carpeta y seleccione los archivos.',
  error_noFiles: 'No había archivos para enviar.',
  error_unknown: 'Algo salió mal durante el envío.',
  next_retry: 'Inténtelo de nuevo.',
  next_wait: 'No tiene que hacer nada: se volverá a enviar.',
  'next_check-chat':
    'Revise el chat antes de volver a enviarlo: puede que el archivo ya esté allí.',
  'next_ask-admin': 'Consulte a su administrador de Bitrix24.',
  'next_pick-smaller': 'Elija un archivo más pequeño.',
  'next_pick-another': 'Vuelva a seleccionar el archivo o elija otro.',
  'next_pick-chat': 'Elija otro chat.',
  next_rename: 'Cambie el nombre del archivo y vuelva a añadirlo.',
  next_reopen: 'Vuelva a abrir el chat e inténtelo de nuevo.',
  next_none: '',
} as const satisfies Messages<'one' | 'many'>;

/** The Spanish pack; `es-ES` is the SDK's B24LocaleMap value for `la`. */
export default {
  locale: 'es-ES',
  dir: 'ltr',
  messages: la,
  install,
} as const satisfies LanguagePack;
