// Every toolset of the catalog, each in its own file under src/tools/, loaded on first use.
import type { Operation, Toolset } from './define.js';

interface ToolsetInfo {
  /** One line for people, in the toolset tables of docs/TOOLS.md (scripts/write-catalog.mjs) and the README. */
  summary: string;
  load: () => Promise<{ default: Toolset }>;
}

export const toolsets: Record<string, ToolsetInfo> = {
  transactional_email: {
    summary:
      'Transactional email: send, schedule, templates, statistics, events, logs, blocked contacts ' +
      'and domains, inbound parsing',
    load: () => import('./transactional_email.js'),
  },
  transactional_sms: {
    summary: 'Transactional SMS: send, statistics, events',
    load: () => import('./transactional_sms.js'),
  },
  whatsapp: { summary: 'Transactional WhatsApp messages and their events', load: () => import('./whatsapp.js') },
  contacts: {
    summary: 'Contacts, lists, folders, contact attributes, segments, imports and exports',
    load: () => import('./contacts.js'),
  },
  email_campaigns: {
    summary: 'Email campaigns: create, schedule, send, test, report, A/B results, exports',
    load: () => import('./email_campaigns.js'),
  },
  sms_campaigns: {
    summary: 'SMS campaigns: create, schedule, send, test, report, exports',
    load: () => import('./sms_campaigns.js'),
  },
  whatsapp_campaigns: {
    summary: 'WhatsApp campaigns and templates, WhatsApp account configuration',
    load: () => import('./whatsapp_campaigns.js'),
  },
  webhooks: {
    summary: 'Webhooks for transactional, marketing and inbound events, and their history',
    load: () => import('./webhooks.js'),
  },
  senders: {
    summary: 'Senders, sending domains and their authentication, dedicated IPs',
    load: () => import('./senders.js'),
  },
  account: {
    summary: 'Account details, plan and credits, background processes, activity log',
    load: () => import('./account.js'),
  },
  users: { summary: 'Users of the organisation: invitations and permissions', load: () => import('./users.js') },
  reseller: {
    summary: 'Reseller child accounts: creation, credits, domains, IPs, SSO',
    load: () => import('./reseller.js'),
  },
  corporate: {
    summary: 'Corporate (master) account: sub-accounts, groups, admin users, IPs, SSO',
    load: () => import('./corporate.js'),
  },
  crm: {
    summary: 'Sales CRM: companies, deals, pipelines, tasks, notes, files, CRM attributes',
    load: () => import('./crm.js'),
  },
  conversations: {
    summary: 'Conversations (chat): messages, automated messages, agent status',
    load: () => import('./conversations.js'),
  },
  ecommerce: {
    summary: 'E-commerce: orders, products, categories, attribution, activation and currency',
    load: () => import('./ecommerce.js'),
  },
  coupons: { summary: 'Coupon collections and coupons', load: () => import('./coupons.js') },
  loyalty: {
    summary: 'Loyalty programs: subscriptions, balances, transactions, tiers, rewards and vouchers',
    load: () => import('./loyalty.js'),
  },
  events: { summary: 'Custom events about contacts, for automations and segments', load: () => import('./events.js') },
  feeds: { summary: 'External data feeds used in campaign content', load: () => import('./feeds.js') },
  payments: { summary: 'Payment requests', load: () => import('./payments.js') },
  tracker: {
    summary: 'Automation tracker (needs BREVO_MA_KEY): identify users, track events, links and pages',
    load: () => import('./tracker.js'),
  },
};

export const toolsetNames = Object.keys(toolsets);

const loaded = new Map<string, Promise<Map<string, Operation>>>();

/** The operation behind a tool name, building its toolset's schemas on first use. */
export async function loadOperation(toolset: string, name: string): Promise<Operation | undefined> {
  let ops = loaded.get(toolset);
  if (!ops) {
    const info = toolsets[toolset];
    if (!info) return undefined;
    ops = info.load().then((m) => new Map(m.default.operations.map((op) => [op.name, op])));
    loaded.set(toolset, ops);
  }
  return (await ops).get(name);
}

/** Every operation of every toolset, in catalog order (for the manifest and tests). */
export async function loadCatalog(): Promise<Operation[]> {
  const all = await Promise.all(toolsetNames.map((name) => toolsets[name]!.load()));
  return all.flatMap((m) => m.default.operations);
}
