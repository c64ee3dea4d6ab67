/** Spanish translations of `<peer-kudos>`'s messages (loaded on demand, see `../../kudos.ts`). */
import { str } from '@peerkit/core';

export const templates = {
  'kudos.label': 'Reconocimiento',
  'kudos.loading': 'Cargando reconocimientos',
  'kudos.count.one': str`${0} persona dio reconocimiento`,
  'kudos.count.other': str`${0} personas dieron reconocimiento`,
  'kudos.thanked': str`Le diste las gracias a ${0}.`,
  'kudos.gave': 'Diste un reconocimiento.',
  'kudos.did.one': str`${0} persona lo hizo.`,
  'kudos.did.other': str`${0} personas lo hicieron.`,
  'kudos.withdrew': 'Retiraste tu reconocimiento.',
  'kudos.remaining.one': str`${0} persona dio reconocimiento.`,
  'kudos.remaining.other': str`${0} personas dieron reconocimiento.`,
  'kudos.self': 'No puedes darte reconocimiento a ti.',
  'kudos.save-failed': 'No se pudo guardar tu reconocimiento.',
  'kudos.withdraw-failed': 'No se pudo retirar tu reconocimiento.',
  'kudos.offline-save': 'Estás sin conexión: tu reconocimiento no se guardó.',
  'kudos.load-failed': 'No se pudieron cargar los reconocimientos.',
  'kudos.offline-load': 'Estás sin conexión: no se pudieron cargar los reconocimientos.',
  'kudos.misconfigured':
    'Los reconocimientos no están disponibles: la página no está bien configurada.',
  'kudos.bad-values': 'El atributo values contiene un valor no válido.',
  'kudos.retry': 'Reintentar',
  'kudos.values-given': 'Valores reconocidos',
  'kudos.value-count': str`${0} ×${1}`,
  'kudos.givers-loading': 'Cargando quién lo dio…',
  'kudos.givers-failed': 'No se pudo cargar quién lo dio.',
  'kudos.givers-none': 'Nadie todavía.',
  // After "Dado por" ("Dado por ti, Ana y 2 personas más"), so the prepositional form.
  'kudos.you': 'ti',
  'kudos.given-by': str`Dado por ${0}`,
  'kudos.others.one': str`${0} persona más`,
  'kudos.others.other': str`${0} personas más`,
  // The popover for choosing a value (`popover.ts`).
  'kudos.pick-legend': '¿Por qué le das las gracias?',
  'kudos.pick-message': 'Escribe un mensaje (opcional)',
  'kudos.chars-left.one': str`Queda ${0} carácter`,
  'kudos.chars-left.other': str`Quedan ${0} caracteres`,
  'kudos.cancel': 'Cancelar',
  'kudos.give': 'Dar reconocimiento',
};
