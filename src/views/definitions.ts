// The MCP Apps views as data: which read-only tool each one shows, its ui:// address, and the read-only tools it may
// call through the host.

export interface ViewDefinition {
  /** The file name under dist/views/html/ (without .html) and the source entry src/views/app/<id>.ts. */
  id: string;
  /** The tool whose answer the view shows: tools/list names this view on it. */
  tool: string;
  uri: string;
  name: string;
  title: string;
  description: string;
  /**
   * The only tools the view may call through the host (another period, the next page, names for
   * ids). All must be read-only: the build and a test check this against the catalog, and the
   * view refuses any other name before anything is sent.
   */
  reads: readonly string[];
}

export const VIEWS: readonly ViewDefinition[] = [
  {
    id: 'email-campaign-report',
    tool: 'get_email_campaign',
    uri: 'ui://brevo/email-campaign-report.html',
    name: 'email_campaign_report',
    title: 'Email campaign report',
    description:
      'One email campaign: sent, delivered, opened, clicked; bounces, unsubscriptions, top links and devices.',
    reads: ['get_email_campaign'],
  },
  {
    id: 'transactional-email-stats',
    tool: 'get_smtp_report',
    uri: 'ui://brevo/transactional-email-stats.html',
    name: 'transactional_email_stats',
    title: 'Transactional email per day',
    description:
      'Transactional email statistics per day over a period: requests, delivered, opens, clicks, bounces, blocked.',
    reads: ['get_smtp_report'],
  },
  {
    id: 'contact-lists-health',
    tool: 'get_lists',
    uri: 'ui://brevo/contact-lists-health.html',
    name: 'contact_lists_health',
    title: 'Contact lists health',
    description: 'Contact lists: subscribers and blocklisted per list, and the growth of one list by month.',
    reads: ['get_lists', 'get_contacts_from_list'],
  },
  {
    id: 'deal-pipeline',
    tool: 'get_deals',
    uri: 'ui://brevo/deal-pipeline.html',
    name: 'deal_pipeline',
    title: 'Deal pipeline',
    description: 'CRM deals per pipeline stage, with their count and total amount.',
    reads: ['get_deals', 'get_pipelines'],
  },
];
