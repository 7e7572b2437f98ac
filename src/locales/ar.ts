/**
 * `credential-overlay/locales/ar`: every visible string in Arabic (Modern Standard Arabic,
 * Western digits as in most software UIs; glossary in docs/glossary.md). Importing it
 * registers Arabic for `ar` (and `ar-EG`, `ar-SA`, …). Right to left: every key prefix,
 * hint, character, code point, host, amount, provider name and provider message inside a
 * sentence is wrapped in a first-strong isolate, so it reads in its own direction.
 */
import { isolate as i, registerLocale } from '../locale.js';
import type { CredentialPickerStrings } from '../picker-strings.js';
import { alphabetText, joinList, type CredentialOverlayStrings } from '../strings.js';

/** «أ» و«أ وب» و«أ، ب وج». */
const list = joinList('، ', ' و');

/** Arabic plural forms of a count of characters: 1, 2, 3–10, 11+. */
const chars = (n: number) => (n === 1 ? 'حرف واحد' : n === 2 ? 'حرفان' : n % 100 >= 3 && n % 100 <= 10 ? `${n} أحرف` : `${n} حرفًا`);
const fields = (n: number) => (n === 1 ? 'حقل واحد يحتاج' : n === 2 ? 'حقلان يحتاجان' : n % 100 >= 3 && n % 100 <= 10 ? `${n} حقول تحتاج` : `${n} حقلًا تحتاج`);
/** A count of minutes after خلال (genitive): 1, 2, 3–10, 11+. */
const minutesAr = (n: number) => (n === 1 ? 'دقيقة واحدة' : n === 2 ? 'دقيقتين' : n % 100 >= 3 && n % 100 <= 10 ? `${n} دقائق` : `${n} دقيقة`);
/** Arabic plural forms of a count of models, by `Intl.PluralRules` (zero, one, two, few 3–10, many 11–99, other 100+). */
const pluralAr = new Intl.PluralRules('ar');
const models = (n: number) =>
  ({ zero: 'لا نماذج', one: 'نموذج واحد', two: 'نموذجان', few: `${n} نماذج`, many: `${n} نموذجًا`, other: `${n} نموذج` })[pluralAr.select(n) as 'zero' | 'one' | 'two' | 'few' | 'many' | 'other'];

export const ar: CredentialOverlayStrings = {
  heading: 'إضافة بيانات اعتماد',
  editHeading: 'تعديل بيانات الاعتماد',
  nameLabel: 'اسم بيانات الاعتماد',
  descriptionLabel: 'وصف بيانات الاعتماد',
  optional: 'اختياري',
  apiKeyLabel: 'قيمة مفتاح API',
  showKey: 'إظهار مفتاح API',
  keyHelp: ({ provider }) => `تتلقى ${i(provider)} هذا المفتاح مع كل طلب، في الترويسة`,
  docsLink: ({ provider }) => `اعثر على مفتاح API من ${i(provider)}`,
  newTab: '(يُفتح في علامة تبويب جديدة)',
  save: 'حفظ',
  saving: 'جارٍ الحفظ…',
  checkingButton: 'جارٍ التحقق…',
  savedKey: ({ hint }) => `المفتاح المحفوظ: ${i(hint)}. اترك الحقل فارغًا للإبقاء عليه.`,
  keySaved: 'يوجد مفتاح محفوظ. اترك الحقل فارغًا للإبقاء عليه.',
  keyNewAddress: 'سيُرسَل المفتاح إلى عنوان جديد: أدخله مرة أخرى.',
  cancel: 'إلغاء',
  close: 'إغلاق',

  nameRequired: 'أدخل اسمًا لبيانات الاعتماد هذه.',
  tooLong: ({ field, length, max }) => `طول ${field} ${chars(length)}. اختصره إلى ${chars(max)} أو أقل.`,

  keyRequired: ({ provider }) => `الصق مفتاح API من ${i(provider)}.`,
  keyCharacterInside: ({ character, position }) => `يحتوي المفتاح على ${character} في الموضع ${position}. احذفه أو انسخ المفتاح مرة أخرى.`,
  keyTooLong: ({ length, max }) => `طول النص ${chars(length)}، ومفتاح API لا يتجاوز ${chars(max)}. الصق المفتاح وحده.`,
  keyOtherProvider: ({ other, prefix, provider, expected }) =>
    `يبدو هذا مفتاحًا من ${i(other)} (${i(prefix)}). الصق مفتاحك من ${i(provider)}؛ يبدأ بـ ${i(expected)}.`,
  keySessionToken: ({ other, prefix, provider, expected }) =>
    `يبدو هذا رمز جلسة من ${i(other)} (${i(prefix)})، لا مفتاح API. الصق مفتاح API من ${i(provider)}؛ يبدأ بـ ${i(expected)}.`,
  keyPlaceholder: 'يبدو هذا عنصرًا نائبًا من الوثائق، وليس مفتاحًا حقيقيًا.',
  keyWrongPrefix: ({ provider, expected }) => `تبدأ مفاتيح API من ${i(provider)} بـ ${i(expected)}. انسخ المفتاح كاملًا من صفحة مفاتيح API.`,
  keyBadCharacter: ({ char, position, provider, allowed }) =>
    `يحتوي المفتاح على «${i(char)}» في الموضع ${position}؛ ولا تضم مفاتيح ${i(provider)} إلا ${allowed}. انسخ المفتاح مرة أخرى.`,
  allowedCharacters: alphabetText(list, {
    letters: 'الحروف اللاتينية',
    uppercase: 'الحروف اللاتينية الكبيرة',
    lowercase: 'الحروف اللاتينية الصغيرة',
    digits: 'الأرقام',
    hex: (value) => `الأرقام الست عشرية (${i(value)})`,
    other: (value) => `«${i(value)}»`,
  }),
  keyTooShort: ({ length, min, prefix }) =>
    `هذا المفتاح قصير جدًا: ${chars(length)} بعد ${i(prefix)}، والمتوقع ${min} على الأقل. هل اقتُطع جزء منه عند النسخ؟`,
  keyTooShortNoPrefix: ({ length, min }) => `هذا المفتاح قصير جدًا: ${chars(length)}، والمتوقع ${min} على الأقل. هل اقتُطع جزء منه عند النسخ؟`,
  keyRepeated: ({ position }) => `يبدو أن المفتاح لُصق مرتين: تبدأ نسخة ثانية في الموضع ${position}. الصقه مرة واحدة فقط.`,
  describeCharacter: ({ kind, char, codePoint }) => {
    switch (kind) {
      case 'space':
        return 'مسافة';
      case 'tab':
        return 'علامة جدولة';
      case 'line-break':
        return 'فاصل أسطر';
      case 'whitespace':
        return `محرف مسافة (${i(codePoint)})`;
      case 'control':
        return `محرف تحكم (${i(codePoint)})`;
      case 'invisible':
        return `محرفًا غير مرئي (${i(codePoint)})`;
      case 'non-ascii':
        return `المحرف غير ASCII «${i(char)}» (${i(codePoint)})`;
    }
  },

  advanced: 'متقدم',
  fields: {
    organization: {
      label: 'معرّف المؤسسة',
      message: `يبدأ معرّف المؤسسة بـ ${i('org-')} تليه حروف وأرقام، مثل ${i('org-A1b2C3')}. انسخه من إعداداتك أو اترك الحقل فارغًا.`,
    },
    project: {
      label: 'معرّف المشروع',
      message: `يبدأ معرّف المشروع بـ ${i('proj_')} تليه حروف وأرقام، مثل ${i('proj_A1b2C3')}. انسخه من إعداداتك أو اترك الحقل فارغًا.`,
    },
    endpoint: {
      label: 'نقطة النهاية',
      help: 'تظهر مع المفتاح في «المفاتيح ونقطة النهاية» لمورد Azure OpenAI الخاص بك.',
      note: `هذا ليس عنوان مورد Azure (${i('…openai.azure.com')} أو ${i('…cognitiveservices.azure.com')}). تعمل البوابة أو خادم الاختبار إذا كان يجيب كما يجيب Azure.`,
    },
    deployment: {
      label: 'النشر',
      help: 'الاسم الذي أعطيته للنموذج عند نشره.',
      message: 'يتكون اسم النشر من 64 محرفًا على الأكثر من الحروف والأرقام و«.» و«_» و«-»، بلا مسافات. انسخه من قائمة عمليات النشر في موردك.',
    },
    apiVersion: {
      label: 'إصدار API',
      help: `إصدار واجهة API لمستوى البيانات، مثل ${i('2024-10-21')}.`,
      message: `إصدار API تاريخ مثل ${i('2024-10-21')} أو إصدار تجريبي مثل ${i('2025-04-01-preview')}.`,
    },
    baseUrl: {
      label: 'عنوان URL الأساسي',
      help: `حيث يجيب الخادم، دون ${i('/models')} في آخره: Ollama ${i('http://localhost:11434/v1')}، LM Studio ${i('http://localhost:1234/v1')}، vLLM ${i('http://localhost:8000/v1')}، LiteLLM ${i('http://localhost:4000')}.`,
    },
  },
  fieldRequired: ({ field }) => `أدخل ${field}.`,
  urlInvalid: ({ field }) => `يجب أن يكون ${field} عنوان ويب كاملًا، مثل ${i('https://example.com')}.`,
  urlScheme: ({ field }) => `يجب أن يبدأ ${field} بـ ${i('https://')} (أو ${i('http://')} لخادم في شبكتك).`,
  urlCredentials: ({ field }) => `احذف اسم المستخدم وكلمة المرور من ${field}: سيحملهما العنوان نصًا مكشوفًا.`,
  urlPublicHttp: ({ field, host }) => `يستخدم ${field} ${i('http://')} إلى ${i(host)}، وهو عنوان عام: سيعبر المفتاح الإنترنت دون تشفير. استخدم ${i('https://')}.`,
  noteUnencrypted: ({ field }) => `يستخدم ${field} ${i('http://')}: سيصل المفتاح إلى هذا الخادم في شبكتك دون تشفير.`,
  providerUnavailable: ({ provider }) => `المزوّد «${i(provider)}» غير متاح في هذه الصفحة، لذا لا يمكن حفظ شيء. أعد تحميل الصفحة أو تواصل مع المسؤول عنها.`,

  checkKey: 'التحقق من المفتاح',
  checkValid: 'مفتاح صالح',
  checkLimited: 'بلغ حد الطلبات حاليًا',
  checkNoCredit: 'نفد الرصيد',
  checkModels: ({ count }) => models(count),
  checkCredit: ({ remaining, limit }) => `المتبقي ${i(remaining)} من ${i(limit)}`,
  checkCreditLeft: ({ remaining }) => `المتبقي ${i(remaining)}`,
  checkExpires: ({ date }) => `تنتهي صلاحيته في ${date}`,
  modelLabel: 'النموذج الافتراضي',
  modelHelp: 'اكتب معرّف نموذج، أو تحقق من المفتاح لتختار من النماذج التي يمكنه استخدامها.',
  connect: ({ provider }) => `ربط حساب ${i(provider)}`,
  connectWaiting: ({ provider }) => `في انتظار ${i(provider)}…`,
  keyReceived: ({ provider, hint }) => `المفتاح المستلَم من ${i(provider)}: ${i(hint)}.`,
  connectBlocked: ({ provider }) => `حظر المتصفح نافذة ${i(provider)}. اسمح بالنوافذ المنبثقة في هذه الصفحة وأعد الربط، أو الصق المفتاح.`,
  connectClosed: ({ provider }) => `أُغلقت نافذة ${i(provider)} قبل وصول المفتاح. أعد الربط أو الصق المفتاح.`,
  connectDenied: ({ provider, reason }) => `لم تمنح ${i(provider)} إذن الوصول${reason ? ` (${i(reason)})` : ''}. أعد الربط أو الصق المفتاح.`,
  connectFailed: ({ provider, reason }) => `لم تقدّم ${i(provider)} مفتاحًا${reason ? ` (${i(reason)})` : ''}. أعد الربط أو الصق المفتاح.`,
  connectTimeout: ({ provider, minutes }) => `لا رد من ${i(provider)} خلال ${minutesAr(minutes)}. أعد الربط أو الصق المفتاح.`,
  checking: ({ provider }) => `جارٍ التحقق من المفتاح لدى ${i(provider)}…`,
  saveWithoutChecking: 'حفظ دون تحقق',
  verifyRejected: ({ provider, said }) =>
    said ? `لم تقبل ${i(provider)} هذا المفتاح: ${i(said)}` : `لم تقبل ${i(provider)} هذا المفتاح. تأكد من نسخه كاملًا ومن أنه لم يُلغَ.`,
  verifyUnconfirmed: ({ provider, reason }) => `تعذّر تأكيد المفتاح لدى ${i(provider)}: ${reason}. حاول مرة أخرى أو احفظه دون تحقق.`,
  reasonNetwork: `لم يصل الطلب (لا اتصال، أو حظرته الشبكة، أو لم تسمح به سياسة ${i('CORS')})`,
  reasonTimeout: ({ seconds }) => `لا رد خلال ${seconds} ثانية`,
  reasonForbidden: 'لا يملك المفتاح صلاحية عرض النماذج (مفتاح مقيّد، أو قيد على المشروع أو المنطقة)',
  reasonQuota: 'نفدت حصة الحساب أو رصيده',
  reasonRateLimited: 'الطلبات كثيرة جدًا الآن',
  reasonStatus: ({ status }) => `ردّت الخدمة بخطأ (${status})`,
  reasonMalformed: 'تعذّرت قراءة ردها',
  reasonFailed: 'فشل التحقق',

  noteAdminKey: 'هذا مفتاح مسؤول: يستطيع إدارة مؤسستك كلها. يكفي مفتاح المشروع لمعظم الاستخدامات.',
  noteUnusualShape: ({ provider }) => `لا يشبه هذا المفتاح المفاتيح التي تصدرها ${i(provider)} اليوم. تأكد من أنه كامل؛ يمكن حفظه مع ذلك.`,
  noteOtherProvider: ({ other, prefix, provider }) => `يبدو هذا المفتاح من ${i(other)} (${i(prefix)}). إن كان مفتاحك من ${i(provider)} فيمكنك حفظه.`,

  errorSummary: ({ count }) => `تعذّر الحفظ: ${fields(count)} إلى مراجعة.`,
  saveFailed: 'تعذّر حفظ بيانات الاعتماد. حاول مرة أخرى.',
};

export const arPicker: CredentialPickerStrings = {
  label: 'بيانات الاعتماد',
  addCredential: 'إضافة بيانات اعتماد',
  empty: 'لا توجد بيانات اعتماد بعد',
  edit: ({ name }) => `تعديل ${i(name)}`,
  delete: ({ name }) => `حذف ${i(name)}`,
  verified: 'تم التحقق',
  rateLimited: 'بلغ حد الطلبات',
  noCredit: 'نفد الرصيد',
  checkCredit: ({ remaining, limit }) => `المتبقي ${i(remaining)} من ${i(limit)}`,
  checkCreditLeft: ({ remaining }) => `المتبقي ${i(remaining)}`,
  keyType: ({ type }) => `مفتاح ${i(type)}`,
  added: ({ date }) => `أُضيف في ${date}`,
  confirmDelete: ({ name }) => `حذف ${i(name)}؟`,
  confirm: 'حذف',
  keep: 'إبقاء',
  deleting: 'جارٍ الحذف…',
  deleteFailed: 'تعذّر حذف بيانات الاعتماد. حاول مرة أخرى.',
  announceNew: ({ name }) => `أُضيف ${i(name)}`,
};

registerLocale('ar', { overlay: ar, picker: arPicker });
