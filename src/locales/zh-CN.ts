/**
 * `credential-overlay/locales/zh-CN`: every visible string in Simplified Chinese (glossary in
 * docs/glossary.md). Importing it registers it for `zh-CN`, `zh-Hans` and `zh-SG`.
 */
import { registerLocale } from '../locale.js';
import type { CredentialPickerStrings } from '../picker-strings.js';
import { alphabetText, joinList, type CredentialOverlayStrings } from '../strings.js';

/** “a、b和c”. */
const list = joinList('、', '和');

export const zhCN: CredentialOverlayStrings = {
  heading: '添加凭据',
  editHeading: '编辑凭据',
  nameLabel: '凭据名称',
  descriptionLabel: '凭据说明',
  optional: '可选',
  apiKeyLabel: 'API 密钥值',
  showKey: '显示 API 密钥',
  keyHelp: ({ provider }) => `${provider} 在每个请求中通过以下请求头接收此密钥：`,
  docsLink: ({ provider }) => `查找你的 ${provider} API 密钥`,
  newTab: '（在新标签页中打开）',
  save: '保存',
  saving: '正在保存…',
  checkingButton: '正在检查…',
  savedKey: ({ hint }) => `已保存的密钥：${hint}。留空即可继续使用。`,
  keySaved: '已保存一个密钥。留空即可继续使用。',
  keyNewAddress: '密钥将发送到新的地址：请重新输入。',
  cancel: '取消',
  close: '关闭',

  nameRequired: '请为此凭据输入名称。',
  tooLong: ({ field, length, max }) => `${field}有 ${length} 个字符，请缩短到 ${max} 个字符以内。`,

  keyRequired: ({ provider }) => `请粘贴你的 ${provider} API 密钥。`,
  keyCharacterInside: ({ character, position }) => `密钥第 ${position} 个字符是${character}。请删除它，或重新复制密钥。`,
  keyTooLong: ({ length, max }) => `内容有 ${length} 个字符，而 API 密钥最多 ${max} 个字符。请只粘贴密钥。`,
  keyOtherProvider: ({ other, prefix, provider, expected }) =>
    `这看起来是 ${other} 的密钥（${prefix}）。请粘贴你的 ${provider} 密钥，它以 ${expected} 开头。`,
  keySessionToken: ({ other, prefix, provider, expected }) =>
    `这看起来是 ${other} 的会话令牌（${prefix}），不是 API 密钥。请粘贴你的 ${provider} API 密钥，它以 ${expected} 开头。`,
  keyPlaceholder: '这看起来是文档中的占位符，而不是真实的密钥。',
  keyWrongPrefix: ({ provider, expected }) => `${provider} API 密钥以 ${expected} 开头。请从 API 密钥页面复制完整的密钥。`,
  keyBadCharacter: ({ char, position, provider, allowed }) =>
    `密钥第 ${position} 个字符是“${char}”；${provider} 密钥只包含${allowed}。请重新复制密钥。`,
  allowedCharacters: alphabetText(list, {
    letters: '字母',
    uppercase: '大写字母',
    lowercase: '小写字母',
    digits: '数字',
    hex: (value) => `十六进制数字（${value}）`,
    other: (value) => `“${value}”`,
  }),
  keyTooShort: ({ length, min, prefix }) => `此密钥太短：${prefix} 之后只有 ${length} 个字符，至少需要 ${min} 个。是不是复制时被截断了？`,
  keyTooShortNoPrefix: ({ length, min }) => `此密钥太短：只有 ${length} 个字符，至少需要 ${min} 个。是不是复制时被截断了？`,
  keyRepeated: ({ position }) => `密钥似乎粘贴了两次：第二份从第 ${position} 个字符开始。请只粘贴一次。`,
  describeCharacter: ({ kind, char, codePoint }) => {
    switch (kind) {
      case 'space':
        return '空格';
      case 'tab':
        return '制表符';
      case 'line-break':
        return '换行符';
      case 'whitespace':
        return `空白字符（${codePoint}）`;
      case 'control':
        return `控制字符（${codePoint}）`;
      case 'invisible':
        return `不可见字符（${codePoint}）`;
      case 'non-ascii':
        return `非 ASCII 字符“${char}”（${codePoint}）`;
    }
  },

  advanced: '高级',
  fields: {
    organization: {
      label: '组织 ID',
      message: '组织 ID 以 org- 开头，后跟字母和数字，例如 org-A1b2C3。请从设置中复制，或留空。',
    },
    project: {
      label: '项目 ID',
      message: '项目 ID 以 proj_ 开头，后跟字母和数字，例如 proj_A1b2C3。请从设置中复制，或留空。',
    },
    endpoint: {
      label: '终结点',
      help: '在 Azure OpenAI 资源的“密钥和终结点”中与密钥一起显示。',
      note: '这不是 Azure 资源的地址（…openai.azure.com 或 …cognitiveservices.azure.com）。只要网关或测试服务器的响应方式与 Azure 相同，就可以使用。',
    },
    deployment: {
      label: '部署',
      help: '部署模型时为其指定的名称。',
      message: '部署名称最多 64 个字符，只能包含字母、数字、“.”、“_”和“-”，不能有空格。请从资源的部署列表中复制。',
    },
    apiVersion: {
      label: 'API 版本',
      help: '数据平面 API 的版本，例如 2024-10-21。',
      message: 'API 版本是 2024-10-21 这样的日期，或 2025-04-01-preview 这样的预览版。',
    },
    baseUrl: {
      label: '基础 URL',
      help: '服务器响应的地址，末尾不含 /models：Ollama http://localhost:11434/v1、LM Studio http://localhost:1234/v1、vLLM http://localhost:8000/v1、LiteLLM http://localhost:4000。',
    },
  },
  fieldRequired: ({ field }) => `请填写${field}。`,
  urlInvalid: ({ field }) => `${field}必须是完整的网址，例如 https://example.com。`,
  urlScheme: ({ field }) => `${field}必须以 https:// 开头（你自己网络中的服务器可以用 http://）。`,
  urlCredentials: ({ field }) => `请从${field}中删除用户名和密码：地址会以明文携带它们。`,
  urlPublicHttp: ({ field, host }) => `${field}通过 http:// 连接公共地址 ${host}：密钥会未加密地经过互联网。请使用 https://。`,
  noteUnencrypted: ({ field }) => `${field}使用 http://：密钥将未加密地发送到你网络中的这台服务器。`,
  providerUnavailable: ({ provider }) => `此页面不提供“${provider}”服务商，因此无法保存。请刷新页面，或联系页面管理员。`,

  checkKey: '检查密钥',
  checkValid: '密钥有效',
  checkLimited: '当前受到速率限制',
  checkNoCredit: '余额已用尽',
  checkModels: ({ count }) => `${count} 个模型`,
  checkCredit: ({ remaining, limit }) => `剩余 ${remaining}（共 ${limit}）`,
  checkCreditLeft: ({ remaining }) => `剩余 ${remaining}`,
  checkExpires: ({ date }) => `${date}到期`,
  modelLabel: '默认模型',
  modelHelp: '请输入模型 ID，或检查密钥，从它可以使用的模型中选择。',
  connect: ({ provider }) => `连接 ${provider}`,
  connectWaiting: ({ provider }) => `正在等待 ${provider}…`,
  keyReceived: ({ provider, hint }) => `从 ${provider} 收到的密钥：${hint}。`,
  connectBlocked: ({ provider }) => `浏览器阻止了 ${provider} 窗口。请允许此页面显示弹出式窗口并重新连接，或粘贴密钥。`,
  connectClosed: ({ provider }) => `${provider} 窗口在收到密钥之前已关闭。请重新连接，或粘贴密钥。`,
  connectDenied: ({ provider, reason }) => `${provider} 未授予访问权限${reason ? `（${reason}）` : ''}。请重新连接，或粘贴密钥。`,
  connectFailed: ({ provider, reason }) => `${provider} 未提供密钥${reason ? `（${reason}）` : ''}。请重新连接，或粘贴密钥。`,
  connectTimeout: ({ provider, minutes }) => `${provider} 在 ${minutes} 分钟内没有响应。请重新连接，或粘贴密钥。`,
  checking: ({ provider }) => `正在通过 ${provider} 检查密钥…`,
  saveWithoutChecking: '不检查直接保存',
  verifyRejected: ({ provider, said }) =>
    said ? `${provider} 未接受此密钥：${said}` : `${provider} 未接受此密钥。请确认已完整复制，且密钥未被撤销。`,
  verifyUnconfirmed: ({ provider, reason }) => `无法通过 ${provider} 确认此密钥：${reason}。请重试，或不检查直接保存。`,
  reasonNetwork: '请求未能送达（离线、被网络拦截或 CORS 不允许）',
  reasonTimeout: ({ seconds }) => `${seconds} 秒内没有响应`,
  reasonForbidden: '此密钥无权列出模型（受限密钥，或有项目、地区限制）',
  reasonQuota: '账户已没有配额或余额',
  reasonRateLimited: '当前请求过多',
  reasonStatus: ({ status }) => `服务返回了错误（${status}）`,
  reasonMalformed: '无法读取其响应',
  reasonFailed: '检查失败',

  noteAdminKey: '这是管理员密钥，可以管理整个组织。大多数用途使用项目密钥就足够了。',
  noteUnusualShape: ({ provider }) => `此密钥与 ${provider} 目前签发的密钥格式不同。请确认它是完整的；仍然可以保存。`,
  noteOtherProvider: ({ other, prefix, provider }) => `此密钥看起来来自 ${other}（${prefix}）。如果它是你的 ${provider} 密钥，可以保存。`,

  errorSummary: ({ count }) => `无法保存：有 ${count} 个字段需要处理。`,
  saveFailed: '无法保存凭据。请重试。',
};

export const zhCNPicker: CredentialPickerStrings = {
  label: '凭据',
  addCredential: '添加凭据',
  empty: '还没有凭据',
  edit: ({ name }) => `编辑 ${name}`,
  delete: ({ name }) => `删除 ${name}`,
  verified: '已验证',
  rateLimited: '受速率限制',
  noCredit: '余额已用尽',
  checkCredit: ({ remaining, limit }) => `剩余 ${remaining}（共 ${limit}）`,
  checkCreditLeft: ({ remaining }) => `剩余 ${remaining}`,
  keyType: ({ type }) => `${type} 密钥`,
  added: ({ date }) => `添加于 ${date}`,
  confirmDelete: ({ name }) => `删除 ${name}？`,
  confirm: '删除',
  keep: '保留',
  deleting: '正在删除…',
  deleteFailed: '无法删除凭据。请重试。',
  announceNew: ({ name }) => `已添加 ${name}`,
};

registerLocale(['zh-CN', 'zh-Hans', 'zh-SG'], { overlay: zhCN, picker: zhCNPicker });
