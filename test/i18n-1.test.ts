// Languages, first half (test/i18n.ts).
import { describeLanguages } from './i18n.js';

describeLanguages(['de', 'fr', 'es', 'pt-BR', 'it', 'nl']);
