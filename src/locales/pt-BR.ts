/**
 * `credential-overlay/locales/pt-BR`: every visible string in Brazilian Portuguese (você;
 * glossary in docs/glossary.md). Importing it registers it for `pt-BR`, and for `pt` (a page
 * in `pt-PT` gets it too rather than English).
 */
import { registerLocale } from '../locale.js';
import type { CredentialPickerStrings } from '../picker-strings.js';
import { alphabetText, joinList, type CredentialOverlayStrings } from '../strings.js';

/** "a", "a e b", "a, b e c". */
const list = joinList(', ', ' e ');

export const ptBR: CredentialOverlayStrings = {
  heading: 'Adicionar credencial',
  editHeading: 'Editar credencial',
  nameLabel: 'Nome da credencial',
  descriptionLabel: 'Descrição da credencial',
  optional: 'opcional',
  apiKeyLabel: 'Valor da chave de API',
  showKey: 'Mostrar a chave de API',
  keyHelp: ({ provider }) => `A ${provider} recebe esta chave em cada solicitação, no cabeçalho`,
  docsLink: ({ provider }) => `Encontre sua chave de API da ${provider}`,
  newTab: '(abre em uma nova aba)',
  save: 'Salvar',
  saving: 'Salvando…',
  checkingButton: 'Verificando…',
  savedKey: ({ hint }) => `Chave salva: ${hint}. Deixe em branco para mantê-la.`,
  keySaved: 'Há uma chave salva. Deixe em branco para mantê-la.',
  keyNewAddress: 'A chave seria enviada para um novo endereço: insira-a novamente.',
  cancel: 'Cancelar',
  close: 'Fechar',

  nameRequired: 'Digite um nome para esta credencial.',
  tooLong: ({ field, length, max }) => `${field} tem ${length} caracteres. Reduza para no máximo ${max} caracteres.`,

  keyRequired: ({ provider }) => `Cole sua chave de API da ${provider}.`,
  keyCharacterInside: ({ character, position }) => `A chave contém ${character} na posição ${position}. Remova-o ou copie a chave novamente.`,
  keyTooLong: ({ length, max }) => `Isto tem ${length} caracteres; uma chave de API tem no máximo ${max}. Cole apenas a chave.`,
  keyOtherProvider: ({ other, prefix, provider, expected }) =>
    `Isto parece uma chave da ${other} (${prefix}). Cole sua chave da ${provider}; ela começa com ${expected}.`,
  keySessionToken: ({ other, prefix, provider, expected }) =>
    `Isto parece um token de sessão do ${other} (${prefix}), não uma chave de API. Cole sua chave de API da ${provider}; ela começa com ${expected}.`,
  keyPlaceholder: 'Isto parece um texto de exemplo da documentação, não uma chave real.',
  keyWrongPrefix: ({ provider, expected }) => `As chaves de API da ${provider} começam com ${expected}. Copie a chave inteira da sua página de chaves de API.`,
  keyBadCharacter: ({ char, position, provider, allowed }) =>
    `A chave contém “${char}” na posição ${position}; as chaves da ${provider} usam apenas ${allowed}. Copie a chave novamente.`,
  allowedCharacters: alphabetText(list, {
    letters: 'letras',
    uppercase: 'letras maiúsculas',
    lowercase: 'letras minúsculas',
    digits: 'dígitos',
    hex: (value) => `dígitos hexadecimais (${value})`,
  }),
  keyTooShort: ({ length, min, prefix }) =>
    `Esta chave é curta demais: ${length} caracteres depois de ${prefix}, eram esperados pelo menos ${min}. Ela foi cortada ao copiar?`,
  keyTooShortNoPrefix: ({ length, min }) => `Esta chave é curta demais: ${length} caracteres, eram esperados pelo menos ${min}. Ela foi cortada ao copiar?`,
  keyRepeated: ({ position }) => `Parece que a chave foi colada duas vezes: uma segunda cópia começa na posição ${position}. Cole-a só uma vez.`,
  describeCharacter: ({ kind, char, codePoint }) => {
    switch (kind) {
      case 'space':
        return 'um espaço';
      case 'tab':
        return 'uma tabulação';
      case 'line-break':
        return 'uma quebra de linha';
      case 'whitespace':
        return `um caractere de espaço (${codePoint})`;
      case 'control':
        return `um caractere de controle (${codePoint})`;
      case 'invisible':
        return `um caractere invisível (${codePoint})`;
      case 'non-ascii':
        return `o caractere não ASCII “${char}” (${codePoint})`;
    }
  },

  advanced: 'Avançado',
  fields: {
    organization: {
      label: 'ID da organização',
      message: 'O ID da organização começa com org- seguido de letras e dígitos, por exemplo org-A1b2C3. Copie-o das suas configurações ou deixe em branco.',
    },
    project: {
      label: 'ID do projeto',
      message: 'O ID do projeto começa com proj_ seguido de letras e dígitos, por exemplo proj_A1b2C3. Copie-o das suas configurações ou deixe em branco.',
    },
    endpoint: {
      label: 'Ponto de extremidade',
      help: 'Aparece com a chave em “Chaves e Ponto de Extremidade” do seu recurso do Azure OpenAI.',
      note: 'Este não é o endereço de um recurso do Azure (…openai.azure.com ou …cognitiveservices.azure.com). Um gateway ou servidor de teste funciona se responder como o Azure.',
    },
    deployment: {
      label: 'Implantação',
      help: 'O nome que você deu ao modelo ao implantá-lo.',
      message: 'Um nome de implantação tem até 64 letras, dígitos, “.”, “_” e “-”, sem espaços. Copie-o das implantações do seu recurso.',
    },
    apiVersion: {
      label: 'Versão da API',
      help: 'A versão da API do plano de dados, por exemplo 2024-10-21.',
      message: 'Uma versão de API é uma data como 2024-10-21 ou uma prévia como 2025-04-01-preview.',
    },
    baseUrl: {
      label: 'URL base',
      help: 'Onde o servidor responde, sem /models no fim: Ollama http://localhost:11434/v1, LM Studio http://localhost:1234/v1, vLLM http://localhost:8000/v1, LiteLLM http://localhost:4000.',
    },
  },
  fieldRequired: ({ field }) => `Preencha o campo ${field}.`,
  urlInvalid: ({ field }) => `${field} precisa ser um endereço web completo, como https://example.com.`,
  urlScheme: ({ field }) => `${field} precisa começar com https:// (ou http:// para um servidor da sua própria rede).`,
  urlCredentials: ({ field }) => `Remova o usuário e a senha de ${field}: o endereço os levaria em texto puro.`,
  urlPublicHttp: ({ field, host }) => `${field} usa http:// para ${host}, um endereço público: a chave atravessaria a internet sem criptografia. Use https://.`,
  noteUnencrypted: ({ field }) => `${field} usa http://: a chave vai trafegar sem criptografia até este servidor da sua rede.`,
  providerUnavailable: ({ provider }) =>
    `O provedor “${provider}” não está disponível nesta página, então nada pode ser salvo. Recarregue a página ou fale com o responsável por ela.`,

  checkKey: 'Verificar chave',
  checkValid: 'Chave válida',
  checkLimited: 'limite de solicitações atingido no momento',
  checkNoCredit: 'sem crédito',
  checkModels: ({ count }) => (count === 1 ? '1 modelo' : `${count} modelos`),
  checkCredit: ({ remaining, limit }) => `restam ${remaining} de ${limit}`,
  checkCreditLeft: ({ remaining }) => `restam ${remaining}`,
  checkExpires: ({ date }) => `expira em ${date}`,
  modelLabel: 'Modelo padrão',
  modelHelp: 'Digite o ID de um modelo ou verifique a chave para escolher entre os modelos que ela pode usar.',
  connect: ({ provider }) => `Conectar com a ${provider}`,
  connectWaiting: ({ provider }) => `Aguardando a ${provider}…`,
  keyReceived: ({ provider, hint }) => `Chave recebida da ${provider}: ${hint}.`,
  connectBlocked: ({ provider }) =>
    `O navegador bloqueou a janela da ${provider}. Permita pop-ups nesta página e tente conectar de novo, ou cole a chave.`,
  connectClosed: ({ provider }) => `A janela da ${provider} foi fechada antes de a chave chegar. Tente conectar de novo ou cole a chave.`,
  connectDenied: ({ provider, reason }) => `A ${provider} não concedeu acesso${reason ? ` (${reason})` : ''}. Tente conectar de novo ou cole a chave.`,
  connectFailed: ({ provider, reason }) => `A ${provider} não forneceu uma chave${reason ? ` (${reason})` : ''}. Tente conectar de novo ou cole a chave.`,
  connectTimeout: ({ provider, minutes }) => `Nenhuma resposta da ${provider} em ${minutes} minutos. Tente conectar de novo ou cole a chave.`,
  checking: ({ provider }) => `Verificando a chave com a ${provider}…`,
  saveWithoutChecking: 'Salvar sem verificar',
  verifyRejected: ({ provider, said }) =>
    said ? `A ${provider} não aceitou esta chave: ${said}` : `A ${provider} não aceitou esta chave. Confira se você copiou a chave inteira e se ela não foi revogada.`,
  verifyUnconfirmed: ({ provider, reason }) => `Não foi possível confirmar a chave com a ${provider}: ${reason}. Tente de novo ou salve sem verificar.`,
  reasonNetwork: 'a solicitação não chegou (sem conexão, bloqueada pela rede ou não permitida pelo CORS)',
  reasonTimeout: ({ seconds }) => `nenhuma resposta em ${seconds} segundos`,
  reasonForbidden: 'a chave não pode listar modelos (uma chave restrita, ou uma restrição de projeto ou região)',
  reasonQuota: 'a conta está sem cota ou sem crédito',
  reasonRateLimited: 'solicitações demais no momento',
  reasonStatus: ({ status }) => `o serviço respondeu com um erro (${status})`,
  reasonMalformed: 'não foi possível ler a resposta',
  reasonFailed: 'a verificação falhou',

  noteAdminKey: 'Esta é uma chave de administrador: ela pode gerenciar toda a sua organização. Uma chave de projeto basta para a maioria dos usos.',
  noteUnusualShape: ({ provider }) => `Esta chave não se parece com as chaves que a ${provider} emite hoje. Confira se ela está completa; ainda assim dá para salvá-la.`,
  noteOtherProvider: ({ other, prefix, provider }) => `Esta chave parece ser da ${other} (${prefix}). Se for sua chave da ${provider}, você pode salvá-la.`,

  errorSummary: ({ count }) => (count === 1 ? 'Não foi possível salvar: 1 campo precisa de atenção.' : `Não foi possível salvar: ${count} campos precisam de atenção.`),
  saveFailed: 'Não foi possível salvar a credencial. Tente de novo.',
};

export const ptBRPicker: CredentialPickerStrings = {
  label: 'Credenciais',
  addCredential: 'Adicionar credencial',
  empty: 'Nenhuma credencial ainda',
  edit: ({ name }) => `Editar ${name}`,
  delete: ({ name }) => `Excluir ${name}`,
  verified: 'Verificada',
  rateLimited: 'Limite de solicitações atingido',
  noCredit: 'Sem crédito',
  checkCredit: ({ remaining, limit }) => `Restam ${remaining} de ${limit}`,
  checkCreditLeft: ({ remaining }) => `Restam ${remaining}`,
  keyType: ({ type }) => `chave ${type}`,
  added: ({ date }) => `Adicionada em ${date}`,
  confirmDelete: ({ name }) => `Excluir ${name}?`,
  confirm: 'Excluir',
  keep: 'Manter',
  deleting: 'Excluindo…',
  deleteFailed: 'Não foi possível excluir a credencial. Tente de novo.',
  announceNew: ({ name }) => `${name} adicionada`,
};

registerLocale(['pt-BR', 'pt'], { overlay: ptBR, picker: ptBRPicker });
