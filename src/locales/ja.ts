/**
 * `credential-overlay/locales/ja`: every visible string in Japanese (です・ます調; glossary in
 * docs/glossary.md). Importing it registers Japanese for `ja`.
 */
import { registerLocale } from '../locale.js';
import type { CredentialPickerStrings } from '../picker-strings.js';
import { alphabetText, joinList, type CredentialOverlayStrings } from '../strings.js';

/** 「a」「a、b」: Japanese lists with the ideographic comma. */
const list = joinList('、', '、');

export const ja: CredentialOverlayStrings = {
  heading: '認証情報を追加',
  editHeading: '認証情報を編集',
  nameLabel: '認証情報の名前',
  descriptionLabel: '認証情報の説明',
  optional: '任意',
  apiKeyLabel: 'API キーの値',
  showKey: 'API キーを表示',
  keyHelp: ({ provider }) => `${provider} は、すべてのリクエストでこのキーを次のヘッダーで受け取ります:`,
  docsLink: ({ provider }) => `${provider} の API キーを確認する`,
  newTab: '（新しいタブで開きます）',
  save: '保存',
  saving: '保存しています…',
  checkingButton: '確認しています…',
  savedKey: ({ hint }) => `保存済みのキー: ${hint}。空欄のままにすると、このキーを引き続き使います。`,
  keySaved: 'キーが保存されています。空欄のままにすると、このキーを引き続き使います。',
  keyNewAddress: 'キーが新しいアドレスに送信されることになります。もう一度入力してください。',
  cancel: 'キャンセル',
  close: '閉じる',

  nameRequired: 'この認証情報の名前を入力してください。',
  tooLong: ({ field, length, max }) => `${field}は ${length} 文字です。${max} 文字以内に短くしてください。`,

  keyRequired: ({ provider }) => `${provider} の API キーを貼り付けてください。`,
  keyCharacterInside: ({ character, position }) => `キーの ${position} 文字目に${character}が含まれています。削除するか、キーをもう一度コピーしてください。`,
  keyTooLong: ({ length, max }) => `${length} 文字あります。API キーは最大 ${max} 文字です。キーだけを貼り付けてください。`,
  keyOtherProvider: ({ other, prefix, provider, expected }) =>
    `${other} のキー（${prefix}）のようです。${provider} のキーを貼り付けてください。${expected} で始まります。`,
  keySessionToken: ({ other, prefix, provider, expected }) =>
    `API キーではなく ${other} のセッショントークン（${prefix}）のようです。${provider} の API キーを貼り付けてください。${expected} で始まります。`,
  keyPlaceholder: 'ドキュメントのプレースホルダーのようです。実際のキーではありません。',
  keyWrongPrefix: ({ provider, expected }) => `${provider} の API キーは ${expected} で始まります。API キーのページからキー全体をコピーしてください。`,
  keyBadCharacter: ({ char, position, provider, allowed }) =>
    `キーの ${position} 文字目に「${char}」が含まれています。${provider} のキーに使えるのは${allowed}だけです。キーをもう一度コピーしてください。`,
  allowedCharacters: alphabetText(list, {
    letters: '英字',
    uppercase: '英大文字',
    lowercase: '英小文字',
    digits: '数字',
    hex: (value) => `16 進数字（${value}）`,
    other: (value) => `「${value}」`,
  }),
  keyTooShort: ({ length, min, prefix }) =>
    `キーが短すぎます。${prefix} の後が ${length} 文字ですが、${min} 文字以上必要です。コピーの途中で切れていませんか？`,
  keyTooShortNoPrefix: ({ length, min }) => `キーが短すぎます。${length} 文字ですが、${min} 文字以上必要です。コピーの途中で切れていませんか？`,
  keyRepeated: ({ position }) => `キーが 2 回貼り付けられているようです。${position} 文字目から 2 つ目が始まっています。1 回だけ貼り付けてください。`,
  describeCharacter: ({ kind, char, codePoint }) => {
    switch (kind) {
      case 'space':
        return 'スペース';
      case 'tab':
        return 'タブ';
      case 'line-break':
        return '改行';
      case 'whitespace':
        return `空白文字（${codePoint}）`;
      case 'control':
        return `制御文字（${codePoint}）`;
      case 'invisible':
        return `見えない文字（${codePoint}）`;
      case 'non-ascii':
        return `ASCII 以外の文字「${char}」（${codePoint}）`;
    }
  },

  advanced: '詳細設定',
  fields: {
    organization: {
      label: '組織 ID',
      message: '組織 ID は org- に英数字が続く形式です（例: org-A1b2C3）。設定画面からコピーするか、空欄のままにしてください。',
    },
    project: {
      label: 'プロジェクト ID',
      message: 'プロジェクト ID は proj_ に英数字が続く形式です（例: proj_A1b2C3）。設定画面からコピーするか、空欄のままにしてください。',
    },
    endpoint: {
      label: 'エンドポイント',
      help: 'Azure OpenAI リソースの「キーとエンドポイント」に、キーと一緒に表示されています。',
      note: 'Azure リソースのアドレス（…openai.azure.com または …cognitiveservices.azure.com）ではありません。Azure と同じように応答するゲートウェイやテストサーバーなら使えます。',
    },
    deployment: {
      label: 'デプロイ',
      help: 'モデルをデプロイしたときに付けた名前です。',
      message: 'デプロイ名は英数字と「.」「_」「-」の 64 文字以内で、スペースは使えません。リソースのデプロイ一覧からコピーしてください。',
    },
    apiVersion: {
      label: 'API バージョン',
      help: 'データプレーン API のバージョンです（例: 2024-10-21）。',
      message: 'API バージョンは 2024-10-21 のような日付か、2025-04-01-preview のようなプレビュー版です。',
    },
    baseUrl: {
      label: 'ベース URL',
      help: 'サーバーが応答するアドレス（末尾の /models は不要）: Ollama http://localhost:11434/v1、LM Studio http://localhost:1234/v1、vLLM http://localhost:8000/v1、LiteLLM http://localhost:4000',
    },
  },
  fieldRequired: ({ field }) => `${field}を入力してください。`,
  urlInvalid: ({ field }) => `${field}には https://example.com のような完全な URL を入力してください。`,
  urlScheme: ({ field }) => `${field}は https://（自分のネットワーク内のサーバーなら http://）で始めてください。`,
  urlCredentials: ({ field }) => `${field}からユーザー名とパスワードを削除してください。アドレスに平文で含まれてしまいます。`,
  urlPublicHttp: ({ field, host }) => `${field}は公開アドレス ${host} への http:// です。キーが暗号化されずにインターネットを通ります。https:// を使ってください。`,
  noteUnencrypted: ({ field }) => `${field}は http:// です。キーは暗号化されずに、ネットワーク内のこのサーバーへ送られます。`,
  providerUnavailable: ({ provider }) =>
    `プロバイダー「${provider}」はこのページで利用できないため、保存できません。ページを再読み込みするか、ページの管理者に連絡してください。`,

  checkKey: 'キーを確認',
  checkValid: '有効なキー',
  checkLimited: '現在レート制限中',
  checkNoCredit: 'クレジット残高なし',
  checkModels: ({ count }) => `${count} 個のモデル`,
  checkCredit: ({ remaining, limit }) => `${limit} のうち残り ${remaining}`,
  checkCreditLeft: ({ remaining }) => `残り ${remaining}`,
  checkExpires: ({ date }) => `有効期限 ${date}`,
  modelLabel: 'デフォルトのモデル',
  modelHelp: 'モデル ID を入力するか、キーを確認して、このキーで使用できるモデルから選択してください。',
  connect: ({ provider }) => `${provider} と連携`,
  connectWaiting: ({ provider }) => `${provider} の応答を待っています…`,
  keyReceived: ({ provider, hint }) => `${provider} から受け取ったキー: ${hint}。`,
  connectBlocked: ({ provider }) =>
    `ブラウザーが ${provider} のウィンドウをブロックしました。このページのポップアップを許可してもう一度連携するか、キーを貼り付けてください。`,
  connectClosed: ({ provider }) => `キーを受け取る前に ${provider} のウィンドウが閉じられました。もう一度連携するか、キーを貼り付けてください。`,
  connectDenied: ({ provider, reason }) => `${provider} でアクセスが許可されませんでした${reason ? `（${reason}）` : ''}。もう一度連携するか、キーを貼り付けてください。`,
  connectFailed: ({ provider, reason }) => `${provider} からキーを受け取れませんでした${reason ? `（${reason}）` : ''}。もう一度連携するか、キーを貼り付けてください。`,
  connectTimeout: ({ provider, minutes }) => `${minutes} 分以内に ${provider} から応答がありませんでした。もう一度連携するか、キーを貼り付けてください。`,
  checking: ({ provider }) => `${provider} でキーを確認しています…`,
  saveWithoutChecking: '確認せずに保存',
  verifyRejected: ({ provider, said }) =>
    said ? `${provider} はこのキーを受け付けませんでした: ${said}` : `${provider} はこのキーを受け付けませんでした。キー全体をコピーしたか、無効化されていないかを確認してください。`,
  verifyUnconfirmed: ({ provider, reason }) => `${provider} でキーを確認できませんでした（${reason}）。もう一度試すか、確認せずに保存してください。`,
  reasonNetwork: 'リクエストが届きませんでした（オフライン、ネットワークによるブロック、または CORS で許可されていない）',
  reasonTimeout: ({ seconds }) => `${seconds} 秒以内に応答がありませんでした`,
  reasonForbidden: 'このキーにはモデル一覧を取得する権限がありません（制限付きキー、またはプロジェクトや地域の制限）',
  reasonQuota: 'アカウントのクォータまたはクレジットが残っていません',
  reasonRateLimited: '現在リクエストが多すぎます',
  reasonStatus: ({ status }) => `サービスがエラー（${status}）を返しました`,
  reasonMalformed: '応答を読み取れませんでした',
  reasonFailed: '確認に失敗しました',

  noteAdminKey: 'これは管理者キーで、組織全体を管理できます。ほとんどの用途にはプロジェクトキーで十分です。',
  noteUnusualShape: ({ provider }) => `このキーは、現在 ${provider} が発行しているキーの形式と異なります。欠けていないか確認してください。このまま保存することもできます。`,
  noteOtherProvider: ({ other, prefix, provider }) => `このキーは ${other} のキー（${prefix}）のようです。${provider} のキーであれば、保存できます。`,

  errorSummary: ({ count }) => `保存できません。${count} 件の項目を確認してください。`,
  saveFailed: '認証情報を保存できませんでした。もう一度お試しください。',
};

export const jaPicker: CredentialPickerStrings = {
  label: '認証情報',
  addCredential: '認証情報を追加',
  empty: '認証情報はまだありません',
  edit: ({ name }) => `${name} を編集`,
  delete: ({ name }) => `${name} を削除`,
  verified: '確認済み',
  rateLimited: 'レート制限中',
  noCredit: 'クレジット残高なし',
  checkCredit: ({ remaining, limit }) => `${limit} のうち残り ${remaining}`,
  checkCreditLeft: ({ remaining }) => `残り ${remaining}`,
  keyType: ({ type }) => `${type} キー`,
  added: ({ date }) => `${date} に追加`,
  confirmDelete: ({ name }) => `${name} を削除しますか？`,
  confirm: '削除',
  keep: '残す',
  deleting: '削除しています…',
  deleteFailed: '認証情報を削除できませんでした。もう一度お試しください。',
  announceNew: ({ name }) => `${name} を追加しました`,
};

registerLocale('ja', { overlay: ja, picker: jaPicker });
