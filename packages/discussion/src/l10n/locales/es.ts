/** Spanish translations of `<peer-discussion>`'s messages (loaded on demand, see `../../discussion.ts`). */
import { str } from '@peerkit/core';

export const templates = {
  // The header.
  'discussion.heading': 'Conversación',
  'discussion.count.one': '(1 publicación)',
  'discussion.count': str`(${0} publicaciones)`,
  'discussion.sort.label': 'Ordenar por',
  'discussion.sort.oldest': 'Más antiguas primero',
  'discussion.sort.newest': 'Más recientes primero',
  'discussion.sort.top': 'Más reconocidas',
  'discussion.reports': 'Reportes',
  'discussion.qa.open.one': '1 pregunta abierta',
  'discussion.qa.open': str`${0} preguntas abiertas`,
  'discussion.qa.view': 'Mostrar',
  'discussion.qa.view.all': 'Todas las preguntas',
  'discussion.qa.view.unanswered': 'Sin responder',
  'discussion.highlights': 'Destacados',
  'discussion.highlights.empty': 'Aún no hay publicaciones destacadas.',
  'discussion.highlight': 'Destacar',
  'discussion.highlighted': 'Reconocida por el equipo de la comunidad',
  'discussion.highlighted.said': 'Publicación destacada.',
  'discussion.unhighlighted.said': 'Se retiró el destacado.',
  'discussion.unhighlighted.left': 'Se retiró el destacado. La publicación salió de Destacados.',
  'discussion.tags': 'Etiquetas',
  'discussion.tag.showing': str`Publicaciones con la etiqueta ${0}`,
  'discussion.tag.empty': str`Aún no hay publicaciones con la etiqueta ${0}.`,
  'discussion.tag.clear': 'Quitar filtro',
  'discussion.qa.accept': 'Aceptar respuesta',
  'discussion.qa.accepted': 'Respuesta aceptada',
  'discussion.qa.answered': 'Respondida',
  'discussion.qa.accepted.said': 'Respuesta aceptada.',
  'discussion.qa.unaccepted.said': 'La respuesta ya no está aceptada.',
  'discussion.offline':
    'Estás sin conexión. Puedes seguir escribiendo; podrás publicar de nuevo cuando vuelvas a estar en línea.',

  // Loading and the thread.
  'discussion.loading': 'Cargando la conversación…',
  'discussion.load.error': 'No se pudo cargar la conversación.',
  'discussion.load.offline':
    'Estás sin conexión, así que la conversación no puede cargarse. Se cargará cuando vuelvas a estar en línea.',
  'discussion.empty': 'Haz la primera pregunta',
  'discussion.empty.hint': 'Aquí aparecen las preguntas, respuestas y consejos sobre esta página.',
  'discussion.earlier': str`Mostrar publicaciones anteriores (${0})`,
  'discussion.more': 'Cargar más publicaciones',
  'discussion.more.error': 'No se pudieron cargar más publicaciones.',
  'discussion.live.new.one': 'Mostrar 1 publicación nueva',
  'discussion.live.new': str`Mostrar ${0} publicaciones nuevas`,
  'discussion.live.shown.one': 'Se muestra 1 publicación nueva.',
  'discussion.live.shown': str`Se muestran ${0} publicaciones nuevas.`,
  'discussion.signed-out': 'Inicia sesión para participar en la conversación.',

  // A post.
  'discussion.deleted': 'Esta publicación se eliminó.',
  'discussion.deleted.author': 'Publicación eliminada',
  'discussion.hidden': 'Un moderador ocultó esta publicación.',
  'discussion.hidden.mark': 'oculta para los demás',
  'discussion.edited': 'editada',
  'discussion.in-reply': str`En respuesta a ${0}`,
  'discussion.in-reply.deleted': 'una publicación eliminada',
  'discussion.reply': 'Responder',
  'discussion.edit': 'Editar',
  'discussion.delete': 'Eliminar',
  'discussion.report': 'Reportar',

  // The composer.
  'discussion.composer.first': 'Haz una pregunta o comparte un consejo',
  'discussion.composer.label': 'Escribe una publicación',
  'discussion.composer.reply': str`Responder a ${0}`,
  'discussion.composer.edit': 'Edita tu publicación',
  'discussion.composer.hint': str`Puedes usar Markdown: **negrita**, _cursiva_, \`código\`, listas, enlaces. ${0} publica.`,
  'discussion.counter': str`${0} de ${1} caracteres`,
  'discussion.counter.over': str`${0} caracteres de más`,
  'discussion.preview': 'Vista previa',
  'discussion.preview.region': 'Vista previa',
  'discussion.preview.empty': 'Todavía no hay nada que previsualizar.',
  'discussion.cancel': 'Cancelar',
  'discussion.post': 'Publicar',
  'discussion.post.reply': 'Publicar respuesta',
  'discussion.save': 'Guardar',
  'discussion.posting': 'Publicando…',
  'discussion.retry.post': 'Reintentar',
  'discussion.invalid.blank': 'Escribe algo primero.',
  'discussion.invalid.long': str`Las publicaciones pueden tener hasta ${0} caracteres. Acórtala un poco.`,

  // The guidelines shown before a first post.
  'discussion.conflict':
    'Esta publicación se cambió en otro lugar después de que la abrieras. Tu texto se conserva.',
  'discussion.conflict.load': 'Cargar el texto más reciente',
  'discussion.conflict.keep': 'Conservar el mío',
  'discussion.report.note.long': str`Las notas pueden tener hasta ${0} caracteres.`,
  'discussion.guidelines.heading': 'Antes de publicar',
  'discussion.guidelines.kind': 'Sé amable y presupón buena intención.',
  'discussion.guidelines.topic':
    'No te salgas del tema: preguntas, respuestas y consejos sobre esta página.',
  'discussion.guidelines.private':
    'No compartas contraseñas, datos personales ni cifras confidenciales.',
  'discussion.guidelines.name':
    'Tu nombre aparece en todo lo que publicas. Reporta cualquier cosa que incumpla estas normas.',
  'discussion.guidelines.agree': 'Acepto, publicar',
  'discussion.guidelines.back': 'Volver a editar',

  // Announcements and errors.
  'discussion.saved.post': 'Tu publicación ya está publicada.',
  'discussion.saved.reply': 'Tu respuesta ya está publicada.',
  'discussion.saved.edit': 'Tu publicación se actualizó.',
  'discussion.saved.delete': 'Tu publicación se eliminó.',
  'discussion.saved.report': 'Gracias. Los moderadores revisarán esta publicación.',
  'discussion.error.network':
    'No se pudo conectar con el servidor. Tu texto se conserva; inténtalo de nuevo.',
  'discussion.error.invalid': str`El servidor no lo aceptó: ${0}`,
  'discussion.error.invalid.plain': 'El servidor no lo aceptó.',
  'discussion.error.gone': 'Esa publicación ya no existe.',
  'discussion.error.server':
    'Algo salió mal en el servidor. Tu texto se conserva; inténtalo de nuevo.',

  // Deleting.
  'discussion.delete.heading': '¿Eliminar esta publicación?',
  'discussion.delete.with-replies':
    'Las respuestas se mantienen; la publicación se sustituye por una nota que indica que se eliminó.',
  'discussion.delete.final': 'Esta acción no se puede deshacer.',

  // Reporting a post.
  'discussion.report.heading': str`Reportar la publicación de ${0}`,
  'discussion.report.legend': '¿Qué problema tiene?',
  'discussion.reason.spam': 'Spam',
  'discussion.reason.harassment': 'Acoso',
  'discussion.reason.off-topic': 'Fuera de tema',
  'discussion.reason.other': 'Otro motivo',
  'discussion.report.note': 'Nota para los moderadores (opcional)',
  'discussion.report.note.required': 'Nota para los moderadores (obligatoria)',
  'discussion.report.need-reason': 'Elige un motivo.',
  'discussion.report.need-note': 'Explica a los moderadores qué ocurre.',
  'discussion.report.send': 'Enviar reporte',
  'discussion.report.sending': 'Enviando…',
  'discussion.report.already': 'Ya reportaste esta publicación.',

  // Moderation (the reports panel).
  'discussion.reports.heading': 'Publicaciones reportadas',
  'discussion.reports.loading': 'Cargando reportes…',
  'discussion.reports.empty': 'No hay reportes abiertos. Todo en orden.',
  'discussion.reports.by': str`reportada por ${0}`,
  'discussion.reports.note': str`Nota: ${0}`,
  'discussion.reports.post': str`Publicación de ${0}:`,
  'discussion.reports.changed':
    'Esta publicación cambió desde que abriste los reportes. Decide de nuevo sobre su versión actual.',
  'discussion.resolve.keep': 'Mantener',
  'discussion.resolve.hide': 'Ocultar',
  'discussion.resolved.keep': 'Reporte cerrado; la publicación se mantiene.',
  'discussion.resolved.hide': 'Reporte cerrado; la publicación está oculta.',
  'discussion.resolved.delete': 'Reporte cerrado; la publicación se eliminó.',

  // Attribute values the element could not use (shown to the page's developer).
  'discussion.config.mode': str`mode="${0}" no es discussion ni qa; se usa discussion.`,
  'discussion.config.sort': str`sort="${0}" no es oldest, newest ni top; se usa oldest.`,
  'discussion.config.page-size': str`page-size="${0}" no es un número entero igual o mayor que 1; se usa 20.`,
  'discussion.config.max-depth': str`max-depth="${0}" no es un número entero igual o mayor que 0; se usa 3.`,
  'discussion.config.tags': str`tags="${0}" tiene más de 5 habilidades o una de más de 100 caracteres; no se preselecciona ninguna.`,
  // The composer's tools: skill tags and @ mentions.
  'discussion.tags.label': 'Habilidades',
  'discussion.tags.list': 'Habilidades elegidas',
  'discussion.tags.hint': str`Hasta ${0}. Elige una sugerencia o pulsa Intro para añadir lo que escribiste.`,
  'discussion.tags.full': str`Una publicación lleva como mucho ${0} habilidades: quita una para añadir otra.`,
  'discussion.tags.remove': str`Quitar la etiqueta ${0}`,
  'discussion.tags.added': str`Etiqueta ${0} añadida.`,
  'discussion.tags.removed': str`Etiqueta ${0} quitada.`,
  'discussion.tags.refused': str`No se pudieron guardar estas habilidades: ${0}`,
  'discussion.tags.count.one': '1 habilidad sugerida',
  'discussion.tags.count': str`${0} habilidades sugeridas`,
  'discussion.mentions.label': 'Personas para mencionar',
  'discussion.mentions.count.one': '1 persona encontrada',
  'discussion.mentions.count': str`${0} personas encontradas`,
  'discussion.mentions.loading': 'Buscando personas…',
  'discussion.mentions.empty': 'Nadie con ese nombre.',
};
