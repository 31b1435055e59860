// Email campaigns with real state: drafts, scheduling, status changes, test and real sends to
// the lists' members (minus exclusion lists and blocklisted contacts), statistics that follow.
import { invalid, missing, SandboxError, type SandboxRequest, routes } from './http.js';
import { checkSendingRights, senderRefOf, spendCredits } from './sending.js';
import { DAY, iso, type Campaign, type Contact, type Store } from './store.js';
import {
  bodyOf,
  intParam,
  optBool,
  optEmail,
  optInt,
  optIntArray,
  optObject,
  optString,
  optStringArray,
  page,
  paging,
  queryDate,
  reqString,
  sorted,
  type Body,
} from './validate.js';

const CAMPAIGN_QUERY_STATUSES: Record<string, Campaign['status']> = {
  suspended: 'suspended',
  archive: 'archive',
  sent: 'sent',
  queued: 'queued',
  draft: 'draft',
  inProcess: 'in_process',
};

function campaignFields(store: Store, body: Body, campaign: Campaign): void {
  const name = optString(body, 'name');
  const sender = senderRefOf(store, body, 'sender', false);
  const subject = optString(body, 'subject');
  const previewText = optString(body, 'previewText');
  const htmlContent = optString(body, 'htmlContent');
  const htmlUrl = optString(body, 'htmlUrl');
  const templateId = optInt(body, 'templateId');
  const scheduledAt = optString(body, 'scheduledAt');
  const replyTo = optEmail(body, 'replyTo');
  const toField = optString(body, 'toField');
  const tag = optString(body, 'tag');
  const header = optString(body, 'header');
  const footer = optString(body, 'footer');
  const inline = optBool(body, 'inlineImageActivation');
  const mirror = optBool(body, 'mirrorActive');
  const recurring = optBool(body, 'recurring');
  const recipients = optObject(body, 'recipients');
  const listIds = recipients ? optIntArray(recipients, 'listIds') : undefined;
  const exclusionListIds = recipients ? optIntArray(recipients, 'exclusionListIds') : undefined;
  for (const id of [...(listIds ?? []), ...(exclusionListIds ?? [])])
    if (!store.lists.has(id)) throw invalid(`recipients: list ${id} does not exist`);
  if (templateId !== undefined && !store.templates.has(templateId))
    throw invalid(`templateId: template ${templateId} does not exist`);
  if (scheduledAt !== undefined && Number.isNaN(new Date(scheduledAt).getTime()))
    throw invalid('scheduledAt is not a valid date-time (YYYY-MM-DDTHH:mm:ss+hh:mm)');

  if (name !== undefined) campaign.name = name;
  if (sender) campaign.sender = sender;
  if (subject !== undefined) campaign.subject = subject;
  if (previewText !== undefined) campaign.previewText = previewText;
  if (htmlContent !== undefined) campaign.htmlContent = htmlContent;
  else if (htmlUrl !== undefined) campaign.htmlContent = `<html><body><!-- content of ${htmlUrl} --></body></html>`;
  else if (templateId !== undefined) campaign.htmlContent = store.templates.get(templateId)!.htmlContent;
  if (scheduledAt !== undefined) {
    campaign.scheduledAt = iso(new Date(scheduledAt));
    if (campaign.status === 'draft') campaign.status = 'queued';
  }
  if (replyTo !== undefined) campaign.replyTo = replyTo;
  if (toField !== undefined) campaign.toField = toField;
  if (tag !== undefined) campaign.tag = tag;
  if (header !== undefined) campaign.header = header;
  if (footer !== undefined) campaign.footer = footer;
  if (inline !== undefined) campaign.inlineImageActivation = inline;
  if (mirror !== undefined) campaign.mirrorActive = mirror;
  if (recurring !== undefined) campaign.recurring = recurring;
  abTestFields(body, campaign);
  if (listIds !== undefined) campaign.recipients.lists = [...listIds];
  if (exclusionListIds !== undefined) campaign.recipients.exclusionLists = [...exclusionListIds];
  campaign.modifiedAt = store.now();
}

/** abTesting with its two subjects: the test goes to splitRule% of the recipients, half each. */
function abTestFields(body: Body, campaign: Campaign): void {
  const on = optBool(body, 'abTesting');
  if (on === false) delete campaign.abTest;
  if (!on && !campaign.abTest) return;
  const subjectA = optString(body, 'subjectA') ?? campaign.abTest?.subjectA;
  const subjectB = optString(body, 'subjectB') ?? campaign.abTest?.subjectB;
  if (!subjectA) throw missing('subjectA');
  if (!subjectB) throw missing('subjectB');
  const criteria = optString(body, 'winnerCriteria') ?? campaign.abTest?.winnerCriteria ?? 'open';
  if (criteria !== 'open' && criteria !== 'click') throw invalid('winnerCriteria should be open or click');
  campaign.abTest = {
    subjectA,
    subjectB,
    splitRule: optInt(body, 'splitRule') ?? campaign.abTest?.splitRule ?? 50,
    winnerCriteria: criteria,
    winnerDelay: optInt(body, 'winnerDelay') ?? campaign.abTest?.winnerDelay ?? 24,
  };
  campaign.subject = subjectA;
}

function createCampaign(req: SandboxRequest, store: Store) {
  const body = bodyOf(req);
  const name = reqString(body, 'name');
  const sender = senderRefOf(store, body, 'sender', true)!;
  const now = store.now();
  const campaign: Campaign = {
    id: 0,
    name,
    type: 'classic',
    status: 'draft',
    testSent: false,
    header: '[DEFAULT_HEADER]',
    footer: '[DEFAULT_FOOTER]',
    sender,
    replyTo: sender.email,
    toField: '',
    htmlContent: '',
    tag: '',
    inlineImageActivation: false,
    mirrorActive: true,
    recurring: false,
    recipients: { lists: [], exclusionLists: [] },
    createdAt: now,
    modifiedAt: now,
    engagement: {},
  };
  campaignFields(store, body, campaign);
  campaign.id = store.nextId('campaign');
  store.campaigns.set(campaign.id, campaign);
  return { status: 201, body: { id: campaign.id } };
}

function getCampaigns(req: SandboxRequest, store: Store) {
  const type = req.query.get('type');
  if (type && type !== 'classic' && type !== 'trigger') throw invalid('type should be classic or trigger');
  const statusRaw = req.query.get('status');
  const status = statusRaw ? CAMPAIGN_QUERY_STATUSES[statusRaw] : undefined;
  if (statusRaw && !status) throw invalid(`status should be one of ${Object.keys(CAMPAIGN_QUERY_STATUSES).join(', ')}`);
  const start = queryDate(req, 'startDate');
  const end = queryDate(req, 'endDate');
  if ((start || end) && status !== 'sent') throw invalid('startDate and endDate can be used only with status sent');
  const pageWindow = paging(req, 50, 100);
  const excludeHtml = req.query.get('excludeHtmlContent') === 'true';
  const found = [...store.campaigns.values()].filter(
    (c) =>
      (!type || c.type === type) &&
      (!status || c.status === status) &&
      (!start || (c.sentDate !== undefined && new Date(c.sentDate) >= start)) &&
      (!end || (c.sentDate !== undefined && new Date(c.sentDate).getTime() < end.getTime() + DAY)),
  );
  const ordered = sorted(req, found);
  return {
    status: 200,
    body: {
      count: ordered.length,
      campaigns: page(ordered, pageWindow).map((c) => store.campaignView(c, !excludeHtml)),
    },
  };
}

function editableCampaign(store: Store, req: SandboxRequest): Campaign {
  const campaign = store.campaign(intParam(req, 'campaignId'));
  if (campaign.status === 'sent' || campaign.status === 'in_process')
    throw new SandboxError(400, 'campaign_sent', 'Campaign has already been sent and cannot be changed');
  return campaign;
}

/** Who a campaign reaches now: members of its lists, minus exclusion lists and blocklisted contacts. */
function audience(store: Store, campaign: Campaign): Contact[] {
  const excluded = new Set(campaign.recipients.exclusionLists.flatMap((id) => store.members(id).map((c) => c.id)));
  const seen = new Map<number, Contact>();
  for (const id of campaign.recipients.lists)
    for (const c of store.members(id)) if (!excluded.has(c.id) && !c.emailBlacklisted && c.email) seen.set(c.id, c);
  return [...seen.values()];
}

/** Sends a campaign to its audience now: statistics start from everyone delivered. */
function send(store: Store, campaign: Campaign, at: string): void {
  if (!campaign.subject) throw missing('subject');
  if (!campaign.htmlContent) throw missing('htmlContent');
  if (!campaign.recipients.lists.length) throw missing('recipients');
  checkSendingRights(store, campaign.sender);
  const reached = audience(store, campaign);
  spendCredits(store, reached.length);
  campaign.sentTo = reached.map((c) => c.id);
  campaign.engagement = {};
  campaign.status = 'sent';
  campaign.sentDate = at;
  campaign.modifiedAt = at;
}

function sendCampaignNow(req: SandboxRequest, store: Store) {
  send(store, editableCampaign(store, req), store.now());
  return { status: 204 };
}

/** Queued (scheduled) campaigns whose time has come are sent; one that cannot be is suspended. */
export function sendDueCampaigns(store: Store): void {
  const now = store.clock().getTime();
  for (const c of store.campaigns.values()) {
    if (c.status !== 'queued' || !c.scheduledAt || Date.parse(c.scheduledAt) > now) continue;
    try {
      send(store, c, c.scheduledAt);
    } catch {
      c.status = 'suspended';
    }
  }
}

function campaignStatus(req: SandboxRequest, store: Store) {
  const campaign = store.campaign(intParam(req, 'campaignId'));
  const status = reqString(bodyOf(req), 'status');
  switch (status) {
    case 'replicate':
    case 'replicateTemplate': {
      const id = store.nextId('campaign');
      const now = store.now();
      store.campaigns.set(id, {
        ...structuredClone(campaign),
        id,
        name: `${campaign.name} (copy)`,
        status: 'draft',
        testSent: false,
        createdAt: now,
        modifiedAt: now,
        sentDate: undefined,
        sentTo: undefined,
        engagement: {},
      });
      break;
    }
    case 'darchive':
      if (campaign.status !== 'archive') throw invalid('Only an archived campaign can be unarchived');
      campaign.status = campaign.sentDate ? 'sent' : 'draft';
      break;
    case 'archive':
    case 'suspended':
    case 'queued':
    case 'draft':
    case 'sent':
      if ((status === 'draft' || status === 'queued') && campaign.sentDate)
        throw new SandboxError(400, 'campaign_sent', 'Campaign has already been sent');
      if (status === 'sent' && !campaign.sentDate)
        throw invalid('Use send_email_campaign_now (POST /emailCampaigns/{campaignId}/sendNow) to send a campaign');
      campaign.status = status;
      break;
    default:
      throw invalid(
        'status should be one of suspended, archive, darchive, sent, queued, replicate, replicateTemplate, draft',
      );
  }
  campaign.modifiedAt = store.now();
  return { status: 204 };
}

export const campaignRoutes = routes({
  'GET /emailCampaigns': getCampaigns,
  'POST /emailCampaigns': createCampaign,
  'GET /emailCampaigns/{campaignId}': (req, store) => {
    const excludeHtml = req.query.get('excludeHtmlContent') === 'true';
    return { status: 200, body: store.campaignView(store.campaign(intParam(req, 'campaignId')), !excludeHtml) };
  },
  'PUT /emailCampaigns/{campaignId}': (req, store) => {
    campaignFields(store, bodyOf(req), editableCampaign(store, req));
    return { status: 204 };
  },
  'DELETE /emailCampaigns/{campaignId}': (req, store) => {
    store.campaigns.delete(store.campaign(intParam(req, 'campaignId')).id);
    return { status: 204 };
  },
  'PUT /emailCampaigns/{campaignId}/status': campaignStatus,
  'POST /emailCampaigns/{campaignId}/sendNow': sendCampaignNow,
  'POST /emailCampaigns/{campaignId}/sendTest': (req, store) => {
    const campaign = store.campaign(intParam(req, 'campaignId'));
    const emailTo = optStringArray(bodyOf(req), 'emailTo') ?? [];
    const unexistingEmails = emailTo.filter((e) => !store.contactByEmail(e));
    if (unexistingEmails.length) throw invalid('The email could not be sent to all recipients', { unexistingEmails });
    checkSendingRights(store, campaign.sender);
    campaign.testSent = true;
    return { status: 204 };
  },
});
