// The routes of the core areas (processes, activity, blocklists, inbound, tracker, campaign and
// contact extras), and the loud 501 for any contract operation that no route serves.
import { readFileSync } from 'node:fs';
import { blocklistRoutes } from './blocklist-api.js';
import { campaignExtraRoutes } from './campaign-extras-api.js';
import { contactOptionRoutes } from './contact-options-api.js';
import { inboundRoutes } from './inbound-api.js';
import { processRoutes } from './processes-api.js';
import { trackerRoutes } from './tracker-api.js';
import { operationOf, SandboxError, type Route } from './http.js';
import { requestsUrl } from './request-check.js';

export const coreRoutes: Route[][] = [
  processRoutes,
  campaignExtraRoutes,
  contactOptionRoutes,
  blocklistRoutes,
  inboundRoutes,
  trackerRoutes,
];

/** Every operation of Brevo's definition, "METHOD /template" (requests.json is generated from it). */
export function contractOperations(): string[] {
  return Object.keys(JSON.parse(readFileSync(requestsUrl, 'utf8')) as Record<string, unknown>);
}

/** The answer of an operation the emulator has no state for: a 501 that says so, never an example body. */
export const unservedAnswer: Route[2] = (req) => {
  throw new SandboxError(
    501,
    'not_implemented',
    `The sandbox does not emulate ${req.method} ${req.path} yet: it answers only what it can do for real`,
  );
};

/** A 501 route for every contract operation; routes with real state are laid over them. */
export function unserved(): Route[] {
  return contractOperations().map((key): Route => [...operationOf(key), unservedAnswer]);
}
