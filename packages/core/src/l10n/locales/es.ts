/** Spanish translations of `@peerkit/core`'s own messages (loaded on demand). */
import { str } from '@lit/localize';

export const templates = {
  'core.error.network':
    'No se puede conectar con el servidor. Comprueba la conexión e inténtalo de nuevo.',
  'core.error.forbidden': 'No tienes permiso para hacer eso.',
  'core.error.signin': 'Inicia sesión para continuar.',
  'core.error.validation':
    'El servidor envió una respuesta que no podemos leer. Inténtalo más tarde.',
  'core.error.aborted': 'Cancelado.',
  'core.error.rate': 'Demasiadas solicitudes ahora mismo. Inténtalo dentro de un momento.',
  'core.error.notfound': 'No se encontró. Puede que se haya eliminado.',
  'core.error.conflict': 'Ha cambiado entretanto. Recarga e inténtalo de nuevo.',
  'core.error.rejected': 'El servidor no pudo aceptarlo. Revisa lo que has escrito.',
  'core.error.server': 'Algo salió mal en el servidor. Inténtalo de nuevo.',
  'core.error.storage':
    'Este navegador no deja que Peerkit guarde nada: los borradores y los registros de actividad solo duran hasta que salgas de esta página.',
  'core.config.endpoint-missing': 'Peerkit no está configurado: el proveedor no tiene endpoint.',
  'core.config.endpoint': str`Peerkit no está configurado: el endpoint "${0}" no es una URL.`,
  'core.config.xapi': str`Peerkit no está configurado: "${0}" no es un modo xAPI (usa proxy, direct u off).`,
  'core.config.lrs-endpoint': str`Peerkit no está configurado: el endpoint del LRS "${0}" no es una URL.`,
  'core.config.credentials': str`Peerkit no está configurado: "${0}" no es un modo de credenciales (usa omit, same-origin o include).`,
  'core.config.outbox-full':
    'No se pudieron guardar los registros de actividad: la bandeja de salida está llena.',
  'core.config.other': 'Peerkit no está configurado correctamente.',
  'core.retry': 'Reintentar',
  'core.loading': 'Cargando…',
  'core.combobox.failed': 'No se pudieron cargar las sugerencias.',
  'core.offline': 'Estás sin conexión. Los cambios se enviarán cuando vuelvas a estar en línea.',
};
