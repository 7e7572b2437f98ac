/**
 * The JSON schemas of the API's bodies: each member's type, and no member that a route does
 * not take (`additionalProperties: false`, with Ajv's `removeAdditional` off so that an
 * unknown member such as `constructor` or `toString` is refused, not silently dropped, and
 * `coerceTypes` off so that `5` is no name). What a value means (a name's length, a key's
 * shape, a field's rule) is for the handlers, with the element's own rules.
 */
import type { FastifyError } from 'fastify';
import { HttpError, quoted } from './input.js';

const text = { type: 'string' } as const;
const fields = { type: 'object', additionalProperties: { type: 'string' } } as const;

const body = (properties: Record<string, object>) => ({ type: 'object', additionalProperties: false, properties }) as const;

/** POST /api/credentials: a `credential-saved` detail's data. */
export const createBody = body({ provider: text, name: text, description: text, apiKey: text, fields, verify: { type: 'boolean' } });

/** PATCH /api/credentials/:id: the same, each optional. */
export const updateBody = createBody;

/** POST /api/credentials/check: a key with its provider and fields, or a saved credential's id. */
export const checkBody = body({ provider: text, apiKey: text, fields, id: text });

/** Ajv's options for these schemas. */
export const AJV_OPTIONS = { removeAdditional: false, coerceTypes: false, useDefaults: false, allErrors: false } as const;

interface AjvError {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
}

const MEMBER_TYPES: Record<string, string> = {
  verify: 'true or false',
};

/** A schema error as the API's `{ field, message }`: on the member it concerns, never echoing a value. */
export function validationError(error: FastifyError): HttpError {
  const first = (error.validation?.[0] ?? { keyword: '', instancePath: '', params: {} }) as AjvError;
  const [member = ''] = first.instancePath.split('/').slice(1);
  if (!member) {
    if (first.keyword === 'additionalProperties') {
      return new HttpError(400, 'body', `Unknown member${quoted(String(first.params.additionalProperty ?? ''))}: this route does not take it.`);
    }
    return new HttpError(400, 'body', 'The body must be a JSON object.');
  }
  if (member === 'fields') return new HttpError(400, 'body', '"fields" must be an object of strings.');
  return new HttpError(400, member, `"${member}" must be ${Object.hasOwn(MEMBER_TYPES, member) ? MEMBER_TYPES[member] : 'a string'}.`);
}
