/**
 * `credential-overlay/locales/fr`: every visible string in French (vous; glossary in
 * docs/glossary.md). Importing it registers French for elements whose nearest `lang` is
 * `fr` (or `fr-CA`, …).
 */
import { registerLocale } from '../locale.js';
import type { CredentialPickerStrings } from '../picker-strings.js';
import { alphabetText, joinList, type CredentialOverlayStrings } from '../strings.js';

/** « a », « a et b », « a, b et c ». */
const list = joinList(', ', ' et ');
/** French puts a narrow no-break space before : ; ? ! */
const nb = '\u202F';

export const fr: CredentialOverlayStrings = {
  heading: 'Ajouter des identifiants',
  editHeading: 'Modifier les identifiants',
  nameLabel: 'Nom des identifiants',
  descriptionLabel: 'Description des identifiants',
  optional: 'facultatif',
  apiKeyLabel: 'Valeur de la clé API',
  showKey: 'Afficher la clé API',
  keyHelp: ({ provider }) => `${provider} reçoit cette clé à chaque requête, dans l’en-tête`,
  docsLink: ({ provider }) => `Trouver votre clé API ${provider}`,
  newTab: '(s’ouvre dans un nouvel onglet)',
  save: 'Enregistrer',
  saving: 'Enregistrement…',
  checkingButton: 'Vérification…',
  savedKey: ({ hint }) => `Clé enregistrée${nb}: ${hint}. Laissez vide pour la conserver.`,
  keySaved: 'Une clé est enregistrée. Laissez vide pour la conserver.',
  keyNewAddress: `La clé serait envoyée à une nouvelle adresse${nb}: saisissez-la à nouveau.`,
  cancel: 'Annuler',
  close: 'Fermer',

  nameRequired: 'Saisissez un nom pour ces identifiants.',
  tooLong: ({ field, length, max }) => `${field} compte ${length} caractères. Raccourcissez-le à ${max} caractères au maximum.`,

  keyRequired: ({ provider }) => `Collez votre clé API ${provider}.`,
  keyCharacterInside: ({ character, position }) =>
    `La clé contient ${character} en position ${position}. Supprimez-le ou copiez de nouveau la clé.`,
  keyTooLong: ({ length, max }) => `Ce texte compte ${length} caractères${nb}; une clé API en a au plus ${max}. Collez uniquement la clé.`,
  keyOtherProvider: ({ other, prefix, provider, expected }) =>
    `Cela ressemble à une clé ${other} (${prefix}). Collez votre clé ${provider}${nb}; elle commence par ${expected}.`,
  keySessionToken: ({ other, prefix, provider, expected }) =>
    `Cela ressemble à un jeton de session ${other} (${prefix}), pas à une clé API. Collez votre clé API ${provider}${nb}; elle commence par ${expected}.`,
  keyPlaceholder: 'Cela ressemble à une valeur d’exemple tirée de la documentation, pas à une vraie clé.',
  keyWrongPrefix: ({ provider, expected }) =>
    `Les clés API ${provider} commencent par ${expected}. Copiez la clé entière depuis votre page de clés API.`,
  keyBadCharacter: ({ char, position, provider, allowed }) =>
    `La clé contient «${nb}${char}${nb}» en position ${position}${nb}; les clés ${provider} ne contiennent que ${allowed}. Copiez de nouveau la clé.`,
  allowedCharacters: alphabetText(list, {
    letters: 'des lettres',
    uppercase: 'des majuscules',
    lowercase: 'des minuscules',
    digits: 'des chiffres',
    hex: (value) => `des chiffres hexadécimaux (${value})`,
  }),
  keyTooShort: ({ length, min, prefix }) =>
    `Cette clé est trop courte${nb}: ${length} caractères après ${prefix}, au moins ${min} attendus. A-t-elle été tronquée lors de la copie${nb}?`,
  keyTooShortNoPrefix: ({ length, min }) =>
    `Cette clé est trop courte${nb}: ${length} caractères, au moins ${min} attendus. A-t-elle été tronquée lors de la copie${nb}?`,
  keyRepeated: ({ position }) =>
    `La clé semble collée deux fois${nb}: une seconde copie commence en position ${position}. Collez-la une seule fois.`,
  describeCharacter: ({ kind, char, codePoint }) => {
    switch (kind) {
      case 'space':
        return 'une espace';
      case 'tab':
        return 'une tabulation';
      case 'line-break':
        return 'un saut de ligne';
      case 'whitespace':
        return `un caractère d’espacement (${codePoint})`;
      case 'control':
        return `un caractère de contrôle (${codePoint})`;
      case 'invisible':
        return `un caractère invisible (${codePoint})`;
      case 'non-ascii':
        return `le caractère non ASCII «${nb}${char}${nb}» (${codePoint})`;
    }
  },

  advanced: 'Avancé',
  fields: {
    organization: {
      label: 'ID d’organisation',
      message: 'L’ID d’organisation commence par org- suivi de lettres et de chiffres, par exemple org-A1b2C3. Copiez-le depuis vos paramètres ou laissez le champ vide.',
    },
    project: {
      label: 'ID de projet',
      message: 'L’ID de projet commence par proj_ suivi de lettres et de chiffres, par exemple proj_A1b2C3. Copiez-le depuis vos paramètres ou laissez le champ vide.',
    },
    endpoint: {
      label: 'Point de terminaison',
      help: 'Affiché avec la clé sous «\u202FClés et point de terminaison\u202F» de votre ressource Azure OpenAI.',
      note: 'Ce n’est pas l’adresse d’une ressource Azure (…openai.azure.com ou …cognitiveservices.azure.com). Une passerelle ou un serveur de test fonctionne s’il répond comme Azure.',
    },
    deployment: {
      label: 'Déploiement',
      help: 'Le nom donné au modèle lors de son déploiement.',
      message: 'Un nom de déploiement compte jusqu’à 64 lettres, chiffres, «\u202F.\u202F», «\u202F_\u202F» et «\u202F-\u202F», sans espace. Copiez-le depuis les déploiements de votre ressource.',
    },
    apiVersion: {
      label: 'Version de l’API',
      help: 'La version de l’API du plan de données, par exemple 2024-10-21.',
      message: 'Une version d’API est une date comme 2024-10-21, ou une préversion comme 2025-04-01-preview.',
    },
    baseUrl: {
      label: 'URL de base',
      help: 'L’adresse où répond le serveur, sans /models à la fin : Ollama http://localhost:11434/v1, LM Studio http://localhost:1234/v1, vLLM http://localhost:8000/v1, LiteLLM http://localhost:4000.',
    },
  },
  fieldRequired: ({ field }) => `Renseignez le champ ${field}.`,
  urlInvalid: ({ field }) => `${field} doit être une adresse web complète, par exemple https://example.com.`,
  urlScheme: ({ field }) => `${field} doit commencer par https:// (ou http:// pour un serveur de votre réseau).`,
  urlCredentials: ({ field }) => `Retirez le nom d’utilisateur et le mot de passe de ${field}${nb}: l’adresse les transporterait en clair.`,
  urlPublicHttp: ({ field, host }) =>
    `${field} utilise http:// vers ${host}, une adresse publique${nb}: la clé traverserait Internet sans chiffrement. Utilisez https://.`,
  noteUnencrypted: ({ field }) => `${field} utilise http://${nb}: la clé circulera sans chiffrement jusqu’à ce serveur de votre réseau.`,
  providerUnavailable: ({ provider }) =>
    `Le fournisseur «${nb}${provider}${nb}» n’est pas disponible sur cette page${nb}: rien ne peut être enregistré. Rechargez la page ou contactez son responsable.`,

  checkKey: 'Vérifier la clé',
  checkValid: 'Clé valide',
  checkLimited: 'limite de débit atteinte pour l’instant',
  checkNoCredit: 'crédit épuisé',
  checkModels: ({ count }) => (count < 2 ? `${count} modèle` : `${count} modèles`),
  checkCredit: ({ remaining, limit }) => `reste ${remaining} sur ${limit}`,
  checkCreditLeft: ({ remaining }) => `reste ${remaining}`,
  checkExpires: ({ date }) => `expire le ${date}`,
  modelLabel: 'Modèle par défaut',
  modelHelp: 'Saisissez l’ID d’un modèle, ou vérifiez la clé pour choisir parmi les modèles qu’elle peut utiliser.',
  connect: ({ provider }) => `Connecter ${provider}`,
  connectWaiting: ({ provider }) => `Connexion à ${provider}…`,
  keyReceived: ({ provider, hint }) => `Clé fournie par ${provider}${nb}: ${hint}.`,
  connectBlocked: ({ provider }) =>
    `Le navigateur a bloqué la fenêtre ${provider}. Autorisez les fenêtres pop-up pour cette page et relancez la connexion, ou collez la clé.`,
  connectClosed: ({ provider }) => `La fenêtre ${provider} a été fermée avant l’arrivée de la clé. Relancez la connexion ou collez la clé.`,
  connectDenied: ({ provider, reason }) => `${provider} n’a pas accordé l’accès${reason ? ` (${reason})` : ''}. Relancez la connexion ou collez la clé.`,
  connectFailed: ({ provider, reason }) => `${provider} n’a pas fourni de clé${reason ? ` (${reason})` : ''}. Relancez la connexion ou collez la clé.`,
  connectTimeout: ({ provider, minutes }) => `${provider} n’a pas répondu en ${minutes} minutes. Relancez la connexion ou collez la clé.`,
  checking: ({ provider }) => `Vérification de la clé auprès de ${provider}…`,
  saveWithoutChecking: 'Enregistrer sans vérifier',
  verifyRejected: ({ provider, said }) =>
    said ? `${provider} n’a pas accepté cette clé${nb}: ${said}` : `${provider} n’a pas accepté cette clé. Vérifiez qu’elle est complète et qu’elle n’a pas été révoquée.`,
  verifyUnconfirmed: ({ provider, reason }) =>
    `La clé n’a pas pu être confirmée auprès de ${provider}${nb}: ${reason}. Réessayez ou enregistrez-la sans vérifier.`,
  reasonNetwork: 'la requête n’a pas abouti (hors ligne, bloquée par le réseau ou refusée par CORS)',
  reasonTimeout: ({ seconds }) => `aucune réponse en ${seconds} secondes`,
  reasonForbidden: 'la clé n’a pas le droit de lister les modèles (clé restreinte, ou restriction de projet ou de région)',
  reasonQuota: 'le compte n’a plus de quota ni de crédit',
  reasonRateLimited: 'trop de requêtes en ce moment',
  reasonStatus: ({ status }) => `le service a répondu par une erreur (${status})`,
  reasonMalformed: 'sa réponse est illisible',
  reasonFailed: 'la vérification a échoué',

  noteAdminKey: `C’est une clé d’administration${nb}: elle peut gérer toute votre organisation. Une clé de projet suffit pour la plupart des usages.`,
  noteUnusualShape: ({ provider }) =>
    `Cette clé ne ressemble pas aux clés que ${provider} émet aujourd’hui. Vérifiez qu’elle est complète${nb}; elle peut tout de même être enregistrée.`,
  noteOtherProvider: ({ other, prefix, provider }) =>
    `Cette clé ressemble à une clé ${other} (${prefix}). Si c’est bien votre clé ${provider}, vous pouvez l’enregistrer.`,

  errorSummary: ({ count }) =>
    count === 1 ? `Enregistrement impossible${nb}: 1 champ est à corriger.` : `Enregistrement impossible${nb}: ${count} champs sont à corriger.`,
  saveFailed: 'Les identifiants n’ont pas pu être enregistrés. Réessayez.',
};

export const frPicker: CredentialPickerStrings = {
  label: 'Identifiants',
  addCredential: 'Ajouter des identifiants',
  empty: 'Aucun identifiant pour l’instant',
  edit: ({ name }) => `Modifier ${name}`,
  delete: ({ name }) => `Supprimer ${name}`,
  verified: 'Vérifiée',
  rateLimited: 'Limite de débit atteinte',
  noCredit: 'Crédit épuisé',
  checkCredit: ({ remaining, limit }) => `Reste ${remaining} sur ${limit}`,
  checkCreditLeft: ({ remaining }) => `Reste ${remaining}`,
  keyType: ({ type }) => `clé ${type}`,
  added: ({ date }) => `Ajouté le ${date}`,
  confirmDelete: ({ name }) => `Supprimer ${name}${nb}?`,
  confirm: 'Supprimer',
  keep: 'Conserver',
  deleting: 'Suppression…',
  deleteFailed: 'Les identifiants n’ont pas pu être supprimés. Réessayez.',
  announceNew: ({ name }) => `${name} ajouté`,
};

registerLocale('fr', { overlay: fr, picker: frPicker });
