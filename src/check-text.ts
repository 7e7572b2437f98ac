/**
 * A check result in words (contract sections 6 and 12), for the overlay's "Check key" outcome
 * and the picker's tiles: the status, how many models, the credit left formatted with `Intl`
 * in the page's language and the provider's currency, the expiry date. Plain text, never markup.
 */
import type { CheckResult } from './check-result.js';
import type { CredentialOverlayStrings } from './strings.js';

/** Formatters made once per language and kind (a list of 10,000 tiles formats 10,000 dates). */
const formats = new Map<string, { format(value: number | Date): string }>();

/** The formatter of `kind` in `lang`, else in the browser's language (a malformed `lang`). */
function formatter(kind: string, lang: string, make: (lang?: string) => { format(value: number | Date): string }) {
  const key = `${kind}|${lang}`;
  let f = formats.get(key);
  if (!f) {
    try {
      f = make(lang || undefined);
    } catch {
      f = make();
    }
    formats.set(key, f);
  }
  return f;
}

/** An amount in `currency` (an ISO 4217 code; a plain number without one), in `lang`. */
export function money(amount: number, currency: string | undefined, lang: string): string {
  const options: Intl.NumberFormatOptions = currency ? { style: 'currency', currency } : { maximumFractionDigits: 2 };
  try {
    return formatter(`n${currency}`, lang, (l) => new Intl.NumberFormat(l, options)).format(amount);
  } catch {
    return String(amount); // a currency code Intl does not know
  }
}

/** A date in `lang`, medium style. */
export const day = (iso: string, lang: string): string => formatter('d', lang, (l) => new Intl.DateTimeFormat(l, { dateStyle: 'medium' })).format(new Date(iso));

/** The words of `credit` (left of a limit, or left), `""` when nothing is known. */
export function creditText(
  credit: CheckResult['credit'],
  s: Pick<CredentialOverlayStrings, 'checkCredit' | 'checkCreditLeft'>,
  currency: string | undefined,
  lang: string,
): string {
  if (!credit || !Number.isFinite(credit.remaining)) return '';
  const remaining = money(credit.remaining!, currency, lang);
  return Number.isFinite(credit.limit) ? s.checkCredit({ remaining, limit: money(credit.limit!, currency, lang) }) : s.checkCreditLeft({ remaining });
}

/** "Valid key · 87 models · $6.80 of $10.00 left", in the strings' language. */
export function checkSummary(
  check: CheckResult,
  s: Pick<CredentialOverlayStrings, 'checkValid' | 'checkLimited' | 'checkNoCredit' | 'checkModels' | 'checkCredit' | 'checkCreditLeft' | 'checkExpires'>,
  currency: string | undefined,
  lang: string,
): string {
  const parts = [s.checkValid];
  if (check.status === 'limited') parts.push(s.checkLimited);
  if (check.status === 'no-credit') parts.push(s.checkNoCredit);
  if (check.models) parts.push(s.checkModels({ count: check.models.length }));
  const credit = creditText(check.credit, s, currency, lang);
  if (credit) parts.push(credit);
  if (check.expiresAt) parts.push(s.checkExpires({ date: day(check.expiresAt, lang) }));
  return parts.join(' · ');
}
