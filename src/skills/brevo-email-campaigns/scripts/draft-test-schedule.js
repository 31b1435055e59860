// Code-mode script (run it with `execute`): create a campaign draft for a list, send a test,
// schedule it, and report on the latest sent campaign. Writes: create_email_campaign,
// send_email_campaign_test, update_email_campaign. Change the constants first.
const LIST_NAME = 'Newsletter subscribers';
// Test recipients must already be contacts of the account.
const TEST_TO = ['emma.martin@example.com'];
const SUBJECT = 'Our December picks';
const SEND_AT = new Date(Date.now() + 2 * 24 * 3600 * 1000).toISOString().slice(0, 19) + 'Z';

const { senders = [] } = await brevo.get_senders({});
const sender = senders.find((s) => s.active);
if (!sender) throw new Error('No active sender: set one up first (skill brevo-sending-domains)');
const { lists = [] } = await brevo.get_lists({ limit: 50 });
const list = lists.find((l) => l.name === LIST_NAME);
if (!list) throw new Error(`No list named ${LIST_NAME}`);

const { id: campaignId } = await brevo.create_email_campaign({
  name: `${SUBJECT} (${SEND_AT.slice(0, 10)})`,
  subject: SUBJECT,
  previewText: 'Three things we think you will like',
  sender: { id: sender.id },
  recipients: { listIds: [list.id] },
  htmlContent:
    '<html><body><h1>Hello {{ contact.FIRSTNAME }}</h1><p>Our picks of the month.</p>' +
    '<p><a href="{{ unsubscribe }}">Unsubscribe</a></p></body></html>',
});
await brevo.send_email_campaign_test({ campaignId, emailTo: TEST_TO });
await brevo.update_email_campaign({ campaignId, scheduledAt: SEND_AT });
const scheduled = await brevo.get_email_campaign({ campaignId });

// The report half: the most recent sent campaign, with rates over delivered.
const { campaigns = [] } = await brevo.get_email_campaigns({
  status: 'sent',
  statistics: 'globalStats',
  excludeHtmlContent: true,
  limit: 10,
  sort: 'desc',
});
const last = campaigns[0];
const stats = last?.statistics?.globalStats;
const rate = (n) => (stats?.delivered ? Math.round((10000 * n) / stats.delivered) / 100 : null);
return {
  campaignId,
  status: scheduled.status,
  scheduledAt: scheduled.scheduledAt,
  listId: list.id,
  testSentTo: TEST_TO,
  report: last && {
    campaignId: last.id,
    name: last.name,
    sent: stats?.sent,
    delivered: stats?.delivered,
    openRate: rate(stats?.uniqueViews ?? 0),
    clickRate: rate(stats?.uniqueClicks ?? 0),
    bounceRate: rate((stats?.hardBounces ?? 0) + (stats?.softBounces ?? 0)),
    unsubscribeRate: rate(stats?.unsubscriptions ?? 0),
  },
};
