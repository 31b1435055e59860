// External product feeds with real state: create (names unique), list (search, dates, auth type),
// read, update what is given, delete. The sandbox keeps a feed's settings; it never fetches its URL.
import { randomUUID } from 'node:crypto';
import { COMMERCE_CAPS, type Feed } from './commerce-store.js';
import { invalid, SandboxError, type SandboxRequest, routes } from './http.js';
import { DAY, type Store } from './store.js';
import { bodyOf, optBool, optInt, optString, paging, queryDate, reqString, setGiven, type Body } from './validate.js';
import { checkCap } from './limits.js';

function uniqueName(store: Store, name: string, except?: string): void {
  for (const f of store.commerce.feeds.values())
    if (f.id !== except && f.name.toLowerCase() === name.toLowerCase())
      throw new SandboxError(400, 'duplicate_parameter', `A feed named ${name} already exists`);
}

/** Applies the body's fields, then checks the credentials the auth type needs are there. */
function feedFields(store: Store, body: Body, feed: Feed): void {
  const name = optString(body, 'name');
  if (name !== undefined) {
    if (!name.trim()) throw invalid('name should not be empty');
    uniqueName(store, name, feed.id);
    feed.name = name;
  }
  const url = optString(body, 'url');
  if (url !== undefined) feed.url = url;
  const authType = optString(body, 'authType') as Feed['authType'] | undefined;
  if (authType !== undefined) feed.authType = authType;
  for (const key of ['username', 'password', 'token'] as const) {
    const value = optString(body, key);
    if (value !== undefined) feed[key] = value;
  }
  if (Array.isArray(body.headers))
    feed.headers = (body.headers as Body[]).map((h, i) => {
      if (typeof h.name !== 'string' || !h.name) throw invalid(`headers[${i}].name is missing`);
      return { name: h.name, value: typeof h.value === 'string' ? h.value : '' };
    });
  setGiven(feed, { maxRetries: optInt(body, 'maxRetries'), cache: optBool(body, 'cache') });
  // Credentials of another auth type are not kept.
  if (feed.authType !== 'basic') {
    delete feed.username;
    delete feed.password;
  }
  if (feed.authType !== 'token') delete feed.token;
  if (feed.authType === 'basic' && (!feed.username || !feed.password))
    throw new SandboxError(400, 'missing_parameter', 'username and password are needed when authType is basic');
  if (feed.authType === 'token' && !feed.token)
    throw new SandboxError(400, 'missing_parameter', 'token is missing (authType is token)');
  feed.modifiedAt = store.now();
}

function createFeed(req: SandboxRequest, store: Store) {
  const body = bodyOf(req);
  const name = reqString(body, 'name');
  uniqueName(store, name);
  checkCap(store.commerce.feeds.size, COMMERCE_CAPS.feeds, 'feeds');
  const now = store.now();
  const feed: Feed = {
    id: randomUUID(),
    name,
    url: reqString(body, 'url'),
    authType: 'noAuth',
    headers: [],
    maxRetries: 5,
    cache: false,
    createdAt: now,
    modifiedAt: now,
  };
  feedFields(store, body, feed);
  store.commerce.feeds.set(feed.id, feed);
  return { status: 201, body: { id: feed.id } };
}

function listFeeds(req: SandboxRequest, store: Store) {
  const search = (req.query.get('search') ?? '').toLowerCase();
  const authType = req.query.get('authType');
  const start = queryDate(req, 'startDate');
  const end = queryDate(req, 'endDate');
  if ((start === undefined) !== (end === undefined)) throw invalid('startDate and endDate go together');
  if (start && end) {
    if (end < start) throw invalid('endDate should not be before startDate');
    if (end.getTime() - start.getTime() > 31 * DAY)
      throw invalid('startDate and endDate should be at most a month apart');
  }
  const order = req.query.get('sort') || 'desc';
  if (order !== 'asc' && order !== 'desc') throw invalid('sort should be asc or desc');
  const feeds = [...store.commerce.feeds.values()]
    .filter((f) => !search || f.name.toLowerCase().includes(search))
    .filter((f) => !authType || f.authType === authType)
    .filter(
      (f) =>
        !start || !end || (Date.parse(f.createdAt) >= start.getTime() && Date.parse(f.createdAt) < end.getTime() + DAY),
    )
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) * (order === 'asc' ? 1 : -1));
  const { limit, offset } = paging(req, 50, 500);
  return {
    status: 200,
    body: { count: feeds.length, feeds: feeds.slice(offset, offset + limit).map((f) => store.commerce.feedView(f)) },
  };
}

export const feedRoutes = routes({
  'GET /feeds': listFeeds,
  'POST /feeds': createFeed,
  'GET /feeds/{uuid}': (req, store) => ({
    status: 200,
    body: store.commerce.feedView(store.commerce.feed(req.params.uuid ?? '')),
  }),
  'PUT /feeds/{uuid}': (req, store) => {
    const feed = store.commerce.feed(req.params.uuid ?? '');
    // Checked on a copy: a refused update changes nothing.
    const next: Feed = { ...feed, headers: [...feed.headers] };
    feedFields(store, bodyOf(req), next);
    Object.assign(feed, next);
    for (const key of ['username', 'password', 'token'] as const) if (next[key] === undefined) delete feed[key];
    return { status: 204 };
  },
  'DELETE /feeds/{uuid}': (req, store) => {
    store.commerce.feeds.delete(store.commerce.feed(req.params.uuid ?? '').id);
    return { status: 204 };
  },
});
