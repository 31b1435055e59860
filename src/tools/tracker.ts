// The automation tracker (in-automate.brevo.com): identify visitors and record what they do.
// It authenticates with the tracker's own key (BREVO_MA_KEY, sent as `ma-key`), not the API key,
// and answers 204. There is no OpenAPI definition for it; the bodies follow Brevo's tracker docs.
import { z } from 'zod';
import { defineToolset } from './define.js';
import { freeRecord } from './shapes.js';

const properties = freeRecord.optional().describe('Free key/value details');

export default defineToolset('tracker', [
  {
    name: 'identify_user',
    title: 'Identify tracked user',
    description: 'Create or update a contact by email with attributes (e.g. FIRSTNAME) through the tracker.',
    keywords: ['identify visitor', 'update contact attributes from website', 'tracker identify'],
    method: 'POST',
    path: '/api/v2/identify',
    host: 'tracker',
    idempotent: true,
    body: { email: z.string(), attributes: freeRecord.optional() },
  },
  {
    name: 'track_event',
    title: 'Track event',
    description: 'Record a named event for a contact by email, for automations; eventdata adds an id and details.',
    keywords: ['tracker event', 'website event', 'behaviour event'],
    method: 'POST',
    path: '/api/v2/trackEvent',
    host: 'tracker',
    body: {
      email: z.string(),
      event: z.string(),
      properties,
      eventdata: z.strictObject({ id: z.string().optional(), data: freeRecord.optional() }).optional(),
    },
  },
  {
    name: 'track_link',
    title: 'Track link click',
    description: 'Record that a contact (by email) clicked a link.',
    keywords: ['link clicked', 'click tracking'],
    method: 'POST',
    path: '/api/v2/trackLink',
    host: 'tracker',
    body: { email: z.string(), link: z.string(), properties },
  },
  {
    name: 'track_page',
    title: 'Track page view',
    description: 'Record that a contact (by email) viewed a page.',
    keywords: ['page view', 'page visited', 'web tracking'],
    method: 'POST',
    path: '/api/v2/trackPage',
    host: 'tracker',
    body: { email: z.string(), page: z.string(), properties },
  },
]);
