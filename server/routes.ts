/**
 * The credential routes (contract sections 14 and 15), below `/api`, each scoped to the
 * request's owner:
 *
 *   GET    /api/credentials         summaries, never a key
 *   POST   /api/credentials         { provider, name, description, apiKey, fields, verify? } → 201
 *   PATCH  /api/credentials/:id     the same, each optional; apiKey "" or absent keeps the key → 200
 *   DELETE /api/credentials/:id     → 204
 *   POST   /api/credentials/check   { provider, apiKey, fields } or { id, fields?, apiKey? } → { ok: true, check } or { ok: false, message, unreachable? }
 *
 * A saved key is never sent to an address it was not saved for: a change of a `url` field
 * (in a PATCH, or in a check by id) needs the key again.
 *
 * A passing check of a saved credential's own key and fields (POST or PATCH with `verify`, a
 * check by id) is kept with it as its summary's `check`, without the models, and `verified`
 * set; written only if that key and those fields are still the saved ones when the check ends.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { CheckResult, VerifyResult } from '../src/check.js';
import { movesKey } from '../src/form.js';
import type { ProviderPreset } from '../src/presets/types.js';
import type { Check } from './checker.js';
import { checkDescription, checkFields, checkName, givenKey, HttpError, idOf, newKey, notFound, presetOf } from './input.js';
import { checkBody, createBody, updateBody } from './schemas.js';
import { DuplicateName, type Change, type Saved, type Store, type Summary } from './store.js';

interface Body {
  provider?: string;
  name?: string;
  description?: string;
  apiKey?: string;
  fields?: Record<string, string>;
  verify?: boolean;
  id?: string;
}

const moved = () => new HttpError(400, 'apiKey', 'Enter the key again: it would be sent to a new address.');

/** The saved fields with the request's over them, refused when they would move a saved key and no key is given. */
function fieldsOverSaved(preset: ProviderPreset, given: Body['fields'], saved: Saved, key: unknown): Record<string, string> {
  const fields = given === undefined ? saved.fields : checkFields(preset, given, saved.fields);
  if (!key && saved.hasKey && movesKey(preset, saved.fields, fields)) throw moved();
  return fields;
}

/** Whether two sets of field values are the same for every field of the preset (a row's jsonb keeps its own member order). */
const sameFields = (preset: ProviderPreset, a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>) =>
  (preset.fields ?? []).every((f) => (a[f.id] ?? '') === (b[f.id] ?? ''));

/** The methods Fastify routes; a path answers 405 with `Allow` for those it does not take. */
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'TRACE', 'QUERY'];

function only(api: FastifyInstance, url: string, allowed: string[]) {
  const allow = allowed.includes('GET') ? [...allowed, 'HEAD'] : allowed;
  const header = [...allow].sort().join(', ');
  api.route({
    method: METHODS.filter((m) => !allow.includes(m)),
    url,
    // Before the body is read: a wrong method is 405 whatever it sends.
    onRequest: async (request) => {
      throw new HttpError(405, 'body', `${request.method} is not allowed here; this address takes ${header}.`, { allow: header });
    },
    handler: async () => undefined,
  });
}

export function credentialRoutes(api: FastifyInstance, { store, check, ownerOf }: { store: Store; check: Check; ownerOf: (request: FastifyRequest) => string }) {
  const body = (request: FastifyRequest) => request.body as Body;

  async function create(request: FastifyRequest): Promise<Summary> {
    const owner = ownerOf(request);
    const b = body(request);
    const preset = presetOf(b.provider);
    const name = checkName(b.name ?? '');
    const description = checkDescription(b.description ?? '');
    const fields = checkFields(preset, b.fields);
    const key = newKey(preset, b.apiKey);
    let verified = false;
    let checked: CheckResult | undefined;
    if (b.verify) {
      // A name that is taken is refused before the key goes anywhere.
      if (await store.nameTaken(owner, preset.id, name)) throw new DuplicateName();
      const result = await check(request, preset, key?.apiKey ?? '', fields);
      if (!result.ok) throw new HttpError(400, 'apiKey', result.message);
      verified = true;
      checked = result.check;
    }
    return store.create(owner, {
      provider: preset.id,
      name,
      description,
      fields,
      apiKey: key?.apiKey ?? '',
      keyHint: key?.keyHint ?? '',
      keyType: key?.keyType ?? 'none',
      verified,
      check: checked,
    });
  }

  async function update(request: FastifyRequest<{ Params: { id: string } }>): Promise<Summary> {
    const owner = ownerOf(request);
    const id = idOf(request.params.id);
    const b = body(request);
    const first = await store.get(owner, id);
    if (!first) throw notFound();
    if (b.provider !== undefined && b.provider !== first.provider) throw new HttpError(400, 'provider', 'The provider of a saved credential cannot change.');
    const preset = presetOf(first.provider);
    const name = b.name === undefined ? undefined : checkName(b.name);
    const description = b.description === undefined ? undefined : checkDescription(b.description);
    // "" or absent keeps the saved key: nothing can blank it.
    const key = givenKey(preset, b.apiKey);
    const fieldsOver = (saved: Saved) => fieldsOverSaved(preset, b.fields, saved, key);
    const intended = fieldsOver(first);

    // The check runs before the write and outside it (it may take seconds), on one reading of
    // the key with the fields it was saved for.
    let checked: { fields: Record<string, string>; keyTag: string; result?: CheckResult } | undefined;
    if (b.verify) {
      if (name !== undefined && (await store.nameTaken(owner, preset.id, name, id))) throw new DuplicateName();
      const now: (Saved & { apiKey?: string }) | undefined = key ? first : await store.open(owner, id);
      if (!now) throw notFound();
      const fields = fieldsOver(now);
      const result = await check(request, preset, key?.apiKey ?? now.apiKey ?? '', fields, { owner, id });
      if (!result.ok) throw new HttpError(400, 'apiKey', result.message);
      checked = { fields, keyTag: now.keyTag, result: result.check };
    }

    // The write decides on the row as it is now: a change made meanwhile is kept, and a
    // check's "verified" is written only if it checked what is saved.
    const summary = await store.update(owner, id, (now) => {
      const fields = fieldsOver(now);
      // A new key goes only to the address it was given for: not to one that another change moved it to meanwhile.
      if (key && movesKey(preset, intended, fields)) {
        throw new HttpError(409, 'apiKey', 'The address of this credential changed while the key was being saved. Open it again and enter the key for the new address.');
      }
      const change: Change = { name, description, ...(b.fields !== undefined && { fields }) };
      if (key) Object.assign(change, { apiKey: key.apiKey, keyHint: key.keyHint, keyType: key.keyType });
      if (checked && sameFields(preset, checked.fields, fields) && (key || now.keyTag === checked.keyTag)) Object.assign(change, { verified: true, check: checked.result ?? null });
      else if (key || !sameFields(preset, now.fields, fields)) Object.assign(change, { verified: false, check: null });
      return change;
    });
    if (!summary) throw notFound();
    return summary;
  }

  async function checkCredential(request: FastifyRequest): Promise<VerifyResult> {
    const owner = ownerOf(request);
    const b = body(request);
    if (b.id === undefined) {
      const preset = presetOf(b.provider);
      const fields = checkFields(preset, b.fields);
      const key = newKey(preset, b.apiKey);
      return check(request, preset, key?.apiKey ?? '', fields);
    }
    const id = idOf(b.id);
    // The key and the fields it was saved for, from one reading of the row.
    const saved = await store.open(owner, id);
    if (!saved) throw notFound();
    if (b.provider !== undefined && b.provider !== saved.provider) throw new HttpError(400, 'provider', 'This credential is of another provider.');
    const preset = presetOf(saved.provider);
    const key = givenKey(preset, b.apiKey);
    const fields = fieldsOverSaved(preset, b.fields, saved, key);
    const result = await check(request, preset, key?.apiKey ?? saved.apiKey, fields, { owner, id });
    // Kept with the credential only when it checked what is saved (its key, none or the same
    // given again, with its fields), and only if that is still saved now that it answered.
    const ofSaved = (!key || key.apiKey === saved.apiKey) && sameFields(preset, saved.fields, fields);
    if (result.ok && result.check && ofSaved) {
      const passed = result.check;
      await store.update(
        owner,
        id,
        (now): Change => (now.keyTag === saved.keyTag && sameFields(preset, now.fields, saved.fields) ? { verified: true, check: passed } : {}),
        { touch: false },
      );
    }
    return result;
  }

  api.get('/credentials', async (request) => store.list(ownerOf(request)));
  api.post('/credentials', { schema: { body: createBody } }, async (request, reply) => reply.code(201).send(await create(request)));
  api.post('/credentials/check', { schema: { body: checkBody } }, checkCredential);
  api.patch<{ Params: { id: string } }>('/credentials/:id', { schema: { body: updateBody } }, update);
  api.delete<{ Params: { id: string } }>('/credentials/:id', async (request, reply) => {
    if (!(await store.remove(ownerOf(request), idOf(request.params.id)))) throw notFound();
    return reply.code(204).send();
  });
  only(api, '/credentials', ['GET', 'POST']);
  only(api, '/credentials/check', ['POST']);
  only(api, '/credentials/:id', ['PATCH', 'DELETE']);
}
