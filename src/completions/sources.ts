// Where completion values come from: data, one entry per kind of thing in the account that a
// resource template variable or a prompt argument names. Each is a catalog list operation; the
// value offered is one field of each item (its id), and the user may also type part of a name.

export interface CompletionSource {
  /** The catalog list operation (a tool name in catalog/tools.json). */
  operation: string;
  /** Fixed arguments. */
  args?: Record<string, unknown>;
  /** One call per variant, items merged: for lists Brevo splits by a required filter. */
  variants?: Record<string, unknown>[];
  /** The field offered as the value (default `id`). */
  value?: string;
  /** Fields matched against what the user typed when it holds letters (names, descriptions). */
  labels?: string[];
  /** Items per request when the operation pages (default: the operation's largest limit). */
  pageSize?: number;
}

export const SOURCES = {
  lists: { operation: 'get_lists', labels: ['name'] },
  folders: { operation: 'get_folders', labels: ['name'] },
  segments: { operation: 'get_segments', labels: ['segmentName'] },
  // Template listings carry every template's HTML: small pages keep each answer small.
  templates: { operation: 'get_smtp_templates', labels: ['name', 'subject'], pageSize: 50 },
  emailCampaigns: { operation: 'get_email_campaigns', args: { excludeHtmlContent: true }, labels: ['name', 'subject'] },
  smsCampaigns: { operation: 'get_sms_campaigns', labels: ['name'], pageSize: 100 },
  whatsappCampaigns: { operation: 'get_whatsapp_campaigns', labels: ['campaignName'] },
  senders: { operation: 'get_senders', value: 'email', labels: ['name'] },
  domains: { operation: 'get_domains', value: 'domain_name' },
  webhooks: {
    operation: 'get_webhooks',
    variants: [{ type: 'transactional' }, { type: 'marketing' }, { type: 'inbound' }],
    labels: ['description', 'url'],
  },
  processes: { operation: 'get_processes', labels: ['name', 'status'] },
  pipelines: { operation: 'get_pipelines', value: 'pipeline', labels: ['pipeline_name'] },
  categories: { operation: 'get_categories', labels: ['name'] },
  products: { operation: 'get_products', labels: ['name', 'sku'], pageSize: 100 },
  couponCollections: { operation: 'get_coupon_collections', labels: ['name'] },
  feeds: { operation: 'get_all_external_feeds', labels: ['name'], pageSize: 100 },
} satisfies Record<string, CompletionSource>;

export type SourceName = keyof typeof SOURCES;
