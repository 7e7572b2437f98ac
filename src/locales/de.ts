/**
 * `credential-overlay/locales/de`: every visible string in German.
 * `el.strings = de` (or spread it and override single strings).
 */
import type { CredentialOverlayStrings } from '../strings.js';

export const de: CredentialOverlayStrings = {
  heading: 'Neue Zugangsdaten hinzufügen',
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
  keyWrongPrefix: ({ provider, expected }) =>
    `${provider}-API-Schlüssel beginnen mit ${expected}. Kopieren Sie den ganzen Schlüssel von Ihrer Seite mit den API-Schlüsseln.`,
  keyBadCharacter: ({ char, position, provider }) =>
    `Der Schlüssel enthält „${char}“ an Position ${position}; ${provider}-Schlüssel bestehen nur aus Buchstaben, Ziffern, _ und -. Kopieren Sie den Schlüssel erneut.`,
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
  organizationLabel: 'Organisations-ID',
  projectLabel: 'Projekt-ID',
  identifierInvalid: ({ field, prefix }) =>
    `${field} beginnt mit ${prefix}, gefolgt von Buchstaben und Ziffern, z. B. ${prefix}A1b2C3. Kopieren Sie sie aus Ihren Einstellungen oder lassen Sie das Feld leer.`,

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
  noteUnusualShape: ({ provider }) =>
    `Dieser Schlüssel sieht nicht aus wie die Schlüssel, die ${provider} heute ausgibt. Prüfen Sie, ob er vollständig ist; speichern lässt er sich trotzdem.`,

  errorSummary: ({ count }) =>
    count === 1 ? 'Speichern nicht möglich: 1 Feld braucht Ihre Aufmerksamkeit.' : `Speichern nicht möglich: ${count} Felder brauchen Ihre Aufmerksamkeit.`,
  saveFailed: 'Die Zugangsdaten konnten nicht gespeichert werden. Versuchen Sie es erneut.',
};
