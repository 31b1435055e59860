// External feeds: URLs whose JSON campaigns pull content from.
import { z } from 'zod';
import { defineToolset } from './define.js';
import { sortOrder } from './shapes.js';

const authType = z.enum(['basic', 'token', 'noAuth']);

const feedFields = {
  name: z.string().optional(),
  url: z.url().optional(),
  authType: authType.optional(),
  username: z.string().optional(),
  password: z.string().optional(),
  token: z.string().optional(),
  headers: z.array(z.strictObject({ name: z.string().optional(), value: z.string().optional() })).optional(),
  maxRetries: z.int().min(0).max(5).optional(),
  cache: z.boolean().optional(),
};

export default defineToolset('feeds', [
  {
    name: 'get_all_external_feeds',
    title: 'List external feeds',
    description: 'List external feeds, filterable by name, authType and creation dates within the last 30 days.',
    keywords: ['data feeds', 'rss feeds', 'all feeds'],
    method: 'GET',
    path: '/feeds',
    query: {
      search: z.string().optional(),
      startDate: z.iso.date().optional(),
      endDate: z.iso.date().optional(),
      sort: sortOrder.optional(),
      authType: authType.optional(),
      limit: z.int().min(0).max(500).optional(),
      offset: z.int().optional(),
    },
  },
  {
    name: 'create_external_feed',
    title: 'Create external feed',
    description:
      'Register a URL whose data campaigns can insert; authType basic uses username/password, token ' +
      'uses token. Returns its id.',
    keywords: ['new data feed', 'connect feed url', 'dynamic content source', 'rss', 'json feed'],
    method: 'POST',
    path: '/feeds',
    body: { ...feedFields, name: z.string(), url: z.url() },
  },
  {
    name: 'get_external_feed_by_uuid',
    title: 'Get external feed',
    description: 'One external feed with its URL, authentication and retry settings.',
    keywords: ['feed details'],
    method: 'GET',
    path: '/feeds/{uuid}',
    pathParams: { uuid: z.string() },
  },
  {
    name: 'update_external_feed',
    title: 'Update external feed',
    description: 'Change an external feed; only the fields given change.',
    keywords: ['change feed url', 'change feed token', 'edit feed'],
    method: 'PUT',
    path: '/feeds/{uuid}',
    pathParams: { uuid: z.string() },
    body: feedFields,
  },
  {
    name: 'delete_external_feed',
    title: 'Delete external feed',
    description: 'Delete an external feed.',
    keywords: ['remove feed'],
    method: 'DELETE',
    path: '/feeds/{uuid}',
    pathParams: { uuid: z.string() },
  },
]);
