import { describeRequests } from '../../test/support/request-cases.js';

// What Brevo must receive as the body, where the arguments give it as it is.
const createEventBody = {
  event_name: 'video_played',
  event_date: '2026-11-20T17:39:57+01:00',
  identifiers: { email_id: 'ann.lee@example.com', ext_id: 'cust-881' },
  contact_properties: { FIRSTNAME: 'Ann', AGE: 34 },
  event_properties: {
    video_title: 'Getting started',
    duration: 142,
    watched_ratio: 0.85,
    autoplayed: false,
    player: { device: 'mobile' },
    chapters: [{ title: 'Intro' }, { title: 'Setup' }],
  },
};

describeRequests('events', [
  {
    tool: 'create_event',
    args: createEventBody,
    reply: { status: 204 },
    expect: {
      method: 'POST',
      path: '/events',
      body: createEventBody,
    },
  },
  {
    tool: 'create_event',
    label: 'phone identifier only',
    args: { event_name: 'cart_abandoned', identifiers: { phone_id: '+33612345678' } },
    reply: { status: 204 },
    expect: {
      method: 'POST',
      path: '/events',
      body: { event_name: 'cart_abandoned', identifiers: { phone_id: '+33612345678' } },
    },
  },
]);
