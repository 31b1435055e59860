// Contact attributes with real state: create by category, change values, enumerations and
// options, delete (which clears the attribute on every contact).
import { invalid, missing, notFound, SandboxError, type SandboxRequest, routes, omitUndefined } from './http.js';
import type { Attribute, AttributeCategory, Store } from './store.js';
import { bodyOf, optBool, optString, optStringArray, reqString, type Body } from './validate.js';

const CATEGORIES: AttributeCategory[] = ['normal', 'transactional', 'category', 'calculated', 'global'];
const ATTRIBUTE_TYPES = ['text', 'date', 'float', 'boolean', 'id', 'category', 'multiple-choice', 'user'];

function attributeParams(req: SandboxRequest): { category: AttributeCategory; name: string } {
  const category = req.params.attributeCategory as AttributeCategory;
  if (!CATEGORIES.includes(category)) throw invalid(`attributeCategory should be one of ${CATEGORIES.join(', ')}`);
  const name = (req.params.attributeName ?? '').toUpperCase();
  if (!/^[A-Z0-9_.-]+$/.test(name)) throw invalid('attributeName may hold only letters, digits, _, . and -');
  return { category, name };
}

function findAttribute(store: Store, category: AttributeCategory, name: string): Attribute {
  const attribute = store.attributes.find((a) => a.name === name && a.category === category);
  if (!attribute) throw notFound('Attribute does not exist');
  return attribute;
}

function enumerationOf(body: Body): Attribute['enumeration'] {
  const value = body.enumeration;
  if (value === undefined) return undefined;
  const ok =
    Array.isArray(value) &&
    value.every(
      (e) => e && typeof e === 'object' && Number.isInteger((e as Body).value) && typeof (e as Body).label === 'string',
    );
  if (!ok) throw invalid('enumeration should be an array of {value: integer, label: string}');
  return (value as { value: number; label: string }[]).map((e) => ({ value: e.value, label: e.label }));
}

function createAttribute(req: SandboxRequest, store: Store) {
  const { category, name } = attributeParams(req);
  const body = bodyOf(req);
  if (store.attributes.some((a) => a.name === name))
    throw new SandboxError(400, 'duplicate_parameter', `Attribute ${name} already exists`);
  const attribute: Attribute = { name, category };
  const type = optString(body, 'type');
  if (type !== undefined && !ATTRIBUTE_TYPES.includes(type))
    throw invalid(`type should be one of ${ATTRIBUTE_TYPES.join(', ')}`);
  if (category === 'category') {
    attribute.enumeration = enumerationOf(body);
    if (!attribute.enumeration?.length) throw missing('enumeration');
    attribute.type = 'text';
  } else if (category === 'calculated' || category === 'global') {
    attribute.calculatedValue = reqString(body, 'value');
    attribute.type = 'float';
    const recurring = optBool(body, 'isRecurring');
    if (recurring !== undefined) attribute.isRecurring = recurring;
  } else {
    attribute.type = type ?? 'text';
    if (type === 'multiple-choice') {
      attribute.multiCategoryOptions = optStringArray(body, 'multiCategoryOptions');
      if (!attribute.multiCategoryOptions?.length) throw missing('multiCategoryOptions');
    }
  }
  store.attributes.push(attribute);
  return { status: 201 };
}

function updateAttribute(req: SandboxRequest, store: Store) {
  const { category, name } = attributeParams(req);
  const attribute = findAttribute(store, category, name);
  const body = bodyOf(req);
  const value = optString(body, 'value');
  const enumeration = enumerationOf(body);
  const options = optStringArray(body, 'multiCategoryOptions');
  if (value === undefined && enumeration === undefined && options === undefined) throw missing('value');
  if (value !== undefined) {
    if (category !== 'calculated' && category !== 'global')
      throw invalid('value can be changed only on calculated and global attributes');
    attribute.calculatedValue = value;
  }
  if (enumeration !== undefined) {
    if (category !== 'category') throw invalid('enumeration can be changed only on category attributes');
    attribute.enumeration = enumeration;
  }
  if (options !== undefined)
    attribute.multiCategoryOptions = [...new Set([...(attribute.multiCategoryOptions ?? []), ...options])];
  return { status: 204 };
}

function deleteAttribute(req: SandboxRequest, store: Store) {
  const { category, name } = attributeParams(req);
  const attribute = findAttribute(store, category, name);
  store.attributes.splice(store.attributes.indexOf(attribute), 1);
  for (const c of store.contacts.values()) delete c.attributes[name];
  return { status: 204 };
}

function attributeView(a: Attribute) {
  return {
    name: a.name,
    category: a.category,
    ...omitUndefined({ type: a.type }),
    ...(a.enumeration ? { enumeration: a.enumeration.map((e) => ({ ...e })) } : {}),
    ...omitUndefined({ calculatedValue: a.calculatedValue }),
  };
}

export const attributeRoutes = routes({
  'GET /contacts/attributes': (_req, store) => ({
    status: 200,
    body: { attributes: store.attributes.map(attributeView) },
  }),
  'POST /contacts/attributes/{attributeCategory}/{attributeName}': createAttribute,
  'PUT /contacts/attributes/{attributeCategory}/{attributeName}': updateAttribute,
  'DELETE /contacts/attributes/{attributeCategory}/{attributeName}': deleteAttribute,
});
