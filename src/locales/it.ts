/**
 * `credential-overlay/locales/it`: every visible string in Italian (tu, as in most current
 * software; glossary in docs/glossary.md). Importing it registers Italian for `it`.
 */
import { registerLocale } from '../locale.js';
import type { CredentialPickerStrings } from '../picker-strings.js';
import { alphabetText, joinList, type CredentialOverlayStrings } from '../strings.js';

/** "a", "a e b", "a, b e c". */
const list = joinList(', ', ' e ');

export const it: CredentialOverlayStrings = {
  heading: 'Aggiungi credenziale',
  editHeading: 'Modifica credenziale',
  nameLabel: 'Nome della credenziale',
  descriptionLabel: 'Descrizione della credenziale',
  optional: 'facoltativo',
  apiKeyLabel: 'Valore della chiave API',
  showKey: 'Mostra la chiave API',
  keyHelp: ({ provider }) => `${provider} riceve questa chiave a ogni richiesta, nell’intestazione`,
  docsLink: ({ provider }) => `Trova la tua chiave API di ${provider}`,
  newTab: '(si apre in una nuova scheda)',
  save: 'Salva',
  saving: 'Salvataggio…',
  checkingButton: 'Verifica…',
  savedKey: ({ hint }) => `Chiave salvata: ${hint}. Lascia vuoto per mantenerla.`,
  keySaved: 'È salvata una chiave. Lascia vuoto per mantenerla.',
  keyNewAddress: 'La chiave verrebbe inviata a un nuovo indirizzo: inseriscila di nuovo.',
  cancel: 'Annulla',
  close: 'Chiudi',

  nameRequired: 'Inserisci un nome per questa credenziale.',
  tooLong: ({ field, length, max }) => `${field} è lungo ${length} caratteri. Accorcialo a ${max} caratteri o meno.`,

  keyRequired: ({ provider }) => `Incolla la tua chiave API di ${provider}.`,
  keyCharacterInside: ({ character, position }) => `La chiave contiene ${character} in posizione ${position}. Rimuovilo o copia di nuovo la chiave.`,
  keyTooLong: ({ length, max }) => `Questo testo è lungo ${length} caratteri; una chiave API ne ha al massimo ${max}. Incolla solo la chiave.`,
  keyOtherProvider: ({ other, prefix, provider, expected }) =>
    `Sembra una chiave di ${other} (${prefix}). Incolla la tua chiave di ${provider}: inizia con ${expected}.`,
  keySessionToken: ({ other, prefix, provider, expected }) =>
    `Sembra un token di sessione di ${other} (${prefix}), non una chiave API. Incolla la tua chiave API di ${provider}: inizia con ${expected}.`,
  keyPlaceholder: 'Sembra un segnaposto preso dalla documentazione, non una chiave reale.',
  keyWrongPrefix: ({ provider, expected }) => `Le chiavi API di ${provider} iniziano con ${expected}. Copia la chiave intera dalla tua pagina delle chiavi API.`,
  keyBadCharacter: ({ char, position, provider, allowed }) =>
    `La chiave contiene «${char}» in posizione ${position}; le chiavi di ${provider} usano solo ${allowed}. Copia di nuovo la chiave.`,
  allowedCharacters: alphabetText(list, {
    letters: 'lettere',
    uppercase: 'lettere maiuscole',
    lowercase: 'lettere minuscole',
    digits: 'cifre',
    hex: (value) => `cifre esadecimali (${value})`,
  }),
  keyTooShort: ({ length, min, prefix }) =>
    `Questa chiave è troppo corta: ${length} caratteri dopo ${prefix}, ne servono almeno ${min}. È stata troncata durante la copia?`,
  keyTooShortNoPrefix: ({ length, min }) => `Questa chiave è troppo corta: ${length} caratteri, ne servono almeno ${min}. È stata troncata durante la copia?`,
  keyRepeated: ({ position }) => `Sembra che la chiave sia stata incollata due volte: una seconda copia inizia in posizione ${position}. Incollala una volta sola.`,
  describeCharacter: ({ kind, char, codePoint }) => {
    switch (kind) {
      case 'space':
        return 'uno spazio';
      case 'tab':
        return 'una tabulazione';
      case 'line-break':
        return 'un a capo';
      case 'whitespace':
        return `un carattere di spaziatura (${codePoint})`;
      case 'control':
        return `un carattere di controllo (${codePoint})`;
      case 'invisible':
        return `un carattere invisibile (${codePoint})`;
      case 'non-ascii':
        return `il carattere non ASCII «${char}» (${codePoint})`;
    }
  },

  advanced: 'Avanzate',
  fields: {
    organization: {
      label: 'ID organizzazione',
      message: 'L’ID organizzazione inizia con org- seguito da lettere e cifre, per esempio org-A1b2C3. Copialo dalle impostazioni o lascia il campo vuoto.',
    },
    project: {
      label: 'ID progetto',
      message: 'L’ID progetto inizia con proj_ seguito da lettere e cifre, per esempio proj_A1b2C3. Copialo dalle impostazioni o lascia il campo vuoto.',
    },
    endpoint: {
      label: 'Endpoint',
      help: 'Si trova accanto alla chiave in «Chiavi ed endpoint» della tua risorsa Azure OpenAI.',
      note: 'Non è l’indirizzo di una risorsa Azure (…openai.azure.com o …cognitiveservices.azure.com). Un gateway o un server di prova funziona se risponde come Azure.',
    },
    deployment: {
      label: 'Distribuzione',
      help: 'Il nome che hai dato al modello quando l’hai distribuito.',
      message: 'Un nome di distribuzione ha fino a 64 lettere, cifre, «.», «_» e «-», senza spazi. Copialo dalle distribuzioni della tua risorsa.',
    },
    apiVersion: {
      label: 'Versione API',
      help: 'La versione dell’API del piano dati, per esempio 2024-10-21.',
      message: 'Una versione API è una data come 2024-10-21 o un’anteprima come 2025-04-01-preview.',
    },
    baseUrl: {
      label: 'URL di base',
      help: 'Dove risponde il server, senza /models alla fine: Ollama http://localhost:11434/v1, LM Studio http://localhost:1234/v1, vLLM http://localhost:8000/v1, LiteLLM http://localhost:4000.',
    },
  },
  fieldRequired: ({ field }) => `Compila il campo ${field}.`,
  urlInvalid: ({ field }) => `${field} deve essere un indirizzo web completo, per esempio https://example.com.`,
  urlScheme: ({ field }) => `${field} deve iniziare con https:// (o http:// per un server della tua rete).`,
  urlCredentials: ({ field }) => `Togli nome utente e password da ${field}: l’indirizzo li trasporterebbe in chiaro.`,
  urlPublicHttp: ({ field, host }) => `${field} usa http:// verso ${host}, un indirizzo pubblico: la chiave attraverserebbe internet senza cifratura. Usa https://.`,
  noteUnencrypted: ({ field }) => `${field} usa http://: la chiave viaggerà senza cifratura fino a questo server della tua rete.`,
  providerUnavailable: ({ provider }) =>
    `Il provider «${provider}» non è disponibile in questa pagina, quindi non si può salvare nulla. Ricarica la pagina o avvisa chi la gestisce.`,

  checkKey: 'Verifica chiave',
  checkValid: 'Chiave valida',
  checkLimited: 'limite di richieste raggiunto al momento',
  checkNoCredit: 'credito esaurito',
  checkModels: ({ count }) => (count === 1 ? '1 modello' : `${count} modelli`),
  checkCredit: ({ remaining, limit }) => `restano ${remaining} su ${limit}`,
  checkCreditLeft: ({ remaining }) => `restano ${remaining}`,
  checkExpires: ({ date }) => `scade il ${date}`,
  modelLabel: 'Modello predefinito',
  modelHelp: 'Scrivi l’ID di un modello, oppure verifica la chiave per scegliere tra i modelli che può usare.',
  connect: ({ provider }) => `Connetti ${provider}`,
  connectWaiting: ({ provider }) => `In attesa di ${provider}…`,
  keyReceived: ({ provider, hint }) => `Chiave ricevuta da ${provider}: ${hint}.`,
  connectBlocked: ({ provider }) =>
    `Il browser ha bloccato la finestra di ${provider}. Consenti i popup per questa pagina e riprova la connessione, oppure incolla la chiave.`,
  connectClosed: ({ provider }) => `La finestra di ${provider} è stata chiusa prima che arrivasse la chiave. Riprova la connessione o incolla la chiave.`,
  connectDenied: ({ provider, reason }) => `${provider} non ha concesso l’accesso${reason ? ` (${reason})` : ''}. Riprova la connessione o incolla la chiave.`,
  connectFailed: ({ provider, reason }) => `${provider} non ha fornito una chiave${reason ? ` (${reason})` : ''}. Riprova la connessione o incolla la chiave.`,
  connectTimeout: ({ provider, minutes }) => `Nessuna risposta da ${provider} entro ${minutes} minuti. Riprova la connessione o incolla la chiave.`,
  checking: ({ provider }) => `Verifica della chiave con ${provider}…`,
  saveWithoutChecking: 'Salva senza verificare',
  verifyRejected: ({ provider, said }) =>
    said ? `${provider} non ha accettato questa chiave: ${said}` : `${provider} non ha accettato questa chiave. Controlla di averla copiata tutta e che non sia stata revocata.`,
  verifyUnconfirmed: ({ provider, reason }) => `Non è stato possibile confermare la chiave con ${provider}: ${reason}. Riprova o salvala senza verificare.`,
  reasonNetwork: 'la richiesta non è arrivata (offline, bloccata dalla rete o non consentita da CORS)',
  reasonTimeout: ({ seconds }) => `nessuna risposta entro ${seconds} secondi`,
  reasonForbidden: 'la chiave non può elencare i modelli (una chiave limitata, o un limite di progetto o di regione)',
  reasonQuota: 'l’account non ha più quota né credito',
  reasonRateLimited: 'troppe richieste in questo momento',
  reasonStatus: ({ status }) => `il servizio ha risposto con un errore (${status})`,
  reasonMalformed: 'la sua risposta non è leggibile',
  reasonFailed: 'la verifica non è riuscita',

  noteAdminKey: 'Questa è una chiave di amministrazione: può gestire tutta la tua organizzazione. Per la maggior parte degli usi basta una chiave di progetto.',
  noteUnusualShape: ({ provider }) => `Questa chiave non somiglia a quelle che ${provider} emette oggi. Controlla che sia completa; si può comunque salvare.`,
  noteOtherProvider: ({ other, prefix, provider }) => `Questa chiave sembra di ${other} (${prefix}). Se è la tua chiave di ${provider}, puoi salvarla.`,

  errorSummary: ({ count }) => (count === 1 ? 'Impossibile salvare: 1 campo richiede attenzione.' : `Impossibile salvare: ${count} campi richiedono attenzione.`),
  saveFailed: 'Non è stato possibile salvare la credenziale. Riprova.',
};

export const itPicker: CredentialPickerStrings = {
  label: 'Credenziali',
  addCredential: 'Aggiungi credenziale',
  empty: 'Ancora nessuna credenziale',
  edit: ({ name }) => `Modifica ${name}`,
  delete: ({ name }) => `Elimina ${name}`,
  verified: 'Verificata',
  rateLimited: 'Limite di richieste raggiunto',
  noCredit: 'Credito esaurito',
  checkCredit: ({ remaining, limit }) => `Restano ${remaining} su ${limit}`,
  checkCreditLeft: ({ remaining }) => `Restano ${remaining}`,
  keyType: ({ type }) => `chiave ${type}`,
  added: ({ date }) => `Aggiunta il ${date}`,
  confirmDelete: ({ name }) => `Eliminare ${name}?`,
  confirm: 'Elimina',
  keep: 'Mantieni',
  deleting: 'Eliminazione…',
  deleteFailed: 'Non è stato possibile eliminare la credenziale. Riprova.',
  announceNew: ({ name }) => `${name} aggiunta`,
};

registerLocale('it', { overlay: it, picker: itPicker });
