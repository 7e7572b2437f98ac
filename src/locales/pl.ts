/**
 * `credential-overlay/locales/pl`: every visible string in Polish (impersonal and imperative
 * forms as in Polish software UIs; glossary in docs/glossary.md). Importing it registers
 * Polish for `pl`.
 */
import { registerLocale } from '../locale.js';
import type { CredentialPickerStrings } from '../picker-strings.js';
import { alphabetText, joinList, type CredentialOverlayStrings } from '../strings.js';

/** „a”, „a i b”, „a, b i c”. */
const list = joinList(', ', ' i ');

/** Polish plurals: 1 znak, 2–4 znaki (not 12–14), else znaków. */
const plural = (n: number, one: string, few: string, many: string) =>
  n === 1 ? one : n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 12 || n % 100 > 14) ? few : many;
const chars = (n: number) => `${n} ${plural(n, 'znak', 'znaki', 'znaków')}`;

export const pl: CredentialOverlayStrings = {
  heading: 'Dodaj dane uwierzytelniające',
  editHeading: 'Edytuj dane uwierzytelniające',
  nameLabel: 'Nazwa danych uwierzytelniających',
  descriptionLabel: 'Opis danych uwierzytelniających',
  optional: 'opcjonalnie',
  apiKeyLabel: 'Wartość klucza API',
  showKey: 'Pokaż klucz API',
  keyHelp: ({ provider }) => `${provider} otrzymuje ten klucz przy każdym żądaniu, w nagłówku`,
  docsLink: ({ provider }) => `Gdzie znaleźć klucz API ${provider}`,
  newTab: '(otwiera się w nowej karcie)',
  save: 'Zapisz',
  saving: 'Zapisywanie…',
  checkingButton: 'Sprawdzanie…',
  savedKey: ({ hint }) => `Zapisany klucz: ${hint}. Pozostaw puste, aby go zachować.`,
  keySaved: 'Klucz jest zapisany. Pozostaw puste, aby go zachować.',
  keyNewAddress: 'Klucz zostałby wysłany pod nowy adres: wpisz go ponownie.',
  cancel: 'Anuluj',
  close: 'Zamknij',

  nameRequired: 'Wpisz nazwę tych danych uwierzytelniających.',
  tooLong: ({ field, length, max }) => `Pole „${field}” ma ${chars(length)}. Skróć je do najwyżej ${chars(max)}.`,

  keyRequired: ({ provider }) => `Wklej klucz API ${provider}.`,
  keyCharacterInside: ({ character, position }) => `Klucz zawiera ${character} na pozycji ${position}. Usuń go lub skopiuj klucz ponownie.`,
  keyTooLong: ({ length, max }) => `To ma ${chars(length)}, a klucz API ma najwyżej ${chars(max)}. Wklej tylko klucz.`,
  keyOtherProvider: ({ other, prefix, provider, expected }) =>
    `To wygląda na klucz ${other} (${prefix}). Wklej klucz ${provider}; zaczyna się od ${expected}.`,
  keySessionToken: ({ other, prefix, provider, expected }) =>
    `To wygląda na token sesji ${other} (${prefix}), a nie klucz API. Wklej klucz API ${provider}; zaczyna się od ${expected}.`,
  keyPlaceholder: 'To wygląda na przykładową wartość z dokumentacji, a nie na prawdziwy klucz.',
  keyWrongPrefix: ({ provider, expected }) => `Klucze API ${provider} zaczynają się od ${expected}. Skopiuj cały klucz ze strony z kluczami API.`,
  keyBadCharacter: ({ char, position, provider, allowed }) =>
    `Klucz zawiera „${char}” na pozycji ${position}; klucze ${provider} składają się tylko z: ${allowed}. Skopiuj klucz ponownie.`,
  allowedCharacters: alphabetText(list, {
    letters: 'liter',
    uppercase: 'wielkich liter',
    lowercase: 'małych liter',
    digits: 'cyfr',
    hex: (value) => `cyfr szesnastkowych (${value})`,
  }),
  keyTooShort: ({ length, min, prefix }) =>
    `Ten klucz jest za krótki: ${chars(length)} po ${prefix}, oczekiwano co najmniej ${min}. Czy został obcięty przy kopiowaniu?`,
  keyTooShortNoPrefix: ({ length, min }) => `Ten klucz jest za krótki: ${chars(length)}, oczekiwano co najmniej ${min}. Czy został obcięty przy kopiowaniu?`,
  keyRepeated: ({ position }) => `Wygląda na to, że klucz wklejono dwa razy: druga kopia zaczyna się na pozycji ${position}. Wklej go tylko raz.`,
  describeCharacter: ({ kind, char, codePoint }) => {
    switch (kind) {
      case 'space':
        return 'spację';
      case 'tab':
        return 'tabulator';
      case 'line-break':
        return 'podział wiersza';
      case 'whitespace':
        return `biały znak (${codePoint})`;
      case 'control':
        return `znak sterujący (${codePoint})`;
      case 'invisible':
        return `niewidoczny znak (${codePoint})`;
      case 'non-ascii':
        return `znak spoza ASCII „${char}” (${codePoint})`;
    }
  },

  advanced: 'Zaawansowane',
  fields: {
    organization: {
      label: 'Identyfikator organizacji',
      message: 'Identyfikator organizacji zaczyna się od org-, po którym są litery i cyfry, np. org-A1b2C3. Skopiuj go z ustawień lub pozostaw pole puste.',
    },
    project: {
      label: 'Identyfikator projektu',
      message: 'Identyfikator projektu zaczyna się od proj_, po którym są litery i cyfry, np. proj_A1b2C3. Skopiuj go z ustawień lub pozostaw pole puste.',
    },
    endpoint: {
      label: 'Punkt końcowy',
      help: 'Widoczny obok klucza w sekcji „Klucze i punkt końcowy” zasobu Azure OpenAI.',
      note: 'To nie jest adres zasobu Azure (…openai.azure.com lub …cognitiveservices.azure.com). Brama lub serwer testowy zadziała, jeśli odpowiada jak Azure.',
    },
    deployment: {
      label: 'Wdrożenie',
      help: 'Nazwa nadana modelowi podczas wdrażania.',
      message: 'Nazwa wdrożenia ma do 64 liter, cyfr, znaków „.”, „_” i „-”, bez spacji. Skopiuj ją z listy wdrożeń zasobu.',
    },
    apiVersion: {
      label: 'Wersja API',
      help: 'Wersja API płaszczyzny danych, np. 2024-10-21.',
      message: 'Wersja API to data, np. 2024-10-21, lub wersja zapoznawcza, np. 2025-04-01-preview.',
    },
    baseUrl: {
      label: 'Bazowy adres URL',
      help: 'Adres, pod którym odpowiada serwer, bez /models na końcu: Ollama http://localhost:11434/v1, LM Studio http://localhost:1234/v1, vLLM http://localhost:8000/v1, LiteLLM http://localhost:4000.',
    },
  },
  fieldRequired: ({ field }) => `Wypełnij pole „${field}”.`,
  urlInvalid: ({ field }) => `Pole „${field}” musi zawierać pełny adres internetowy, np. https://example.com.`,
  urlScheme: ({ field }) => `Pole „${field}” musi zaczynać się od https:// (lub http:// dla serwera w Twojej sieci).`,
  urlCredentials: ({ field }) => `Usuń nazwę użytkownika i hasło z pola „${field}”: adres przenosiłby je otwartym tekstem.`,
  urlPublicHttp: ({ field, host }) => `Pole „${field}” używa http:// do ${host}, adresu publicznego: klucz przeszedłby przez internet bez szyfrowania. Użyj https://.`,
  noteUnencrypted: ({ field }) => `Pole „${field}” używa http://: klucz trafi do tego serwera w Twojej sieci bez szyfrowania.`,
  providerUnavailable: ({ provider }) =>
    `Dostawca „${provider}” nie jest dostępny na tej stronie, więc nie można niczego zapisać. Odśwież stronę lub skontaktuj się z jej administratorem.`,

  checkKey: 'Sprawdź klucz',
  checkValid: 'Prawidłowy klucz',
  checkLimited: 'chwilowo osiągnięto limit żądań',
  checkNoCredit: 'brak środków',
  checkModels: ({ count }) => `${count} ${plural(count, 'model', 'modele', 'modeli')}`,
  checkCredit: ({ remaining, limit }) => `pozostało ${remaining} z ${limit}`,
  checkCreditLeft: ({ remaining }) => `pozostało ${remaining}`,
  checkExpires: ({ date }) => `wygasa ${date}`,
  modelLabel: 'Model domyślny',
  modelHelp: 'Wpisz identyfikator modelu albo sprawdź klucz, aby wybrać spośród modeli, których może używać.',
  connect: ({ provider }) => `Połącz z ${provider}`,
  connectWaiting: ({ provider }) => `Oczekiwanie na ${provider}…`,
  keyReceived: ({ provider, hint }) => `Otrzymano klucz od ${provider}: ${hint}.`,
  connectBlocked: ({ provider }) =>
    `Przeglądarka zablokowała okno ${provider}. Zezwól na wyskakujące okienka na tej stronie i połącz ponownie lub wklej klucz.`,
  connectClosed: ({ provider }) => `Okno ${provider} zostało zamknięte przed otrzymaniem klucza. Połącz ponownie lub wklej klucz.`,
  connectDenied: ({ provider, reason }) => `${provider} nie udzielił dostępu${reason ? ` (${reason})` : ''}. Połącz ponownie lub wklej klucz.`,
  connectFailed: ({ provider, reason }) => `${provider} nie wydał klucza${reason ? ` (${reason})` : ''}. Połącz ponownie lub wklej klucz.`,
  connectTimeout: ({ provider, minutes }) =>
    `Brak odpowiedzi od ${provider} w ciągu ${minutes} ${plural(minutes, 'minuty', 'minut', 'minut')}. Połącz ponownie lub wklej klucz.`,
  checking: ({ provider }) => `Sprawdzanie klucza w ${provider}…`,
  saveWithoutChecking: 'Zapisz bez sprawdzania',
  verifyRejected: ({ provider, said }) =>
    said ? `${provider} nie przyjął tego klucza: ${said}` : `${provider} nie przyjął tego klucza. Sprawdź, czy skopiowano go w całości i czy nie został unieważniony.`,
  verifyUnconfirmed: ({ provider, reason }) => `Nie udało się potwierdzić klucza w ${provider}: ${reason}. Spróbuj ponownie lub zapisz bez sprawdzania.`,
  reasonNetwork: 'żądanie nie dotarło (brak połączenia, blokada sieci lub brak zgody CORS)',
  reasonTimeout: ({ seconds }) => `brak odpowiedzi w ciągu ${seconds} ${plural(seconds, 'sekundy', 'sekund', 'sekund')}`,
  reasonForbidden: 'klucz nie może pobrać listy modeli (klucz z ograniczeniami albo ograniczenie projektu lub regionu)',
  reasonQuota: 'na koncie skończył się limit lub środki',
  reasonRateLimited: 'obecnie zbyt wiele żądań',
  reasonStatus: ({ status }) => `usługa odpowiedziała błędem (${status})`,
  reasonMalformed: 'nie udało się odczytać odpowiedzi',
  reasonFailed: 'sprawdzanie się nie powiodło',

  noteAdminKey: 'To klucz administratora: może zarządzać całą organizacją. W większości zastosowań wystarczy klucz projektu.',
  noteUnusualShape: ({ provider }) => `Ten klucz nie wygląda jak klucze, które ${provider} wydaje obecnie. Sprawdź, czy jest kompletny; mimo to można go zapisać.`,
  noteOtherProvider: ({ other, prefix, provider }) => `Ten klucz wygląda na klucz ${other} (${prefix}). Jeśli to Twój klucz ${provider}, możesz go zapisać.`,

  errorSummary: ({ count }) => `Nie można zapisać: ${count} ${plural(count, 'pole wymaga', 'pola wymagają', 'pól wymaga')} uwagi.`,
  saveFailed: 'Nie udało się zapisać danych uwierzytelniających. Spróbuj ponownie.',
};

export const plPicker: CredentialPickerStrings = {
  label: 'Dane uwierzytelniające',
  addCredential: 'Dodaj dane uwierzytelniające',
  empty: 'Brak danych uwierzytelniających',
  edit: ({ name }) => `Edytuj ${name}`,
  delete: ({ name }) => `Usuń ${name}`,
  verified: 'Sprawdzony',
  rateLimited: 'Osiągnięto limit żądań',
  noCredit: 'Brak środków',
  checkCredit: ({ remaining, limit }) => `Pozostało ${remaining} z ${limit}`,
  checkCreditLeft: ({ remaining }) => `Pozostało ${remaining}`,
  keyType: ({ type }) => `klucz typu ${type}`,
  added: ({ date }) => `Dodano ${date}`,
  confirmDelete: ({ name }) => `Usunąć ${name}?`,
  confirm: 'Usuń',
  keep: 'Zachowaj',
  deleting: 'Usuwanie…',
  deleteFailed: 'Nie udało się usunąć danych uwierzytelniających. Spróbuj ponownie.',
  announceNew: ({ name }) => `Dodano ${name}`,
};

registerLocale('pl', { overlay: pl, picker: plPicker });
