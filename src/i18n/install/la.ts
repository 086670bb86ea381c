import type { InstallMessages } from '../installMessages.ts';

/** Spanish texts of the install page (Bitrix24 `la`). */
export const la = {
  title: 'Instalar Chat Drop',
  manageTitle: 'Instalación de Chat Drop',
  intro:
    'Chat Drop añade un botón a cada chat: en la barra lateral del chat y encima del campo de mensaje. Suelte archivos allí para enviarlos al chat.',
  waiting: 'Se está preparando la instalación.',
  'step.check-admin': 'Comprobar los derechos de administrador',
  'step.read-bindings': 'Leer la configuración actual de los widgets',
  'step.bind-IM_SIDEBAR': 'Añadir Chat Drop a la barra lateral del chat',
  'step.bind-IM_TEXTAREA': 'Añadir Chat Drop encima del campo de mensaje',
  'step.finish': 'Finalizar la instalación',
  'state.pending': 'En espera',
  'state.running': 'En curso',
  'state.done': 'Hecho',
  'state.skipped': 'Omitido',
  'state.failed': 'Error',
  'outcome.bound': 'añadido',
  'outcome.unchanged': 'ya estaba',
  'outcome.replaced': 'trasladado a esta dirección',
  installed:
    'Chat Drop está instalado. Bitrix24 vuelve a cargar la página; después abra cualquier chat.',
  repaired: 'Hecho: los widgets apuntan a esta dirección.',
  retry: 'Reintentar',
  repair: 'Reparar',
  repairing: 'Reparando…',
  reload: 'Volver a comprobar',
  loadingState: 'Leyendo la instalación…',
  details: 'Detalles',
  detailsCode: 'Código de error: {code}',
  detailsText: 'Mensaje del portal: {detail}',
  'placement.IM_SIDEBAR': 'Barra lateral del chat',
  'placement.IM_TEXTAREA': 'Encima del campo de mensaje',
  columnPlace: 'Lugar',
  columnAddress: 'Dirección',
  columnState: 'Estado',
  'row.current': 'Vinculado a esta dirección',
  'row.other': 'Vinculado a otra dirección',
  'row.outdated': 'Vinculado aquí, con la configuración de una versión anterior',
  'row.multiple': 'Vinculado más de una vez',
  'row.missing': 'Sin vincular',
  thisAddress: 'Esta aplicación funciona en {handler}',
  healthy: 'Todo está en su sitio.',
  unhealthy:
    'Faltan algunos widgets o apuntan a otra dirección. Reparar los vincula a esta dirección.',
  notAdminInstall:
    'Solo un administrador de Bitrix24 puede instalar Chat Drop. Pida a un administrador que abra la aplicación una vez desde Aplicaciones.',
  notAdminManage:
    'Chat Drop funciona dentro de los chats: abra un chat y elija Chat Drop en la barra lateral del chat o encima del campo de mensaje. La configuración de la instalación solo la ven los administradores.',
  'error.ACCESS_DENIED':
    'Bitrix24 lo rechazó: solo un administrador puede añadir widgets al messenger. Pida a un administrador que abra la aplicación una vez desde Aplicaciones.',
  'error.scope':
    'A la aplicación le faltan los permisos {scopes}. Un administrador debe abrir Aplicaciones → Recursos para desarrolladores → Integraciones → Chat Drop → Editar, marcar {scopes} en "Asignar permisos", guardar y volver a abrir la aplicación.',
  'error.WRONG_AUTH_TYPE':
    'Bitrix24 solo acepta este paso desde la propia aplicación. Abra Chat Drop desde el menú Aplicaciones de su Bitrix24, no desde un enlace directo.',
  'error.handler':
    'Bitrix24 no acepta la dirección {handler} para los widgets. Publique la aplicación en una dirección https:// pública con nombre de dominio e instálela de nuevo.',
  'error.auth':
    'La sesión con Bitrix24 ha caducado. Vuelva a cargar la página e inténtelo de nuevo.',
  'error.busy': 'Bitrix24 está ocupado en este momento. Espere un minuto e inténtelo de nuevo.',
  'error.transport':
    'No se pudo conectar con Bitrix24. Compruebe la conexión e inténtelo de nuevo.',
  'error.generic':
    'La instalación falló. Inténtelo de nuevo; si sigue fallando, envíe los detalles a su administrador.',
} as const satisfies InstallMessages;
