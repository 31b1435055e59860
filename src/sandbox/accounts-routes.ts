// The account-level areas with real state, as one route list for sandboxRoutes(): corporate
// (master account and sub-accounts), reseller children, organization users, conversations.
import { conversationRoutes } from './conversations-api.js';
import { corporateRoutes } from './corporate-api.js';
import { corporateGroupRoutes } from './corporate-groups-api.js';
import type { Route } from './http.js';
import { organizationRoutes } from './organization-api.js';
import { resellerRoutes } from './reseller-api.js';

export const accountAreaRoutes: Route[] = [
  ...corporateRoutes,
  ...corporateGroupRoutes,
  ...resellerRoutes,
  ...organizationRoutes,
  ...conversationRoutes,
];
