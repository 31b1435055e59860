// Senders (from name and address), dedicated IPs and sending domains.
import { z } from 'zod';
import { defineToolset } from './define.js';
import { email } from './shapes.js';

/** Dedicated IPs a sender sends from; weights, if given for all, sum to 100. */
const ips = z
  .array(z.strictObject({ ip: z.string(), domain: z.string(), weight: z.int().min(1).max(100).optional() }))
  .optional()
  .describe('Dedicated IP accounts only; weights sum to 100');

const senderId = { senderId: z.int() };
const domainName = { domainName: z.string() };

export default defineToolset('senders', [
  {
    name: 'get_senders',
    title: 'List senders',
    description: 'List senders (from name and email), optionally only those of a domain or dedicated IP.',
    keywords: ['from addresses', 'from names', 'sending identities'],
    method: 'GET',
    path: '/senders',
    query: { ip: z.string().optional(), domain: z.string().optional() },
  },
  {
    name: 'create_sender',
    title: 'Create sender',
    description: 'Add a from name and email; Brevo emails that address a code to confirm with validate_sender_by_otp.',
    keywords: ['new from address', 'add sending address', 'new sender'],
    method: 'POST',
    path: '/senders',
    body: { name: z.string(), email: email, ips },
  },
  {
    name: 'update_sender',
    title: 'Update sender',
    description: "Change a sender's name, email or dedicated IPs (ips replaces them all).",
    keywords: ['change from name', 'change from address'],
    method: 'PUT',
    path: '/senders/{senderId}',
    pathParams: senderId,
    body: { name: z.string().optional(), email: email.optional(), ips },
  },
  {
    name: 'delete_sender',
    title: 'Delete sender',
    description: 'Delete a sender.',
    keywords: ['remove sender', 'remove from address'],
    method: 'DELETE',
    path: '/senders/{senderId}',
    pathParams: senderId,
  },
  {
    name: 'validate_sender_by_otp',
    title: 'Verify sender',
    description: 'Verify a new sender with the 6-digit code emailed to its address.',
    keywords: ['confirm sender', 'verification code', 'verify sender email', 'otp'],
    method: 'PUT',
    path: '/senders/{senderId}/validate',
    pathParams: senderId,
    body: { otp: z.int() },
  },
  {
    name: 'get_ips_from_sender',
    title: 'List sender IPs',
    description: 'The dedicated IPs one sender sends from, with their weights.',
    keywords: ['ips of a sender'],
    method: 'GET',
    path: '/senders/{senderId}/ips',
    pathParams: senderId,
  },
  {
    name: 'get_dedicated_ips',
    title: 'List dedicated IPs',
    description: 'Every dedicated IP of the account with its domain and whether it is active.',
    keywords: ['ip addresses', 'our ips'],
    method: 'GET',
    path: '/senders/ips',
  },
  {
    name: 'get_domains',
    title: 'List domains',
    description: 'Sending domains with their verified and authenticated status.',
    keywords: ['sending domains', 'all domains', 'verified domains'],
    method: 'GET',
    path: '/senders/domains',
  },
  {
    name: 'create_domain',
    title: 'Add domain',
    description: 'Add a sending domain; returns the DNS records to publish before authenticate_domain.',
    keywords: ['add sending domain', 'new domain', 'dns records to publish'],
    method: 'POST',
    path: '/senders/domains',
    body: { name: z.string() },
  },
  {
    name: 'get_domain_configuration',
    title: 'Check domain DNS',
    description: "A domain's expected DNS records and whether each is in place, plus its status.",
    keywords: ['dns records', 'spf', 'dkim', 'dmarc', 'is domain verified', 'domain status'],
    method: 'GET',
    path: '/senders/domains/{domainName}',
    pathParams: domainName,
  },
  {
    name: 'authenticate_domain',
    title: 'Authenticate domain',
    description: "Have Brevo check a domain's published DNS records and authenticate it.",
    keywords: ['verify domain', 'check dns', 'validate domain'],
    method: 'PUT',
    path: '/senders/domains/{domainName}/authenticate',
    pathParams: domainName,
  },
  {
    name: 'delete_domain',
    title: 'Delete domain',
    description: 'Remove a sending domain from the account.',
    keywords: ['remove domain'],
    method: 'DELETE',
    path: '/senders/domains/{domainName}',
    pathParams: domainName,
  },
]);
