/**
 * `credential-overlay/locales/nl`: every visible string in Dutch (je; glossary in
 * docs/glossary.md). Importing it registers Dutch for `nl` (and `nl-BE`).
 */
import { registerLocale } from '../locale.js';
import type { CredentialPickerStrings } from '../picker-strings.js';
import { alphabetText, joinList, type CredentialOverlayStrings } from '../strings.js';

/** "a", "a en b", "a, b en c". */
const list = joinList(', ', ' en ');

export const nl: CredentialOverlayStrings = {
  heading: 'Nieuwe referentie toevoegen',
  editHeading: 'Referentie bewerken',
  nameLabel: 'Naam van de referentie',
  descriptionLabel: 'Beschrijving van de referentie',
  optional: 'optioneel',
  apiKeyLabel: 'Waarde van de API-sleutel',
  showKey: 'API-sleutel tonen',
  keyHelp: ({ provider }) => `${provider} ontvangt deze sleutel bij elk verzoek, in de header`,
  docsLink: ({ provider }) => `Je ${provider}-API-sleutel vinden`,
  newTab: '(opent in een nieuw tabblad)',
  save: 'Opslaan',
  saving: 'Opslaan…',
  checkingButton: 'Controleren…',
  savedKey: ({ hint }) => `Opgeslagen sleutel: ${hint}. Laat leeg om hem te behouden.`,
  keySaved: 'Er is een sleutel opgeslagen. Laat leeg om hem te behouden.',
  keyNewAddress: 'De sleutel zou naar een nieuw adres gaan: voer hem opnieuw in.',
  cancel: 'Annuleren',
  close: 'Sluiten',

  nameRequired: 'Geef deze referentie een naam.',
  tooLong: ({ field, length, max }) => `${field} is ${length} tekens lang. Maak het ${max} tekens of korter.`,

  keyRequired: ({ provider }) => `Plak je ${provider}-API-sleutel.`,
  keyCharacterInside: ({ character, position }) => `De sleutel bevat ${character} op positie ${position}. Verwijder het of kopieer de sleutel opnieuw.`,
  keyTooLong: ({ length, max }) => `Dit is ${length} tekens lang; een API-sleutel heeft er hoogstens ${max}. Plak alleen de sleutel.`,
  keyOtherProvider: ({ other, prefix, provider, expected }) =>
    `Dit lijkt een sleutel van ${other} (${prefix}). Plak je ${provider}-sleutel; die begint met ${expected}.`,
  keySessionToken: ({ other, prefix, provider, expected }) =>
    `Dit lijkt een sessietoken van ${other} (${prefix}), geen API-sleutel. Plak je ${provider}-API-sleutel; die begint met ${expected}.`,
  keyPlaceholder: 'Dit lijkt een voorbeeldwaarde uit de documentatie, geen echte sleutel.',
  keyWrongPrefix: ({ provider, expected }) => `${provider}-API-sleutels beginnen met ${expected}. Kopieer de hele sleutel van je pagina met API-sleutels.`,
  keyBadCharacter: ({ char, position, provider, allowed }) =>
    `De sleutel bevat ‘${char}’ op positie ${position}; ${provider}-sleutels bestaan alleen uit ${allowed}. Kopieer de sleutel opnieuw.`,
  allowedCharacters: alphabetText(list, {
    letters: 'letters',
    uppercase: 'hoofdletters',
    lowercase: 'kleine letters',
    digits: 'cijfers',
    hex: (value) => `hexadecimale cijfers (${value})`,
  }),
  keyTooShort: ({ length, min, prefix }) =>
    `Deze sleutel is te kort: ${length} tekens na ${prefix}, minstens ${min} verwacht. Is er bij het kopiëren iets weggevallen?`,
  keyTooShortNoPrefix: ({ length, min }) => `Deze sleutel is te kort: ${length} tekens, minstens ${min} verwacht. Is er bij het kopiëren iets weggevallen?`,
  keyRepeated: ({ position }) => `De sleutel lijkt twee keer geplakt: een tweede kopie begint op positie ${position}. Plak hem maar één keer.`,
  describeCharacter: ({ kind, char, codePoint }) => {
    switch (kind) {
      case 'space':
        return 'een spatie';
      case 'tab':
        return 'een tab';
      case 'line-break':
        return 'een regeleinde';
      case 'whitespace':
        return `een spatieteken (${codePoint})`;
      case 'control':
        return `een stuurteken (${codePoint})`;
      case 'invisible':
        return `een onzichtbaar teken (${codePoint})`;
      case 'non-ascii':
        return `het niet-ASCII-teken ‘${char}’ (${codePoint})`;
    }
  },

  advanced: 'Geavanceerd',
  fields: {
    organization: {
      label: 'Organisatie-ID',
      message: 'Een organisatie-ID begint met org- gevolgd door letters en cijfers, bijvoorbeeld org-A1b2C3. Kopieer het uit je instellingen of laat het leeg.',
    },
    project: {
      label: 'Project-ID',
      message: 'Een project-ID begint met proj_ gevolgd door letters en cijfers, bijvoorbeeld proj_A1b2C3. Kopieer het uit je instellingen of laat het leeg.',
    },
    endpoint: {
      label: 'Eindpunt',
      help: 'Staat bij de sleutel onder ‘Sleutels en eindpunt’ van je Azure OpenAI-resource.',
      note: 'Dit is geen adres van een Azure-resource (…openai.azure.com of …cognitiveservices.azure.com). Een gateway of testserver werkt als die antwoordt zoals Azure.',
    },
    deployment: {
      label: 'Implementatie',
      help: 'De naam die je het model gaf toen je het implementeerde.',
      message: 'Een implementatienaam heeft tot 64 letters, cijfers, ‘.’, ‘_’ en ‘-’, zonder spaties. Kopieer hem uit de implementaties van je resource.',
    },
    apiVersion: {
      label: 'API-versie',
      help: 'De API-versie van het gegevensvlak, bijvoorbeeld 2024-10-21.',
      message: 'Een API-versie is een datum zoals 2024-10-21 of een preview zoals 2025-04-01-preview.',
    },
    baseUrl: {
      label: 'Basis-URL',
      help: 'Waar de server antwoordt, zonder /models aan het eind: Ollama http://localhost:11434/v1, LM Studio http://localhost:1234/v1, vLLM http://localhost:8000/v1, LiteLLM http://localhost:4000.',
    },
  },
  fieldRequired: ({ field }) => `Vul ${field} in.`,
  urlInvalid: ({ field }) => `${field} moet een volledig webadres zijn, zoals https://example.com.`,
  urlScheme: ({ field }) => `${field} moet beginnen met https:// (of http:// voor een server in je eigen netwerk).`,
  urlCredentials: ({ field }) => `Haal de gebruikersnaam en het wachtwoord uit ${field}: het adres zou ze leesbaar meesturen.`,
  urlPublicHttp: ({ field, host }) => `${field} gebruikt http:// naar ${host}, een openbaar adres: de sleutel zou onversleuteld over internet gaan. Gebruik https://.`,
  noteUnencrypted: ({ field }) => `${field} gebruikt http://: de sleutel gaat onversleuteld naar deze server in je netwerk.`,
  providerUnavailable: ({ provider }) =>
    `De provider ‘${provider}’ is niet beschikbaar op deze pagina, dus er kan niets worden opgeslagen. Laad de pagina opnieuw of neem contact op met de beheerder.`,

  checkKey: 'Sleutel controleren',
  checkValid: 'Geldige sleutel',
  checkLimited: 'verzoeklimiet op dit moment bereikt',
  checkNoCredit: 'geen tegoed meer',
  checkModels: ({ count }) => (count === 1 ? '1 model' : `${count} modellen`),
  checkCredit: ({ remaining, limit }) => `${remaining} van ${limit} over`,
  checkCreditLeft: ({ remaining }) => `${remaining} over`,
  checkExpires: ({ date }) => `verloopt op ${date}`,
  modelLabel: 'Standaardmodel',
  modelHelp: 'Typ een model-ID, of controleer de sleutel om te kiezen uit de modellen die hij kan gebruiken.',
  connect: ({ provider }) => `Verbinden met ${provider}`,
  connectWaiting: ({ provider }) => `Wachten op ${provider}…`,
  keyReceived: ({ provider, hint }) => `Sleutel ontvangen van ${provider}: ${hint}.`,
  connectBlocked: ({ provider }) =>
    `De browser heeft het ${provider}-venster geblokkeerd. Sta pop-ups toe voor deze pagina en maak opnieuw verbinding, of plak de sleutel.`,
  connectClosed: ({ provider }) => `Het ${provider}-venster is gesloten voordat de sleutel binnen was. Maak opnieuw verbinding of plak de sleutel.`,
  connectDenied: ({ provider, reason }) => `${provider} heeft geen toegang gegeven${reason ? ` (${reason})` : ''}. Maak opnieuw verbinding of plak de sleutel.`,
  connectFailed: ({ provider, reason }) => `${provider} heeft geen sleutel gegeven${reason ? ` (${reason})` : ''}. Maak opnieuw verbinding of plak de sleutel.`,
  connectTimeout: ({ provider, minutes }) => `Geen antwoord van ${provider} binnen ${minutes} minuten. Maak opnieuw verbinding of plak de sleutel.`,
  checking: ({ provider }) => `Sleutel wordt gecontroleerd bij ${provider}…`,
  saveWithoutChecking: 'Opslaan zonder controle',
  verifyRejected: ({ provider, said }) =>
    said ? `${provider} heeft deze sleutel niet geaccepteerd: ${said}` : `${provider} heeft deze sleutel niet geaccepteerd. Controleer of je hem helemaal hebt gekopieerd en of hij niet is ingetrokken.`,
  verifyUnconfirmed: ({ provider, reason }) => `De sleutel kon niet worden bevestigd bij ${provider}: ${reason}. Probeer het opnieuw of sla op zonder controle.`,
  reasonNetwork: 'het verzoek kwam niet aan (offline, geblokkeerd door het netwerk of niet toegestaan door CORS)',
  reasonTimeout: ({ seconds }) => `geen antwoord binnen ${seconds} seconden`,
  reasonForbidden: 'de sleutel mag geen modellen opvragen (een beperkte sleutel, of een project- of regiobeperking)',
  reasonQuota: 'het account heeft geen quotum of tegoed meer',
  reasonRateLimited: 'op dit moment te veel verzoeken',
  reasonStatus: ({ status }) => `de dienst antwoordde met een fout (${status})`,
  reasonMalformed: 'het antwoord was onleesbaar',
  reasonFailed: 'de controle is mislukt',

  noteAdminKey: 'Dit is een beheerderssleutel: die kan je hele organisatie beheren. Voor de meeste toepassingen volstaat een projectsleutel.',
  noteUnusualShape: ({ provider }) => `Deze sleutel lijkt niet op de sleutels die ${provider} nu uitgeeft. Controleer of hij volledig is; opslaan kan wel.`,
  noteOtherProvider: ({ other, prefix, provider }) => `Deze sleutel lijkt van ${other} (${prefix}). Is het je ${provider}-sleutel, dan kun je hem opslaan.`,

  errorSummary: ({ count }) => (count === 1 ? 'Opslaan lukt niet: 1 veld vraagt aandacht.' : `Opslaan lukt niet: ${count} velden vragen aandacht.`),
  saveFailed: 'De referentie kon niet worden opgeslagen. Probeer het opnieuw.',
};

export const nlPicker: CredentialPickerStrings = {
  label: 'Referenties',
  addCredential: 'Referentie toevoegen',
  empty: 'Nog geen referenties',
  edit: ({ name }) => `${name} bewerken`,
  delete: ({ name }) => `${name} verwijderen`,
  verified: 'Gecontroleerd',
  rateLimited: 'Verzoeklimiet bereikt',
  noCredit: 'Geen tegoed meer',
  checkCredit: ({ remaining, limit }) => `${remaining} van ${limit} over`,
  checkCreditLeft: ({ remaining }) => `${remaining} over`,
  keyType: ({ type }) => `sleuteltype ${type}`,
  added: ({ date }) => `Toegevoegd op ${date}`,
  confirmDelete: ({ name }) => `${name} verwijderen?`,
  confirm: 'Verwijderen',
  keep: 'Behouden',
  deleting: 'Verwijderen…',
  deleteFailed: 'De referentie kon niet worden verwijderd. Probeer het opnieuw.',
  announceNew: ({ name }) => `${name} toegevoegd`,
};

registerLocale('nl', { overlay: nl, picker: nlPicker });
