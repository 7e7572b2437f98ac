// Languages, second half (test/i18n.ts).
import { describeLanguages } from './i18n.js';

describeLanguages(['pl', 'ja', 'zh-CN', 'ko', 'ar']);
