/**
 * `credential-overlay/locales/es`: every visible string in Spanish (tú; glossary in
 * docs/glossary.md). Importing it registers Spanish for elements whose nearest `lang` is `es`
 * (or `es-MX`, `es-419`, …).
 */
import { registerLocale } from '../locale.js';
import type { CredentialPickerStrings } from '../picker-strings.js';
import { alphabetText, type CredentialOverlayStrings } from '../strings.js';

/** «a», «a y b», «a, b y c» (e before i-/hi-). */
const list = (items: string[]) => {
  if (items.length < 2) return items.join('');
  const last = items[items.length - 1];
  return `${items.slice(0, -1).join(', ')} ${/^h?i/i.test(last) ? 'e' : 'y'} ${last}`;
};

export const es: CredentialOverlayStrings = {
  heading: 'Añadir credencial',
  editHeading: 'Editar credencial',
  nameLabel: 'Nombre de la credencial',
  descriptionLabel: 'Descripción de la credencial',
  optional: 'opcional',
  apiKeyLabel: 'Valor de la clave de API',
  showKey: 'Mostrar la clave de API',
  keyHelp: ({ provider }) => `${provider} recibe esta clave en cada solicitud, en el encabezado`,
  docsLink: ({ provider }) => `Encuentra tu clave de API de ${provider}`,
  newTab: '(se abre en una pestaña nueva)',
  save: 'Guardar',
  saving: 'Guardando…',
  checkingButton: 'Comprobando…',
  savedKey: ({ hint }) => `Clave guardada: ${hint}. Déjalo vacío para conservarla.`,
  keySaved: 'Hay una clave guardada. Déjalo vacío para conservarla.',
  keyNewAddress: 'La clave se enviaría a una dirección nueva: vuelve a introducirla.',
  cancel: 'Cancelar',
  close: 'Cerrar',

  nameRequired: 'Escribe un nombre para esta credencial.',
  tooLong: ({ field, length, max }) => `${field} tiene ${length} caracteres. Acórtalo a ${max} caracteres o menos.`,

  keyRequired: ({ provider }) => `Pega tu clave de API de ${provider}.`,
  keyCharacterInside: ({ character, position }) => `La clave contiene ${character} en la posición ${position}. Quítalo o vuelve a copiar la clave.`,
  keyTooLong: ({ length, max }) => `Esto tiene ${length} caracteres; una clave de API tiene como máximo ${max}. Pega solo la clave.`,
  keyOtherProvider: ({ other, prefix, provider, expected }) =>
    `Parece una clave de ${other} (${prefix}). Pega tu clave de ${provider}; empieza por ${expected}.`,
  keySessionToken: ({ other, prefix, provider, expected }) =>
    `Parece un token de sesión de ${other} (${prefix}), no una clave de API. Pega tu clave de API de ${provider}; empieza por ${expected}.`,
  keyPlaceholder: 'Parece un texto de ejemplo de la documentación, no una clave real.',
  keyWrongPrefix: ({ provider, expected }) => `Las claves de API de ${provider} empiezan por ${expected}. Copia la clave completa desde tu página de claves de API.`,
  keyBadCharacter: ({ char, position, provider, allowed }) =>
    `La clave contiene «${char}» en la posición ${position}; las claves de ${provider} solo tienen ${allowed}. Vuelve a copiar la clave.`,
  allowedCharacters: alphabetText(list, {
    letters: 'letras',
    uppercase: 'mayúsculas',
    lowercase: 'minúsculas',
    digits: 'dígitos',
    hex: (value) => `dígitos hexadecimales (${value})`,
  }),
  keyTooShort: ({ length, min, prefix }) =>
    `Esta clave es demasiado corta: ${length} caracteres después de ${prefix}, se esperan al menos ${min}. ¿Se cortó al copiarla?`,
  keyTooShortNoPrefix: ({ length, min }) => `Esta clave es demasiado corta: ${length} caracteres, se esperan al menos ${min}. ¿Se cortó al copiarla?`,
  keyRepeated: ({ position }) => `Parece que la clave se pegó dos veces: una segunda copia empieza en la posición ${position}. Pégala una sola vez.`,
  describeCharacter: ({ kind, char, codePoint }) => {
    switch (kind) {
      case 'space':
        return 'un espacio';
      case 'tab':
        return 'un tabulador';
      case 'line-break':
        return 'un salto de línea';
      case 'whitespace':
        return `un carácter de espacio (${codePoint})`;
      case 'control':
        return `un carácter de control (${codePoint})`;
      case 'invisible':
        return `un carácter invisible (${codePoint})`;
      case 'non-ascii':
        return `el carácter no ASCII «${char}» (${codePoint})`;
    }
  },

  advanced: 'Avanzado',
  fields: {
    organization: {
      label: 'ID de organización',
      message: 'El ID de organización empieza por org- seguido de letras y dígitos, por ejemplo org-A1b2C3. Cópialo de tu configuración o déjalo vacío.',
    },
    project: {
      label: 'ID de proyecto',
      message: 'El ID de proyecto empieza por proj_ seguido de letras y dígitos, por ejemplo proj_A1b2C3. Cópialo de tu configuración o déjalo vacío.',
    },
    endpoint: {
      label: 'Punto de conexión',
      help: 'Aparece junto a la clave en «Claves y punto de conexión» de tu recurso de Azure OpenAI.',
      note: 'No es la dirección de un recurso de Azure (…openai.azure.com o …cognitiveservices.azure.com). Una puerta de enlace o un servidor de pruebas funciona si responde como Azure.',
    },
    deployment: {
      label: 'Implementación',
      help: 'El nombre que diste al modelo al implementarlo.',
      message: 'Un nombre de implementación tiene hasta 64 letras, dígitos, «.», «_» y «-», sin espacios. Cópialo de las implementaciones de tu recurso.',
    },
    apiVersion: {
      label: 'Versión de la API',
      help: 'La versión de la API del plano de datos, por ejemplo 2024-10-21.',
      message: 'Una versión de API es una fecha como 2024-10-21 o una versión preliminar como 2025-04-01-preview.',
    },
    baseUrl: {
      label: 'URL base',
      help: 'Donde responde el servidor, sin /models al final: Ollama http://localhost:11434/v1, LM Studio http://localhost:1234/v1, vLLM http://localhost:8000/v1, LiteLLM http://localhost:4000.',
    },
  },
  fieldRequired: ({ field }) => `Rellena el campo ${field}.`,
  urlInvalid: ({ field }) => `${field} debe ser una dirección web completa, por ejemplo https://example.com.`,
  urlScheme: ({ field }) => `${field} debe empezar por https:// (o http:// para un servidor de tu propia red).`,
  urlCredentials: ({ field }) => `Quita el usuario y la contraseña de ${field}: la dirección los llevaría en texto claro.`,
  urlPublicHttp: ({ field, host }) => `${field} usa http:// hacia ${host}, una dirección pública: la clave cruzaría internet sin cifrar. Usa https://.`,
  noteUnencrypted: ({ field }) => `${field} usa http://: la clave viajará sin cifrar hasta este servidor de tu red.`,
  providerUnavailable: ({ provider }) =>
    `El proveedor «${provider}» no está disponible en esta página, así que no se puede guardar nada. Recarga la página o avisa a su responsable.`,

  checkKey: 'Comprobar clave',
  checkValid: 'Clave válida',
  checkLimited: 'límite de solicitudes alcanzado en este momento',
  checkNoCredit: 'sin crédito',
  checkModels: ({ count }) => (count === 1 ? '1 modelo' : `${count} modelos`),
  checkCredit: ({ remaining, limit }) => `quedan ${remaining} de ${limit}`,
  checkCreditLeft: ({ remaining }) => `quedan ${remaining}`,
  checkExpires: ({ date }) => `caduca el ${date}`,
  modelLabel: 'Modelo predeterminado',
  modelHelp: 'Escribe el ID de un modelo o comprueba la clave para elegir entre los modelos que puede usar.',
  connect: ({ provider }) => `Conectar con ${provider}`,
  connectWaiting: ({ provider }) => `Esperando a ${provider}…`,
  keyReceived: ({ provider, hint }) => `Clave recibida de ${provider}: ${hint}.`,
  connectBlocked: ({ provider }) =>
    `El navegador bloqueó la ventana de ${provider}. Permite las ventanas emergentes en esta página y vuelve a conectar, o pega la clave.`,
  connectClosed: ({ provider }) => `La ventana de ${provider} se cerró antes de que llegara la clave. Vuelve a conectar o pega la clave.`,
  connectDenied: ({ provider, reason }) => `${provider} no concedió acceso${reason ? ` (${reason})` : ''}. Vuelve a conectar o pega la clave.`,
  connectFailed: ({ provider, reason }) => `${provider} no entregó ninguna clave${reason ? ` (${reason})` : ''}. Vuelve a conectar o pega la clave.`,
  connectTimeout: ({ provider, minutes }) => `Sin respuesta de ${provider} en ${minutes} minutos. Vuelve a conectar o pega la clave.`,
  checking: ({ provider }) => `Comprobando la clave con ${provider}…`,
  saveWithoutChecking: 'Guardar sin comprobar',
  verifyRejected: ({ provider, said }) =>
    said ? `${provider} no aceptó esta clave: ${said}` : `${provider} no aceptó esta clave. Comprueba que la copiaste entera y que no se ha revocado.`,
  verifyUnconfirmed: ({ provider, reason }) => `No se pudo confirmar la clave con ${provider}: ${reason}. Inténtalo de nuevo o guárdala sin comprobar.`,
  reasonNetwork: 'la solicitud no llegó (sin conexión, bloqueada por la red o no permitida por CORS)',
  reasonTimeout: ({ seconds }) => `sin respuesta en ${seconds} segundos`,
  reasonForbidden: 'la clave no puede listar modelos (una clave restringida, o una restricción de proyecto o región)',
  reasonQuota: 'la cuenta no tiene cuota ni crédito',
  reasonRateLimited: 'demasiadas solicitudes en este momento',
  reasonStatus: ({ status }) => `el servicio respondió con un error (${status})`,
  reasonMalformed: 'su respuesta no se pudo leer',
  reasonFailed: 'la comprobación falló',

  noteAdminKey: 'Es una clave de administración: puede gestionar toda tu organización. Para la mayoría de los usos basta una clave de proyecto.',
  noteUnusualShape: ({ provider }) => `Esta clave no se parece a las que ${provider} emite hoy. Comprueba que está completa; aun así se puede guardar.`,
  noteOtherProvider: ({ other, prefix, provider }) => `Esta clave parece de ${other} (${prefix}). Si es tu clave de ${provider}, puedes guardarla.`,

  errorSummary: ({ count }) => (count === 1 ? 'No se pudo guardar: 1 campo necesita atención.' : `No se pudo guardar: ${count} campos necesitan atención.`),
  saveFailed: 'No se pudo guardar la credencial. Inténtalo de nuevo.',
};

export const esPicker: CredentialPickerStrings = {
  label: 'Credenciales',
  addCredential: 'Añadir credencial',
  empty: 'Aún no hay credenciales',
  edit: ({ name }) => `Editar ${name}`,
  delete: ({ name }) => `Eliminar ${name}`,
  verified: 'Verificada',
  rateLimited: 'Límite de solicitudes alcanzado',
  noCredit: 'Sin crédito',
  checkCredit: ({ remaining, limit }) => `Quedan ${remaining} de ${limit}`,
  checkCreditLeft: ({ remaining }) => `Quedan ${remaining}`,
  keyType: ({ type }) => `clave ${type}`,
  added: ({ date }) => `Añadida el ${date}`,
  confirmDelete: ({ name }) => `¿Eliminar ${name}?`,
  confirm: 'Eliminar',
  keep: 'Conservar',
  deleting: 'Eliminando…',
  deleteFailed: 'No se pudo eliminar la credencial. Inténtalo de nuevo.',
  announceNew: ({ name }) => `${name} añadida`,
};

registerLocale('es', { overlay: es, picker: esPicker });
