// What the server offers as resources: data, one entry per brevo:// URI. Each entry is a catalog
// read operation with fixed arguments. Everything else is derived from the catalog by
// src/resources/index.ts: whether the collection is paged (the operation takes offset and limit)
// and up to what page size, which URI variables are integers, and which tools change it.
import type { SourceName } from '../completions/sources.js';

export interface ResourceDefinition {
  /**
   * A brevo:// URI. With `{variable}` path segments it is a template for one item (or one item's
   * sub-collection); a paged template is listed with `{?offset,limit}` appended.
   */
  uri: string;
  /** Programmatic name, unique. */
  name: string;
  title: string;
  description: string;
  /** The catalog read operation behind it (a tool name in catalog/tools.json). */
  operation: string;
  /** Fixed arguments for the operation. */
  args?: Record<string, unknown>;
  /** URI variable → operation argument, where the names differ (`{pipelineId}` → `pipelineID`). */
  argNames?: Record<string, string>;
  /** URI variable → the completion source offering its values (ids in the account). */
  complete?: Record<string, SourceName>;
  /** Query fields of the operation a reader may set in the URI's query, besides offset and limit. */
  filters?: string[];
  /** Page size when the URI gives no limit (default: 50, or the operation's maximum if lower). */
  pageSize?: number;
  /** The content is this string field of the answer, as text/html (not the JSON). */
  htmlField?: string;
  /**
   * API paths besides the operation's own whose writes change this collection, e.g. any write
   * under /contacts can change which contacts a list holds.
   */
  changedBy?: string[];
}

export const RESOURCES: ResourceDefinition[] = [
  {
    uri: 'brevo://account',
    name: 'account',
    title: 'Account',
    description: 'Company, plan and credits.',
    operation: 'get_account',
  },

  // Contacts
  {
    uri: 'brevo://contacts/lists',
    name: 'contact-lists',
    title: 'Contact lists',
    description: 'Contact lists with their subscriber and blocklisted counts.',
    operation: 'get_lists',
    changedBy: ['/contacts'],
  },
  {
    uri: 'brevo://contacts/lists/{listId}',
    name: 'contact-list',
    title: 'Contact list',
    description: 'One contact list with its counts and campaign statistics.',
    operation: 'get_list',
    complete: { listId: 'lists' },
    changedBy: ['/contacts'],
  },
  {
    uri: 'brevo://contacts/lists/{listId}/contacts',
    name: 'contact-list-contacts',
    title: 'Contacts of a list',
    description: 'The contacts of one list with their attributes and blocklist flags.',
    operation: 'get_contacts_from_list',
    complete: { listId: 'lists' },
    changedBy: ['/contacts'],
  },
  {
    uri: 'brevo://contacts/folders',
    name: 'contact-folders',
    title: 'Contact folders',
    description: 'Folders that group contact lists, with their counts.',
    operation: 'get_folders',
    changedBy: ['/contacts'],
  },
  {
    uri: 'brevo://contacts/folders/{folderId}',
    name: 'contact-folder',
    title: 'Contact folder',
    description: 'One folder with its counts.',
    operation: 'get_folder',
    complete: { folderId: 'folders' },
    changedBy: ['/contacts'],
  },
  {
    uri: 'brevo://contacts/folders/{folderId}/lists',
    name: 'contact-folder-lists',
    title: 'Lists of a folder',
    description: 'The contact lists in one folder.',
    operation: 'get_folder_lists',
    complete: { folderId: 'folders' },
    changedBy: ['/contacts'],
  },
  {
    uri: 'brevo://contacts/attributes',
    name: 'contact-attributes',
    title: 'Contact attributes',
    description: 'Contact attributes with their category, type and options.',
    operation: 'get_attributes',
  },
  {
    uri: 'brevo://contacts/segments',
    name: 'contact-segments',
    title: 'Segments',
    description: 'Contact segments with their category.',
    operation: 'get_segments',
  },

  // Transactional email
  {
    uri: 'brevo://templates',
    name: 'email-templates',
    title: 'Email templates',
    description:
      'Transactional email templates; long HTML is left out of the listing. ?templateStatus=true|false ' +
      'keeps only active or inactive ones.',
    operation: 'get_smtp_templates',
    filters: ['templateStatus'],
  },
  {
    uri: 'brevo://templates/{templateId}',
    name: 'email-template',
    title: 'Email template',
    description: 'One email template with its sender, subject and HTML.',
    operation: 'get_smtp_template',
    complete: { templateId: 'templates' },
  },
  {
    uri: 'brevo://templates/{templateId}/html',
    name: 'email-template-html',
    title: 'Email template HTML',
    description: 'The HTML body of one email template, as text/html.',
    operation: 'get_smtp_template',
    complete: { templateId: 'templates' },
    htmlField: 'htmlContent',
  },
  {
    uri: 'brevo://blocked-domains',
    name: 'blocked-domains',
    title: 'Blocked domains',
    description: 'Recipient domains blocked from transactional email.',
    operation: 'get_blocked_domains',
  },

  // Campaigns
  {
    uri: 'brevo://campaigns/email',
    name: 'email-campaigns',
    title: 'Email campaigns',
    description:
      'Email campaigns without their HTML. ?status=draft|sent|queued|suspended|inProcess|archive ' +
      'and ?type=classic|trigger filter them.',
    operation: 'get_email_campaigns',
    args: { excludeHtmlContent: true },
    filters: ['status', 'type'],
  },
  {
    uri: 'brevo://campaigns/email/{campaignId}',
    name: 'email-campaign',
    title: 'Email campaign',
    description: 'One email campaign with its settings, recipients, content and statistics.',
    operation: 'get_email_campaign',
    complete: { campaignId: 'emailCampaigns' },
  },
  {
    uri: 'brevo://campaigns/sms',
    name: 'sms-campaigns',
    title: 'SMS campaigns',
    description: 'SMS campaigns. ?status=draft|sent|queued|suspended|inProcess|archive filters them.',
    operation: 'get_sms_campaigns',
    filters: ['status'],
  },
  {
    uri: 'brevo://campaigns/sms/{campaignId}',
    name: 'sms-campaign',
    title: 'SMS campaign',
    description: 'One SMS campaign with its content, recipients and statistics.',
    operation: 'get_sms_campaign',
    complete: { campaignId: 'smsCampaigns' },
  },
  {
    uri: 'brevo://campaigns/whatsapp',
    name: 'whatsapp-campaigns',
    title: 'WhatsApp campaigns',
    description: 'WhatsApp campaigns with their status and statistics.',
    operation: 'get_whatsapp_campaigns',
  },
  {
    uri: 'brevo://campaigns/whatsapp/{campaignId}',
    name: 'whatsapp-campaign',
    title: 'WhatsApp campaign',
    description: 'One WhatsApp campaign with its template, recipients and statistics.',
    operation: 'get_whatsapp_campaign',
    complete: { campaignId: 'whatsappCampaigns' },
  },
  {
    uri: 'brevo://whatsapp/templates',
    name: 'whatsapp-templates',
    title: 'WhatsApp templates',
    description: 'WhatsApp templates with their approval status.',
    operation: 'get_whatsapp_templates',
    changedBy: ['/whatsappCampaigns/template'],
  },

  // Senders, domains, IPs
  {
    uri: 'brevo://senders',
    name: 'senders',
    title: 'Senders',
    description: 'Senders with their status and dedicated IPs.',
    operation: 'get_senders',
  },
  {
    uri: 'brevo://domains',
    name: 'domains',
    title: 'Sending domains',
    description: 'Sending domains with their verified and authenticated status.',
    operation: 'get_domains',
  },
  {
    uri: 'brevo://domains/{domainName}',
    name: 'domain',
    title: 'Sending domain',
    description: 'One sending domain with its DNS records (DKIM, DMARC, Brevo code) and their status.',
    operation: 'get_domain_configuration',
    complete: { domainName: 'domains' },
  },
  {
    uri: 'brevo://dedicated-ips',
    name: 'dedicated-ips',
    title: 'Dedicated IPs',
    description: 'Dedicated sending IPs with their domain.',
    operation: 'get_dedicated_ips',
  },

  // Webhooks
  {
    uri: 'brevo://webhooks',
    name: 'webhooks',
    title: 'Webhooks',
    description: 'Webhooks of one type: ?type=transactional (what Brevo gives by default), marketing or inbound.',
    operation: 'get_webhooks',
    filters: ['type'],
  },
  {
    uri: 'brevo://webhooks/{webhookId}',
    name: 'webhook',
    title: 'Webhook',
    description: 'One webhook with its URL, events and authentication.',
    operation: 'get_webhook',
    complete: { webhookId: 'webhooks' },
  },

  // Account
  {
    uri: 'brevo://processes',
    name: 'processes',
    title: 'Background processes',
    description: 'Imports, exports and other background processes with their status.',
    operation: 'get_processes',
  },
  {
    uri: 'brevo://processes/{processId}',
    name: 'process',
    title: 'Background process',
    description: 'One background process with its status and, for exports, the file URL.',
    operation: 'get_process',
    complete: { processId: 'processes' },
  },
  {
    uri: 'brevo://invited-users',
    name: 'invited-users',
    title: 'Users and invitations',
    description: 'Users of the organisation and pending invitations, with their feature access.',
    operation: 'get_invited_users_list',
    changedBy: ['/organization/user'],
  },

  // CRM
  {
    uri: 'brevo://crm/pipelines',
    name: 'crm-pipelines',
    title: 'Deal pipelines',
    description: 'Deal pipelines with their stages and ids.',
    operation: 'get_pipelines',
  },
  {
    uri: 'brevo://crm/pipelines/{pipelineId}',
    name: 'crm-pipeline',
    title: 'Deal pipeline',
    description: 'One deal pipeline with its stages.',
    operation: 'get_pipeline',
    argNames: { pipelineId: 'pipelineID' },
    complete: { pipelineId: 'pipelines' },
  },
  {
    uri: 'brevo://crm/deal-attributes',
    name: 'crm-deal-attributes',
    title: 'Deal attributes',
    description: 'Deal attributes with their type and options.',
    operation: 'get_deal_attributes',
    changedBy: ['/crm/attributes'],
  },
  {
    uri: 'brevo://crm/company-attributes',
    name: 'crm-company-attributes',
    title: 'Company attributes',
    description: 'Company attributes with their type and options.',
    operation: 'get_company_attributes',
    changedBy: ['/crm/attributes'],
  },
  {
    uri: 'brevo://crm/task-types',
    name: 'crm-task-types',
    title: 'Task types',
    description: 'CRM task types (call, email, meeting...) with their ids.',
    operation: 'get_task_types',
  },

  // E-commerce
  {
    uri: 'brevo://ecommerce/categories',
    name: 'ecommerce-categories',
    title: 'Product categories',
    description: 'Shop categories.',
    operation: 'get_categories',
  },
  {
    uri: 'brevo://ecommerce/categories/{categoryId}',
    name: 'ecommerce-category',
    title: 'Product category',
    description: 'One shop category.',
    operation: 'get_category_info',
    argNames: { categoryId: 'id' },
    complete: { categoryId: 'categories' },
  },
  {
    uri: 'brevo://ecommerce/products',
    name: 'ecommerce-products',
    title: 'Products',
    description: 'Shop products with price, SKU and categories.',
    operation: 'get_products',
  },
  {
    uri: 'brevo://ecommerce/products/{productId}',
    name: 'ecommerce-product',
    title: 'Product',
    description: 'One shop product.',
    operation: 'get_product_info',
    argNames: { productId: 'id' },
    complete: { productId: 'products' },
  },
  {
    uri: 'brevo://coupon-collections',
    name: 'coupon-collections',
    title: 'Coupon collections',
    description: 'Coupon collections with their total and remaining coupons.',
    operation: 'get_coupon_collections',
    changedBy: ['/coupons'],
  },
  {
    uri: 'brevo://coupon-collections/{collectionId}',
    name: 'coupon-collection',
    title: 'Coupon collection',
    description: 'One coupon collection with its counts and expiry.',
    operation: 'get_coupon_collection',
    argNames: { collectionId: 'id' },
    complete: { collectionId: 'couponCollections' },
    changedBy: ['/coupons'],
  },

  // Feeds
  {
    uri: 'brevo://feeds',
    name: 'external-feeds',
    title: 'External feeds',
    description: 'External data feeds used in campaign content.',
    operation: 'get_all_external_feeds',
  },
  {
    uri: 'brevo://feeds/{feedId}',
    name: 'external-feed',
    title: 'External feed',
    description: 'One external feed with its URL and authentication.',
    operation: 'get_external_feed_by_uuid',
    argNames: { feedId: 'uuid' },
    complete: { feedId: 'feeds' },
  },
];
