/**
 * `credential-overlay/locales/ko`: every visible string in Korean (합니다체; glossary in
 * docs/glossary.md). Importing it registers Korean for `ko`.
 */
import { registerLocale } from '../locale.js';
import type { CredentialPickerStrings } from '../picker-strings.js';
import { alphabetText, joinList, type CredentialOverlayStrings } from '../strings.js';

/** "a, b, c". */
const list = joinList(', ', ', ');

export const ko: CredentialOverlayStrings = {
  heading: '자격 증명 추가',
  editHeading: '자격 증명 편집',
  nameLabel: '자격 증명 이름',
  descriptionLabel: '자격 증명 설명',
  optional: '선택 사항',
  apiKeyLabel: 'API 키 값',
  showKey: 'API 키 표시',
  keyHelp: ({ provider }) => `${provider}은(는) 모든 요청에서 다음 헤더로 이 키를 받습니다:`,
  docsLink: ({ provider }) => `${provider} API 키 찾기`,
  newTab: '(새 탭에서 열림)',
  save: '저장',
  saving: '저장하는 중…',
  checkingButton: '확인하는 중…',
  savedKey: ({ hint }) => `저장된 키: ${hint}. 비워 두면 이 키를 계속 사용합니다.`,
  keySaved: '저장된 키가 있습니다. 비워 두면 이 키를 계속 사용합니다.',
  keyNewAddress: '키가 새 주소로 전송됩니다. 키를 다시 입력하세요.',
  cancel: '취소',
  close: '닫기',

  nameRequired: '이 자격 증명의 이름을 입력하십시오.',
  tooLong: ({ field, length, max }) => `${field}이(가) ${length}자입니다. ${max}자 이하로 줄이십시오.`,

  keyRequired: ({ provider }) => `${provider} API 키를 붙여 넣으십시오.`,
  keyCharacterInside: ({ character, position }) => `키의 ${position}번째 문자가 ${character}입니다. 삭제하거나 키를 다시 복사하십시오.`,
  keyTooLong: ({ length, max }) => `${length}자입니다. API 키는 최대 ${max}자입니다. 키만 붙여 넣으십시오.`,
  keyOtherProvider: ({ other, prefix, provider, expected }) =>
    `${other}의 키(${prefix})로 보입니다. ${provider} 키를 붙여 넣으십시오. ${expected}(으)로 시작합니다.`,
  keySessionToken: ({ other, prefix, provider, expected }) =>
    `API 키가 아니라 ${other} 세션 토큰(${prefix})으로 보입니다. ${provider} API 키를 붙여 넣으십시오. ${expected}(으)로 시작합니다.`,
  keyPlaceholder: '문서에 있는 자리 표시자로 보입니다. 실제 키가 아닙니다.',
  keyWrongPrefix: ({ provider, expected }) => `${provider} API 키는 ${expected}(으)로 시작합니다. API 키 페이지에서 키 전체를 복사하십시오.`,
  keyBadCharacter: ({ char, position, provider, allowed }) =>
    `키의 ${position}번째 문자가 ‘${char}’입니다. ${provider} 키에는 ${allowed}만 쓰입니다. 키를 다시 복사하십시오.`,
  allowedCharacters: alphabetText(list, {
    letters: '영문자',
    uppercase: '영문 대문자',
    lowercase: '영문 소문자',
    digits: '숫자',
    hex: (value) => `16진수 숫자(${value})`,
    other: (value) => `‘${value}’`,
  }),
  keyTooShort: ({ length, min, prefix }) => `키가 너무 짧습니다. ${prefix} 뒤가 ${length}자인데 ${min}자 이상이어야 합니다. 복사할 때 잘리지 않았습니까?`,
  keyTooShortNoPrefix: ({ length, min }) => `키가 너무 짧습니다. ${length}자인데 ${min}자 이상이어야 합니다. 복사할 때 잘리지 않았습니까?`,
  keyRepeated: ({ position }) => `키가 두 번 붙여 넣어진 것 같습니다. ${position}번째 문자부터 두 번째 키가 시작됩니다. 한 번만 붙여 넣으십시오.`,
  describeCharacter: ({ kind, char, codePoint }) => {
    switch (kind) {
      case 'space':
        return '공백';
      case 'tab':
        return '탭';
      case 'line-break':
        return '줄바꿈';
      case 'whitespace':
        return `공백 문자(${codePoint})`;
      case 'control':
        return `제어 문자(${codePoint})`;
      case 'invisible':
        return `보이지 않는 문자(${codePoint})`;
      case 'non-ascii':
        return `ASCII가 아닌 문자 ‘${char}’(${codePoint})`;
    }
  },

  advanced: '고급',
  fields: {
    organization: {
      label: '조직 ID',
      message: '조직 ID는 org- 뒤에 영문자와 숫자가 오는 형식입니다(예: org-A1b2C3). 설정에서 복사하거나 비워 두십시오.',
    },
    project: {
      label: '프로젝트 ID',
      message: '프로젝트 ID는 proj_ 뒤에 영문자와 숫자가 오는 형식입니다(예: proj_A1b2C3). 설정에서 복사하거나 비워 두십시오.',
    },
    endpoint: {
      label: '엔드포인트',
      help: 'Azure OpenAI 리소스의 ‘키 및 엔드포인트’에 키와 함께 표시됩니다.',
      note: 'Azure 리소스 주소(…openai.azure.com 또는 …cognitiveservices.azure.com)가 아닙니다. Azure처럼 응답하는 게이트웨이나 테스트 서버라면 사용할 수 있습니다.',
    },
    deployment: {
      label: '배포',
      help: '모델을 배포할 때 붙인 이름입니다.',
      message: '배포 이름은 영문자, 숫자, ‘.’, ‘_’, ‘-’로 된 64자 이하이며 공백을 쓸 수 없습니다. 리소스의 배포 목록에서 복사하십시오.',
    },
    apiVersion: {
      label: 'API 버전',
      help: '데이터 플레인 API 버전입니다(예: 2024-10-21).',
      message: 'API 버전은 2024-10-21 같은 날짜이거나 2025-04-01-preview 같은 미리 보기 버전입니다.',
    },
    baseUrl: {
      label: '기본 URL',
      help: '서버가 응답하는 주소(끝의 /models 제외): Ollama http://localhost:11434/v1, LM Studio http://localhost:1234/v1, vLLM http://localhost:8000/v1, LiteLLM http://localhost:4000',
    },
  },
  fieldRequired: ({ field }) => `${field}을(를) 입력하십시오.`,
  urlInvalid: ({ field }) => `${field}은(는) https://example.com 같은 전체 웹 주소여야 합니다.`,
  urlScheme: ({ field }) => `${field}은(는) https://(내 네트워크의 서버라면 http://)로 시작해야 합니다.`,
  urlCredentials: ({ field }) => `${field}에서 사용자 이름과 비밀번호를 삭제하십시오. 주소에 평문으로 실리게 됩니다.`,
  urlPublicHttp: ({ field, host }) => `${field}이(가) 공개 주소 ${host}에 http://를 사용합니다. 키가 암호화되지 않은 채 인터넷을 지나게 됩니다. https://를 사용하십시오.`,
  noteUnencrypted: ({ field }) => `${field}이(가) http://를 사용합니다. 키가 암호화되지 않은 채 내 네트워크의 이 서버로 전송됩니다.`,
  providerUnavailable: ({ provider }) => `이 페이지에서는 ‘${provider}’ 공급자를 사용할 수 없어 저장할 수 없습니다. 페이지를 새로 고치거나 페이지 관리자에게 문의하십시오.`,

  checkKey: '키 확인',
  checkValid: '유효한 키',
  checkLimited: '현재 속도 제한됨',
  checkNoCredit: '남은 크레딧 없음',
  checkModels: ({ count }) => `모델 ${count}개`,
  checkCredit: ({ remaining, limit }) => `${limit} 중 ${remaining} 남음`,
  checkCreditLeft: ({ remaining }) => `${remaining} 남음`,
  checkExpires: ({ date }) => `${date}에 만료`,
  modelLabel: '기본 모델',
  modelHelp: '모델 ID를 입력하거나, 키를 확인하여 이 키로 사용할 수 있는 모델 중에서 선택하십시오.',
  connect: ({ provider }) => `${provider} 연결`,
  connectWaiting: ({ provider }) => `${provider} 응답을 기다리는 중…`,
  keyReceived: ({ provider, hint }) => `${provider}에서 받은 키: ${hint}.`,
  connectBlocked: ({ provider }) => `브라우저가 ${provider} 창을 차단했습니다. 이 페이지에서 팝업을 허용하고 다시 연결하거나 키를 붙여 넣으십시오.`,
  connectClosed: ({ provider }) => `키를 받기 전에 ${provider} 창이 닫혔습니다. 다시 연결하거나 키를 붙여 넣으십시오.`,
  connectDenied: ({ provider, reason }) => `${provider}에서 액세스를 허용하지 않았습니다${reason ? `(${reason})` : ''}. 다시 연결하거나 키를 붙여 넣으십시오.`,
  connectFailed: ({ provider, reason }) => `${provider}에서 키를 받지 못했습니다${reason ? `(${reason})` : ''}. 다시 연결하거나 키를 붙여 넣으십시오.`,
  connectTimeout: ({ provider, minutes }) => `${minutes}분 안에 ${provider}의 응답이 없습니다. 다시 연결하거나 키를 붙여 넣으십시오.`,
  checking: ({ provider }) => `${provider}에서 키를 확인하는 중…`,
  saveWithoutChecking: '확인하지 않고 저장',
  verifyRejected: ({ provider, said }) =>
    said ? `${provider}이(가) 이 키를 받아들이지 않았습니다: ${said}` : `${provider}이(가) 이 키를 받아들이지 않았습니다. 키 전체를 복사했는지, 키가 폐기되지 않았는지 확인하십시오.`,
  verifyUnconfirmed: ({ provider, reason }) => `${provider}에서 키를 확인할 수 없습니다(${reason}). 다시 시도하거나 확인하지 않고 저장하십시오.`,
  reasonNetwork: '요청이 전달되지 않았습니다(오프라인, 네트워크 차단 또는 CORS 미허용)',
  reasonTimeout: ({ seconds }) => `${seconds}초 안에 응답이 없습니다`,
  reasonForbidden: '이 키에는 모델 목록을 볼 권한이 없습니다(제한된 키, 또는 프로젝트나 지역 제한)',
  reasonQuota: '계정에 할당량이나 크레딧이 남아 있지 않습니다',
  reasonRateLimited: '지금은 요청이 너무 많습니다',
  reasonStatus: ({ status }) => `서비스가 오류(${status})를 반환했습니다`,
  reasonMalformed: '응답을 읽을 수 없습니다',
  reasonFailed: '확인하지 못했습니다',

  noteAdminKey: '관리자 키입니다. 조직 전체를 관리할 수 있습니다. 대부분의 용도에는 프로젝트 키로 충분합니다.',
  noteUnusualShape: ({ provider }) => `이 키는 현재 ${provider}에서 발급하는 키와 형식이 다릅니다. 빠진 부분이 없는지 확인하십시오. 그래도 저장할 수 있습니다.`,
  noteOtherProvider: ({ other, prefix, provider }) => `이 키는 ${other}의 키(${prefix})로 보입니다. ${provider} 키가 맞다면 저장할 수 있습니다.`,

  errorSummary: ({ count }) => `저장할 수 없습니다. ${count}개 항목을 확인하십시오.`,
  saveFailed: '자격 증명을 저장하지 못했습니다. 다시 시도하십시오.',
};

export const koPicker: CredentialPickerStrings = {
  label: '자격 증명',
  addCredential: '자격 증명 추가',
  empty: '아직 자격 증명이 없습니다',
  edit: ({ name }) => `${name} 편집`,
  delete: ({ name }) => `${name} 삭제`,
  verified: '확인됨',
  rateLimited: '속도 제한됨',
  noCredit: '남은 크레딧 없음',
  checkCredit: ({ remaining, limit }) => `${limit} 중 ${remaining} 남음`,
  checkCreditLeft: ({ remaining }) => `${remaining} 남음`,
  keyType: ({ type }) => `${type} 키`,
  added: ({ date }) => `${date}에 추가됨`,
  confirmDelete: ({ name }) => `${name}을(를) 삭제하시겠습니까?`,
  confirm: '삭제',
  keep: '유지',
  deleting: '삭제하는 중…',
  deleteFailed: '자격 증명을 삭제하지 못했습니다. 다시 시도하십시오.',
  announceNew: ({ name }) => `${name} 추가됨`,
};

registerLocale('ko', { overlay: ko, picker: koPicker });
