/**
 * `credential-overlay/locales/de`: every visible string in German. Importing it registers
 * German for elements whose nearest `lang` is `de` (or `de-AT`, `de-CH`, …); `el.strings = de`
 * sets it on one element whatever its language.
 */
import { registerLocale } from '../locale.js';
import type { CredentialPickerStrings } from '../picker-strings.js';
import { alphabetText, joinList, type CredentialOverlayStrings } from '../strings.js';

/** „a“, „a und b“, „a, b und c“. */
const list = joinList(', ', ' und ');

export const de: CredentialOverlayStrings = {
  heading: 'Neue Zugangsdaten hinzufügen',
  editHeading: 'Zugangsdaten bearbeiten',
  nameLabel: 'Name der Zugangsdaten',
  descriptionLabel: 'Beschreibung der Zugangsdaten',
  optional: 'freiwillig',
  apiKeyLabel: 'API-Schlüssel',
  showKey: 'API-Schlüssel anzeigen',
  keyHelp: ({ provider }) => `${provider} erhält diesen Schlüssel bei jeder Anfrage im Header`,
  docsLink: ({ provider }) => `Ihren ${provider}-API-Schlüssel finden`,
  newTab: '(öffnet in einem neuen Tab)',
  save: 'Speichern',
  saving: 'Wird gespeichert…',
  checkingButton: 'Wird geprüft…',
  savedKey: ({ hint }) => `Gespeicherter Schlüssel: ${hint}. Leer lassen, um ihn zu behalten.`,
  keySaved: 'Ein Schlüssel ist gespeichert. Leer lassen, um ihn zu behalten.',
  keyNewAddress: 'Der Schlüssel würde an eine neue Adresse gesendet: Geben Sie ihn erneut ein.',
  cancel: 'Abbrechen',
  close: 'Schließen',

  nameRequired: 'Geben Sie einen Namen für diese Zugangsdaten ein.',
  tooLong: ({ field, length, max }) =>
    `${field} ist ${length} Zeichen lang. Kürzen Sie auf höchstens ${max} Zeichen.`,

  keyRequired: ({ provider }) => `Fügen Sie Ihren ${provider}-API-Schlüssel ein.`,
  keyCharacterInside: ({ character, position }) =>
    `Der Schlüssel enthält ${character} an Position ${position}. Entfernen Sie dieses Zeichen oder kopieren Sie den Schlüssel erneut.`,
  keyTooLong: ({ length, max }) =>
    `Das sind ${length} Zeichen; ein API-Schlüssel hat höchstens ${max}. Fügen Sie nur den Schlüssel ein.`,
  keyOtherProvider: ({ other, prefix, provider, expected }) =>
    `Das sieht nach einem Schlüssel von ${other} aus (${prefix}). Fügen Sie Ihren ${provider}-Schlüssel ein; er beginnt mit ${expected}.`,
  keySessionToken: ({ other, prefix, provider, expected }) =>
    `Das sieht nach einem ${other}-Sitzungstoken aus (${prefix}), nicht nach einem API-Schlüssel. Fügen Sie Ihren ${provider}-API-Schlüssel ein; er beginnt mit ${expected}.`,
  keyPlaceholder: 'Das sieht nach einem Platzhalter aus der Dokumentation aus, nicht nach einem echten Schlüssel.',
  keyWrongPrefix: ({ provider, expected }) =>
    `${provider}-API-Schlüssel beginnen mit ${expected}. Kopieren Sie den ganzen Schlüssel von Ihrer Seite mit den API-Schlüsseln.`,
  keyBadCharacter: ({ char, position, provider, allowed }) =>
    `Der Schlüssel enthält „${char}“ an Position ${position}; ${provider}-Schlüssel bestehen nur aus ${allowed}. Kopieren Sie den Schlüssel erneut.`,
  allowedCharacters: alphabetText(list, {
    letters: 'Buchstaben',
    uppercase: 'Großbuchstaben',
    lowercase: 'Kleinbuchstaben',
    digits: 'Ziffern',
    hex: (value) => `Hexadezimalziffern (${value})`,
  }),
  keyTooShortNoPrefix: ({ length, min }) =>
    `Dieser Schlüssel ist zu kurz: ${length} Zeichen, erwartet sind mindestens ${min}. Wurde beim Kopieren etwas abgeschnitten?`,
  keyRepeated: ({ position }) =>
    `Der Schlüssel scheint doppelt eingefügt zu sein: Eine zweite Kopie beginnt an Position ${position}. Fügen Sie ihn nur einmal ein.`,
  keyTooShort: ({ length, min, prefix }) =>
    `Dieser Schlüssel ist zu kurz: ${length} Zeichen nach ${prefix}, erwartet sind mindestens ${min}. Wurde beim Kopieren etwas abgeschnitten?`,
  describeCharacter: ({ kind, char, codePoint }) => {
    switch (kind) {
      case 'space':
        return 'ein Leerzeichen';
      case 'tab':
        return 'einen Tabulator';
      case 'line-break':
        return 'einen Zeilenumbruch';
      case 'whitespace':
        return `ein Leerraumzeichen (${codePoint})`;
      case 'control':
        return `ein Steuerzeichen (${codePoint})`;
      case 'invisible':
        return `ein unsichtbares Zeichen (${codePoint})`;
      case 'non-ascii':
        return `das Nicht-ASCII-Zeichen „${char}“ (${codePoint})`;
    }
  },

  advanced: 'Erweitert',
  fields: {
    organization: {
      label: 'Organisations-ID',
      message: 'Die Organisations-ID beginnt mit org-, gefolgt von Buchstaben und Ziffern, z. B. org-A1b2C3. Kopieren Sie sie aus Ihren Einstellungen oder lassen Sie das Feld leer.',
    },
    project: {
      label: 'Projekt-ID',
      message: 'Die Projekt-ID beginnt mit proj_, gefolgt von Buchstaben und Ziffern, z. B. proj_A1b2C3. Kopieren Sie sie aus Ihren Einstellungen oder lassen Sie das Feld leer.',
    },
    endpoint: {
      label: 'Endpunkt',
      help: 'Steht zusammen mit dem Schlüssel unter „Schlüssel und Endpunkt“ Ihrer Azure OpenAI-Ressource.',
      note: 'Das ist keine Adresse einer Azure-Ressource (…openai.azure.com oder …cognitiveservices.azure.com). Ein Gateway oder Testserver funktioniert, wenn er wie Azure antwortet.',
    },
    deployment: {
      label: 'Bereitstellung',
      help: 'Der Name, den Sie dem Modell bei der Bereitstellung gegeben haben.',
      message: 'Ein Bereitstellungsname hat bis zu 64 Buchstaben, Ziffern, „.“, „_“ und „-“ und keine Leerzeichen. Kopieren Sie ihn aus den Bereitstellungen Ihrer Ressource.',
    },
    apiVersion: {
      label: 'API-Version',
      help: 'Die API-Version der Datenebene, z. B. 2024-10-21.',
      message: 'Eine API-Version ist ein Datum wie 2024-10-21 oder eine Vorschau wie 2025-04-01-preview.',
    },
    baseUrl: {
      label: 'Basis-URL',
      help: 'Wo der Server antwortet, ohne /models am Ende: Ollama http://localhost:11434/v1, LM Studio http://localhost:1234/v1, vLLM http://localhost:8000/v1, LiteLLM http://localhost:4000.',
    },
  },
  fieldRequired: ({ field }) => `Geben Sie ${field} ein.`,
  urlInvalid: ({ field }) => `${field} muss eine vollständige Webadresse sein, z. B. https://example.com.`,
  urlScheme: ({ field }) => `${field} muss mit https:// beginnen (oder mit http:// für einen Server in Ihrem eigenen Netz).`,
  urlCredentials: ({ field }) =>
    `Entfernen Sie Benutzername und Passwort aus ${field}: Die Adresse würde sie im Klartext tragen.`,
  urlPublicHttp: ({ field, host }) =>
    `${field} verwendet http:// zu ${host}, einer öffentlichen Adresse: Der Schlüssel würde unverschlüsselt durchs Internet gehen. Verwenden Sie https://.`,
  noteUnencrypted: ({ field }) =>
    `${field} verwendet http://: Der Schlüssel geht unverschlüsselt an diesen Server in Ihrem Netz.`,
  providerUnavailable: ({ provider }) =>
    `Der Anbieter „${provider}“ ist auf dieser Seite nicht verfügbar, daher kann nichts gespeichert werden. Laden Sie die Seite neu oder wenden Sie sich an ihren Betreiber.`,

  checkKey: 'Schlüssel prüfen',
  checkValid: 'Gültiger Schlüssel',
  checkLimited: 'Ratenlimit derzeit erreicht',
  checkNoCredit: 'kein Guthaben mehr',
  checkModels: ({ count }) => (count === 1 ? '1 Modell' : `${count} Modelle`),
  checkCredit: ({ remaining, limit }) => `${remaining} von ${limit} übrig`,
  checkCreditLeft: ({ remaining }) => `${remaining} übrig`,
  checkExpires: ({ date }) => `läuft am ${date} ab`,
  modelLabel: 'Standardmodell',
  modelHelp: 'Geben Sie eine Modell-ID ein oder prüfen Sie den Schlüssel, um aus den Modellen zu wählen, die er verwenden kann.',
  connect: ({ provider }) => `Mit ${provider} verbinden`,
  connectWaiting: ({ provider }) => `Warten auf ${provider}…`,
  keyReceived: ({ provider, hint }) => `Schlüssel von ${provider} erhalten: ${hint}.`,
  connectBlocked: ({ provider }) =>
    `Der Browser hat das ${provider}-Fenster blockiert. Erlauben Sie Pop-ups für diese Seite und verbinden Sie sich erneut oder fügen Sie den Schlüssel ein.`,
  connectClosed: ({ provider }) =>
    `Das ${provider}-Fenster wurde geschlossen, bevor der Schlüssel ankam. Verbinden Sie sich erneut oder fügen Sie den Schlüssel ein.`,
  connectDenied: ({ provider, reason }) =>
    `${provider} hat keinen Zugriff gewährt${reason ? ` (${reason})` : ''}. Verbinden Sie sich erneut oder fügen Sie den Schlüssel ein.`,
  connectFailed: ({ provider, reason }) =>
    `${provider} hat keinen Schlüssel ausgegeben${reason ? ` (${reason})` : ''}. Verbinden Sie sich erneut oder fügen Sie den Schlüssel ein.`,
  connectTimeout: ({ provider, minutes }) =>
    `Keine Antwort von ${provider} innerhalb von ${minutes} Minuten. Verbinden Sie sich erneut oder fügen Sie den Schlüssel ein.`,
  checking: ({ provider }) => `Schlüssel wird bei ${provider} geprüft…`,
  saveWithoutChecking: 'Ohne Prüfung speichern',
  verifyRejected: ({ provider, said }) =>
    said
      ? `${provider} hat diesen Schlüssel nicht akzeptiert: ${said}`
      : `${provider} hat diesen Schlüssel nicht akzeptiert. Prüfen Sie, ob er vollständig kopiert und nicht widerrufen ist.`,
  verifyUnconfirmed: ({ provider, reason }) =>
    `Der Schlüssel konnte bei ${provider} nicht bestätigt werden: ${reason}. Versuchen Sie es erneut oder speichern Sie ohne Prüfung.`,
  reasonNetwork: 'die Anfrage kam nicht durch (offline, vom Netzwerk blockiert oder von CORS nicht erlaubt)',
  reasonTimeout: ({ seconds }) => `keine Antwort innerhalb von ${seconds} Sekunden`,
  reasonForbidden: 'der Schlüssel darf keine Modelle auflisten (ein eingeschränkter Schlüssel oder eine Projekt- oder Regionssperre)',
  reasonQuota: 'das Konto hat kein Kontingent oder Guthaben mehr',
  reasonRateLimited: 'gerade zu viele Anfragen',
  reasonStatus: ({ status }) => `der Dienst antwortete mit einem Fehler (${status})`,
  reasonMalformed: 'seine Antwort war nicht lesbar',
  reasonFailed: 'die Prüfung ist fehlgeschlagen',

  noteAdminKey:
    'Das ist ein Admin-Schlüssel: Er kann Ihre ganze Organisation verwalten. Für die meisten Zwecke genügt ein Projektschlüssel.',
  noteOtherProvider: ({ other, prefix, provider }) =>
    `Dieser Schlüssel könnte von ${other} stammen (${prefix}). Wenn es Ihr ${provider}-Schlüssel ist, können Sie ihn speichern.`,
  noteUnusualShape: ({ provider }) =>
    `Dieser Schlüssel sieht nicht aus wie die Schlüssel, die ${provider} heute ausgibt. Prüfen Sie, ob er vollständig ist; speichern lässt er sich trotzdem.`,

  errorSummary: ({ count }) =>
    count === 1 ? 'Speichern nicht möglich: 1 Feld braucht Ihre Aufmerksamkeit.' : `Speichern nicht möglich: ${count} Felder brauchen Ihre Aufmerksamkeit.`,
  saveFailed: 'Die Zugangsdaten konnten nicht gespeichert werden. Versuchen Sie es erneut.',
};

export const dePicker: CredentialPickerStrings = {
  label: 'Zugangsdaten',
  addCredential: 'Zugangsdaten hinzufügen',
  empty: 'Noch keine Zugangsdaten',
  edit: ({ name }) => `${name} bearbeiten`,
  delete: ({ name }) => `${name} löschen`,
  verified: 'Geprüft',
  rateLimited: 'Ratenlimit erreicht',
  noCredit: 'Kein Guthaben mehr',
  checkCredit: ({ remaining, limit }) => `${remaining} von ${limit} übrig`,
  checkCreditLeft: ({ remaining }) => `${remaining} übrig`,
  keyType: ({ type }) => `Schlüsseltyp ${type}`,
  added: ({ date }) => `Hinzugefügt am ${date}`,
  confirmDelete: ({ name }) => `${name} löschen?`,
  confirm: 'Löschen',
  keep: 'Behalten',
  deleting: 'Wird gelöscht…',
  deleteFailed: 'Die Zugangsdaten konnten nicht gelöscht werden. Versuchen Sie es erneut.',
  announceNew: ({ name }) => `${name} hinzugefügt`,
};

registerLocale('de', { overlay: de, picker: dePicker });
