// An email campaign's extras with real effects: its report mailed to the addresses given (logged
// like any transactional email), the A/B test result counted from each version's recipients, the
// shared page served at the emulator's origin, and images kept at a URL that leads to their source.
import { randomUUID } from 'node:crypto';
import { campaignStatistics, fates } from './campaign-stats.js';
import { invalid, SandboxError, type SandboxRequest, routes } from './http.js';
import type { Campaign, Store } from './store.js';
import { bodyOf, intParam, optString, reqString } from './validate.js';
import type { Engagement } from './campaign-stats.js';

const notSent = () => new SandboxError(400, 'invalid_parameter', 'Campaign has not been sent yet');

function sendReport(req: SandboxRequest, store: Store) {
  const campaign = store.campaign(intParam(req, 'campaignId'));
  const body = bodyOf(req);
  const email = body.email as { to?: string[]; body?: string } | undefined;
  if (!email?.to?.length) throw invalid('email.to should hold at least one address');
  if (!campaign.sentDate) throw notSent();
  const g = campaignStatistics(store, campaign).globalStats;
  const text = [
    reqString(email as Record<string, unknown>, 'body'),
    '',
    `Report of "${campaign.name}" sent ${campaign.sentDate} (${optString(body, 'language') ?? 'fr'}):`,
    `sent ${g.sent}, delivered ${g.delivered}, unique opens ${g.uniqueViews}, clickers ${g.clickers},`,
    `hard bounces ${g.hardBounces}, soft bounces ${g.softBounces}, unsubscriptions ${g.unsubscriptions}.`,
  ].join('\n');
  const at = store.now();
  for (const to of email.to)
    store.recordEmail({
      messageId: `<${randomUUID()}@smtp-relay.sandbox.brevo.invalid>`,
      email: to.toLowerCase(),
      subject: `Report of your campaign ${campaign.name}`,
      from: campaign.sender.email,
      tags: ['campaign-report'],
      body: text,
      attachmentCount: 0,
      events: [
        { name: 'sent', time: at },
        { name: 'delivered', time: at },
      ],
    });
  return { status: 204 };
}

const percent = (part: number, whole: number) => `${whole ? Math.round((part / whole) * 10_000) / 100 : 0}%`;

/** Which version each recipient of an A/B campaign got: the test share alternates A and B. */
function versions(campaign: Campaign): Map<number, 'A' | 'B'> {
  const sentTo = campaign.sentTo ?? [];
  const tested = Math.ceil((sentTo.length * campaign.abTest!.splitRule) / 100);
  return new Map(sentTo.slice(0, tested).map((id, i) => [id, i % 2 === 0 ? 'A' : 'B']));
}

function abTestResult(req: SandboxRequest, store: Store) {
  const campaign = store.campaign(intParam(req, 'campaignId'));
  const test = campaign.abTest;
  if (!test) throw invalid('Campaign is not an A/B test campaign (abTesting)');
  const criteria = test.winnerCriteria === 'click' ? 'Click' : 'Open';
  const byVersion = { A: [] as Engagement[], B: [] as Engagement[] };
  const linkClicks = { A: new Map<string, number>(), B: new Map<string, number>() };
  if (campaign.sentDate) {
    const of = versions(campaign);
    for (const [contact, e] of fates(store, campaign)) {
      const v = contact && of.get(contact.id);
      if (!v) continue;
      byVersion[v].push(e);
      for (const url of e.bounce ? [] : (e.clicks ?? [])) linkClicks[v].set(url, (linkClicks[v].get(url) ?? 0) + 1);
    }
  }
  const delivered = (v: 'A' | 'B') => byVersion[v].filter((e) => !e.bounce);
  const count = (v: 'A' | 'B', test: (e: Engagement) => boolean) => byVersion[v].filter(test).length;
  const rate = (v: 'A' | 'B', test: (e: Engagement) => boolean, of = delivered(v).length) =>
    percent(count(v, test), of);
  const opened = (e: Engagement) => !e.bounce && (e.opens ?? 0) > 0;
  const clicked = (e: Engagement) => !e.bounce && (e.clicks?.length ?? 0) > 0;
  const stat = (t: (e: Engagement) => boolean, all = false) => ({
    'Version A': rate('A', t, all ? byVersion.A.length : undefined),
    'Version B': rate('B', t, all ? byVersion.B.length : undefined),
  });
  const score = (v: 'A' | 'B') => count(v, criteria === 'Open' ? opened : clicked) / (delivered(v).length || 1);
  let winningVersion: 'notAvailable' | 'pending' | 'tie' | 'A' | 'B' = 'notAvailable';
  if (campaign.sentDate) {
    const decided = Date.parse(campaign.sentDate) + test.winnerDelay * 3_600_000 <= store.clock().getTime();
    winningVersion = !decided ? 'pending' : score('A') === score('B') ? 'tie' : score('A') > score('B') ? 'A' : 'B';
  }
  const lead: 'A' | 'B' = winningVersion === 'B' ? 'B' : 'A';
  const links = (v: 'A' | 'B') =>
    [...linkClicks[v]].map(([link, clicksCount]) => ({
      link,
      clicksCount,
      clickRate: percent(clicksCount, delivered(v).length),
    }));
  return {
    status: 200,
    body: {
      winningVersion,
      winningCriteria: criteria,
      ...(winningVersion === 'A' || winningVersion === 'B'
        ? { winningSubjectLine: winningVersion === 'A' ? test.subjectA : test.subjectB }
        : {}),
      openRate: rate(lead, opened),
      clickRate: rate(lead, clicked),
      winningVersionRate: rate(lead, criteria === 'Open' ? opened : clicked),
      statistics: {
        openers: stat(opened),
        clicks: stat(clicked),
        unsubscribed: stat((e) => !e.bounce && e.unsubscribed === true),
        hardBounces: stat((e) => e.bounce === 'hard', true),
        softBounces: stat((e) => e.bounce === 'soft', true),
        complaints: stat((e) => !e.bounce && e.complaint === true),
      },
      clickedLinks: { 'Version A': links('A'), 'Version B': links('B') },
    },
  };
}

/** The campaign's page as a visitor of its shared link sees it (its current content, 404 once deleted). */
function sharedUrl(req: SandboxRequest, store: Store) {
  const id = store.campaign(intParam(req, 'campaignId')).id;
  const url = store.files.put({
    name: `campaign-${id}.html`,
    contentType: 'text/html; charset=utf-8',
    render: (s) => {
      const campaign = s.campaigns.get(id);
      return campaign ? Buffer.from(campaign.htmlContent, 'utf8') : undefined;
    },
  });
  return { status: 200, body: { sharedUrl: url } };
}

const IMAGE = /\.(jpe?g|png|bmp|gif)$/i;

function uploadImage(req: SandboxRequest, store: Store) {
  const body = bodyOf(req);
  const imageUrl = reqString(body, 'imageUrl');
  let source: URL;
  try {
    source = new URL(imageUrl);
  } catch {
    throw invalid('imageUrl should be an absolute URL (https://...)');
  }
  if (source.protocol !== 'https:' && source.protocol !== 'http:') throw invalid('imageUrl should be an http(s) URL');
  if (!IMAGE.test(source.pathname)) throw invalid('imageUrl should end in .jpeg, .jpg, .png, .bmp or .gif');
  const name = optString(body, 'name') ?? source.pathname.split('/').pop()!;
  // The sandbox fetches nothing: its URL leads to the image's own address.
  const url = store.files.put({ name, contentType: 'image/*', location: source.href });
  return { status: 201, body: { url } };
}

export const campaignExtraRoutes = routes({
  'POST /emailCampaigns/{campaignId}/sendReport': sendReport,
  'GET /emailCampaigns/{campaignId}/abTestCampaignResult': abTestResult,
  'GET /emailCampaigns/{campaignId}/sharedUrl': sharedUrl,
  'POST /emailCampaigns/images': uploadImage,
});
