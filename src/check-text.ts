/**
 * A check result in words (contract sections 6 and 12), for the overlay's "Check key" outcome
 * and the picker's tiles: the status, how many models, the credit left formatted with `Intl`
 * in the page's language and the provider's currency, the expiry date. Plain text, never markup.
 */
import type { CheckResult } from './check.js';

/** An amount in `currency` (an ISO 4217 code; a plain number without one), in `lang`. */
export function money(amount: number, currency: string | undefined, lang: string): string {
  const options: Intl.NumberFormatOptions = currency ? { style: 'currency', currency } : { maximumFractionDigits: 2 };
  try {
    return new Intl.NumberFormat(lang || undefined, options).format(amount);
  } catch {
    return new Intl.NumberFormat(undefined, currency ? options : { maximumFractionDigits: 2 }).format(amount);
  }
}

/** A date in `lang`, medium style. */
export function day(iso: string, lang: string): string {
  const date = new Date(iso);
  try {
    return new Intl.DateTimeFormat(lang || undefined, { dateStyle: 'medium' }).format(date);
  } catch {
    return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }).format(date);
  }
}

/** The words of `credit` (left of a limit, or left), `""` when nothing is known. */
export function creditText(
  credit: CheckResult['credit'],
  s: { checkCredit: (p: { remaining: string; limit: string }) => string; checkCreditLeft: (p: { remaining: string }) => string },
  currency: string | undefined,
  lang: string,
): string {
  if (!credit || typeof credit.remaining !== 'number') return '';
  const remaining = money(credit.remaining, currency, lang);
  return typeof credit.limit === 'number' ? s.checkCredit({ remaining, limit: money(credit.limit, currency, lang) }) : s.checkCreditLeft({ remaining });
}

/** "Valid key · 87 models · $6.80 of $10.00 left", in the strings' language. */
export function checkSummary(
  check: CheckResult,
  s: {
    checkValid: string;
    checkLimited: string;
    checkNoCredit: string;
    checkModels: (p: { count: number }) => string;
    checkCredit: (p: { remaining: string; limit: string }) => string;
    checkCreditLeft: (p: { remaining: string }) => string;
    checkExpires: (p: { date: string }) => string;
  },
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
