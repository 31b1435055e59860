// Brevo workflows as MCP prompts. Each prompt's text names the exact tools to call and the
// brevo:// resources that show the same data, and says what to produce. A prompt is offered to a
// session only when the session has every tool in `tools`; `optionalTools` are mentioned only
// when the session has them. Tool names in the text are written in backticks; field names and
// values that look like tool names (snake_case) go in double quotes (test/prompts checks this).
import type { SourceName } from '../completions/sources.js';

export interface PromptArgumentDefinition {
  name: string;
  description: string;
  required?: boolean;
  /** Completion source when the argument names something in the account. */
  complete?: SourceName;
  /** Accepted form, checked on prompts/get. */
  pattern?: RegExp;
  /** What the pattern means, for the error message. */
  patternText?: string;
}

export interface PromptDefinition {
  name: string;
  title: string;
  description: string;
  arguments: PromptArgumentDefinition[];
  /** Tools the text relies on: the prompt is listed only where the session has them all. */
  tools: string[];
  /** Tools the text mentions when the session has them. */
  optionalTools?: string[];
  /** The skill (src/skills/<skill>/) that serves this prompt's steps as prompts/<name>.md. */
  skill: string;
  /** The instructions; `has` says whether the session offers an optional tool. */
  render: (args: Record<string, string | undefined>, has: (tool: string) => boolean, today: string) => string;
}

const ID = /^\d{1,15}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * YYYY-MM-DD of a date `days` from `today` (YYYY-MM-DD). A placeholder such as "<today>" (the
 * prompt rendered as a skill file, without arguments) gives "<today - 29 days>".
 */
export function shiftDate(today: string, days: number): string {
  if (!DATE.test(today)) {
    const n = Math.abs(days);
    return `<${today.replace(/^<|>$/g, '')} ${days < 0 ? '-' : '+'} ${n} day${n === 1 ? '' : 's'}>`;
  }
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const lines = (...parts: Array<string | false | undefined>) =>
  parts.filter((p): p is string => typeof p === 'string').join('\n');

export const PROMPTS: PromptDefinition[] = [
  {
    name: 'email_campaign_report',
    skill: 'brevo-email-campaigns',
    title: 'Email campaign performance report',
    description:
      'Report on one email campaign: delivery, opens, clicks, bounces, unsubscribes, links and devices, ' +
      'compared with recent campaigns.',
    arguments: [
      {
        name: 'campaignId',
        description: 'Email campaign id',
        required: true,
        complete: 'emailCampaigns',
        pattern: ID,
        patternText: 'a numeric campaign id',
      },
    ],
    tools: ['get_email_campaign', 'get_email_campaigns', 'get_ab_test_campaign_result'],
    render: ({ campaignId }) =>
      lines(
        `Report on the performance of Brevo email campaign ${campaignId}. Read only: do not send, schedule ` +
          `or change anything.`,
        '',
        `1. Call \`get_email_campaign\` with campaignId ${campaignId} and statistics "globalStats" ` +
          `for its settings and overall numbers (the resource brevo://campaigns/email/${campaignId} ` +
          `shows the same campaign). If its status is not "sent", say so and report only what exists.`,
        `2. Call \`get_email_campaign\` again with statistics "linksStats", then "statsByDevice", then ` +
          `"statsByDomain": clicks per link, opens and clicks per device, and results per mailbox ` +
          `provider.`,
        '3. If the campaign has abTesting true, call `get_ab_test_campaign_result` with the same campaignId ' +
          'for the winning version and its margin.',
        '4. For a baseline, call `get_email_campaigns` with status "sent", statistics "globalStats", ' +
          'excludeHtmlContent true and limit 10 (or read brevo://campaigns/email?status=sent), and ' +
          'take the campaigns sent before this one.',
        '',
        'Produce a short report:',
        '- Headline numbers: sent, delivered, unique opens, unique clicks, unsubscriptions, complaints, ' +
          'hard and soft bounces, with rates over delivered (open rate = uniqueViews / delivered, ' +
          'click rate = uniqueClicks / delivered, click-to-open = uniqueClicks / uniqueViews). Opens ' +
          'are inflated by Apple Mail privacy protection: say so when appleMppOpens is present.',
        '- Each rate against the baseline: better, worse or in line.',
        '- The 5 most clicked links; devices and mailbox providers where something stands out (a provider ' +
          'with many bounces or few opens).',
        '- Deliverability warnings: bounce rate above 2%, complaint rate above 0.1%, unsubscribe rate above 1%.',
        '- Three concrete recommendations for the next campaign.',
      ),
  },
  {
    name: 'contact_list_health',
    skill: 'brevo-contact-imports',
    title: 'Contact list health audit',
    description:
      'Audit one contact list: size, blocklisted and unsubscribed contacts, bounces, inactive contacts ' +
      'and attribute quality, with a cleanup plan.',
    arguments: [
      {
        name: 'listId',
        description: 'Contact list id',
        required: true,
        complete: 'lists',
        pattern: ID,
        patternText: 'a numeric list id',
      },
    ],
    tools: ['get_list', 'get_contacts_from_list', 'get_contact_stats'],
    optionalTools: ['remove_contact_from_list', 'update_contact'],
    render: ({ listId }, has) =>
      lines(
        `Audit the health of Brevo contact list ${listId}.`,
        '',
        `1. Call \`get_list\` with listId ${listId} (also the resource brevo://contacts/lists/${listId}): ` +
          `its name, folder, totalSubscribers, totalBlacklisted, uniqueSubscribers and the statistics ` +
          `of the campaigns sent to it.`,
        `2. Read its contacts with \`get_contacts_from_list\` (listId ${listId}, limit 500, then offset ` +
          `500, 1000... up to 2,000 contacts; the resource brevo://contacts/lists/${listId}/contacts ` +
          `pages the same way). For each contact note emailBlacklisted, smsBlacklisted, whether ${listId} ` +
          `is in its listUnsubscribed, createdAt, modifiedAt, and missing or malformed attributes ` +
          `(empty names, invalid SMS numbers, obvious typos in email domains such as gmial.com).`,
        '3. For a sample of up to 20 contacts, favouring blocklisted ones and the oldest unmodified ' +
          "ones, call `get_contact_stats` with the contact's email as identifier: hard and soft bounces, " +
          'complaints, unsubscriptions, and the last opens and clicks.',
        '',
        'Produce:',
        '- A health summary: size, share blocklisted, share unsubscribed from this list, share with ' +
          'bounces or complaints in the sample, share never engaged, attribute problems, and a grade ' +
          'from A (healthy) to E.',
        '- Per campaign sent to the list: delivery, bounce and unsubscribe rates, and the trend over time.',
        has('remove_contact_from_list') || has('update_contact')
          ? `- Cleanup actions, each with the contacts concerned and the call that would do it (${[
              has('remove_contact_from_list') &&
                `\`remove_contact_from_list\` with listId ${listId} and up to 150 emails per call to drop contacts`,
              has('update_contact') && '`update_contact` to fix attributes',
            ]
              .filter(Boolean)
              .join('; ')}). Do not run them: list them and ask me first.`
          : '- Cleanup actions, each with the contacts concerned. Change nothing.',
      ),
  },
  {
    name: 'draft_transactional_template',
    skill: 'brevo-transactional-email',
    title: 'Draft and test a transactional template',
    description:
      'Write a transactional email template for a purpose, create it inactive, send a test, and show what it expects.',
    arguments: [
      {
        name: 'purpose',
        description: 'What the email is for, e.g. "order shipped, with tracking link"',
        required: true,
      },
      {
        name: 'testEmail',
        description: 'Address that receives the test',
        required: true,
        pattern: /^[^\s@]+@[^\s@]+\.[^\s@]+$/,
        patternText: 'an email address',
      },
      {
        name: 'sender',
        description: 'Sender email (an active sender of the account)',
        complete: 'senders',
        pattern: /^[^\s@]+@[^\s@]+\.[^\s@]+$/,
        patternText: 'an email address',
      },
      {
        name: 'baseTemplateId',
        description: 'Existing template whose layout to reuse',
        complete: 'templates',
        pattern: ID,
        patternText: 'a numeric template id',
      },
    ],
    tools: [
      'get_smtp_templates',
      'get_smtp_template',
      'create_smtp_template',
      'send_test_template',
      'update_smtp_template',
    ],
    optionalTools: ['get_senders', 'send_transac_email'],
    render: ({ purpose, testEmail, sender, baseTemplateId }, has) =>
      lines(
        `Draft a Brevo transactional email template for: ${purpose}`,
        '',
        sender
          ? `1. Send from ${sender}; check in brevo://senders that it is an active sender.`
          : has('get_senders')
            ? '1. Pick the sender: call `get_senders` (also the resource brevo://senders) and choose an active ' +
              'one that fits; never an inactive one.'
            : '1. Pick the sender: ask me for an active sender address (the resource brevo://senders lists them).',
        baseTemplateId
          ? `2. Start from template ${baseTemplateId}: call \`get_smtp_template\` with templateId ${baseTemplateId} ` +
              `(its HTML is also at brevo://templates/${baseTemplateId}/html) and keep its layout, ` +
              `header, footer and tone.`
          : '2. Look at the existing templates with `get_smtp_templates` (limit 20; also brevo://templates) ' +
              'and match their layout and tone; read one in full with `get_smtp_template` if needed.',
        '3. Write the template: a subject under 60 characters; HTML that works in email clients (a ' +
          '600px table layout, inline CSS, no scripts or external stylesheets, alt text on images) ' +
          'with a plain, accessible structure. Put every value that changes per send in {{ params.NAME ' +
          '}} placeholders with upper-case names, and contact attributes in {{ contact.FIRSTNAME ' +
          '}} style. A purely transactional message needs no unsubscribe link.',
        '4. Create it with `create_smtp_template`: templateName, subject, htmlContent, sender, and ' +
          'isActive false so nothing uses it yet. Note the id it returns.',
        `5. Send a test with \`send_test_template\`: that templateId and emailTo ["${testEmail}"]. ` +
          `Placeholders stay unfilled in a test.`,
        // wide: one message whose parts depend on conditions; kept whole so it reads as sent
        `6. Show me the id, the subject, every params placeholder with an example params object${has('send_transac_email') ? ' as `send_transac_email` takes it' : ''}, and the HTML. Offer changes through \`update_smtp_template\`, and activate it (isActive true) only when I say so.`,
      ),
  },
  {
    name: 'investigate_undelivered_email',
    skill: 'brevo-transactional-email',
    title: 'Why was a transactional email not delivered?',
    description:
      "Trace a transactional email to one address through Brevo's logs, events and block lists, and " +
      'say why it was not delivered and what to do.',
    arguments: [
      {
        name: 'email',
        description: 'Recipient address',
        required: true,
        pattern: /^[^\s@]+@[^\s@]+\.[^\s@]+$/,
        patternText: 'an email address',
      },
      {
        name: 'date',
        description: 'Day it was sent, YYYY-MM-DD (default: the last 30 days)',
        pattern: DATE,
        patternText: 'a date YYYY-MM-DD',
      },
      {
        name: 'templateId',
        description: 'Template it was sent with, if any',
        complete: 'templates',
        pattern: ID,
        patternText: 'a numeric template id',
      },
    ],
    tools: [
      'get_transac_emails_list',
      'get_transac_email_content',
      'get_email_event_report',
      'get_transac_blocked_contacts',
      'get_blocked_domains',
    ],
    optionalTools: ['get_contact_info', 'get_domains', 'get_domain_configuration', 'unblock_transac_contact'],
    render: ({ email, date, templateId }, has, today) => {
      const from = date ? shiftDate(date, -1) : shiftDate(today, -29);
      const to = date ? shiftDate(date, 1) : today;
      const domain = email!.includes('@') ? email!.slice(email!.lastIndexOf('@') + 1) : `the domain of ${email}`;
      let step = 4;
      return lines(
        `Find out why a transactional email to ${email}${date ? ` sent on ${date}` : ''} was not delivered; ` +
          `look between ${from} and ${to}. Read only unless I say otherwise.`,
        '',
        `1. Find the message: call \`get_transac_emails_list\` with email "${email}", startDate "${from}" ` +
          `and endDate "${to}"${templateId ? ` and templateId ${templateId}` : ''}. Each hit has ` +
          `a uuid and a messageId; \`get_transac_email_content\` with the uuid gives its subject, ` +
          `sender and events. No hit at all means Brevo never accepted it: the sending call failed ` +
          `or went to another address.`,
        `2. Read its events: \`get_email_event_report\` with email "${email}", startDate "${from}" ` +
          `and endDate "${to}"${templateId ? `, templateId ${templateId}` : ''}, limit 100. Put them ` +
          `in time order: requests (accepted by Brevo), delivered, deferred, softBounces, hardBounces, ` +
          `blocked, invalid, spam, error, unsubscribed, opened, clicks; the reason field says why ` +
          `for bounces and blocks.`,
        `3. Check the block lists: page through \`get_transac_blocked_contacts\` (limit 100, offset ` +
          `0, 100, 200...; no dates, since the block may be older than the send) until you find ${email} ` +
          `or run out: it gives the reason and the sender concerned; and \`get_blocked_domains\` ` +
          `(also brevo://blocked-domains) for ${domain}.`,
        has('get_contact_info') &&
          `${step++}. Call \`get_contact_info\` with identifier "${email}": emailBlacklisted stops marketing ` +
            `email, not transactional, but tells whether the person unsubscribed or complained.`,
        has('get_domains') &&
          has('get_domain_configuration') &&
          `${step++}. Check the sender's domain: \`get_domains\` (brevo://domains) for its status, then ` +
            `\`get_domain_configuration\` with its domainName (brevo://domains/{domainName}) for ` +
            `DKIM and DMARC; an unauthenticated domain is a common reason for rejections and spam ` +
            `placement.`,
        '',
        'Produce:',
        '- A timeline: time, event, reason.',
        '- The diagnosis in one sentence, one of: never accepted by Brevo; blocked by Brevo (contact ' +
          'or domain, and why); hard bounce (address or domain does not exist or refuses); soft bounce ' +
          '(temporary: full mailbox, server down); deferred (Brevo is still retrying); delivered ' +
          "(then it sits in spam or a filter on the recipient's side: say what to check); marked " +
          'as spam.',
        // wide: one message whose parts depend on conditions; kept whole so it reads as sent
        `- What to do about it.${has('unblock_transac_contact') ? ` If ${email} is blocked and the reason no longer holds, offer \`unblock_transac_contact\`, and run it only after I confirm.` : ''}`,
      );
    },
  },
  {
    name: 'plan_reengagement_segment',
    skill: 'brevo-segments',
    title: 'Plan a re-engagement segment',
    description:
      'Find contacts who stopped engaging, estimate how many, define the segment and a re-engagement ' +
      'sequence with a sunset rule.',
    arguments: [
      {
        name: 'listId',
        description: 'List to work on (default: every list)',
        complete: 'lists',
        pattern: ID,
        patternText: 'a numeric list id',
      },
      {
        name: 'inactiveDays',
        description: 'Days without an open or a click (default 90)',
        pattern: /^[1-9]\d{0,3}$/,
        patternText: 'a number of days from 1 to 9999',
      },
    ],
    tools: ['get_lists', 'get_list', 'get_attributes', 'get_segments', 'get_contacts_from_list', 'get_contact_stats'],
    optionalTools: ['get_email_campaigns', 'create_list', 'add_contact_to_list'],
    render: ({ listId, inactiveDays }, has, today) => {
      const days = Number(inactiveDays ?? 90);
      const since = shiftDate(today, -days);
      let step = 3;
      return lines(
        `Plan a re-engagement segment: contacts${listId ? ` of list ${listId}` : ''} who have opened ` +
          `and clicked nothing for ${days} days (since ${since}).`,
        '',
        // wide: one message whose parts depend on conditions; kept whole so it reads as sent
        `1. Know the audience: ${listId ? `\`get_list\` with listId ${listId} (brevo://contacts/lists/${listId})` : '`get_lists` (brevo://contacts/lists) for the lists and their sizes, then `get_list` for the main ones'}; \`get_attributes\` (brevo://contacts/attributes) for what can be segmented on; \`get_segments\` (brevo://contacts/segments) for segments to reuse rather than duplicate.`,
        // wide: one message whose parts depend on conditions; kept whole so it reads as sent
        `2. Measure inactivity on a sample: read up to 500 contacts with \`get_contacts_from_list\`${listId ? ` (listId ${listId}; also brevo://contacts/lists/${listId}/contacts)` : ' on the largest list'}, then for 30 of them spread over the list call \`get_contact_stats\` with the email as identifier, startDate "${since}" and endDate "${today}". A contact sent campaigns (messagesSent) with no opened and no clicked is inactive. Estimate the inactive share and extrapolate to the list size.`,
        has('get_email_campaigns') &&
          `${step++}. For expectations, call \`get_email_campaigns\` with status "sent", statistics "globalStats", ` +
            `excludeHtmlContent true and limit 10, and note the usual open and click rates.`,
        '',
        'Produce a plan:',
        `- The segment as it would be built in Brevo's segment editor (Contacts > Segments), condition ` +
          `by condition, e.g. ${listId ? `member of list ${listId}` : 'member of the chosen lists'} ` +
          `AND has not opened or clicked any email campaign in the last ${days} days AND has been ` +
          `sent at least 3 campaigns in that time AND not blocklisted; with why each condition is ` +
          `there. The Brevo API cannot create segments: they are built in the app.`,
        '- Its estimated size and the evidence from the sample.',
        '- A re-engagement sequence of 3 emails: timing, subject ideas, angle (value reminder, preference ' +
          'update, last chance).',
        '- A sunset rule for those who still do not engage, and why it protects deliverability.',
        has('create_list') && has('add_contact_to_list')
          ? '- Optionally, a static list of the inactive contacts found: `create_list`, then `add_contact_to_list` ' +
              'with their emails (150 per call). Only after I approve.'
          : undefined,
      );
    },
  },
  {
    name: 'crm_pipeline_review',
    skill: 'brevo-crm-pipeline',
    title: 'Review a deal pipeline',
    description:
      'Review the deals of one CRM pipeline by stage: value, stalled and overdue deals, missing data, ' +
      'and next actions.',
    arguments: [{ name: 'pipelineId', description: 'Deal pipeline id', required: true, complete: 'pipelines' }],
    tools: ['get_pipeline', 'get_deal_attributes', 'get_deals', 'get_tasks'],
    optionalTools: ['create_task'],
    render: ({ pipelineId }, has) =>
      lines(
        `Review the deals of Brevo CRM pipeline ${pipelineId}.`,
        '',
        `1. Call \`get_pipeline\` with pipelineID "${pipelineId}" (also brevo://crm/pipelines/${pipelineId}) ` +
          `for its stages, their ids and order.`,
        '2. Call `get_deal_attributes` (brevo://crm/deal-attributes) for the exact internal names of ' +
          'the stage, amount, owner and close date attributes.',
        `3. Page through \`get_deals\` (limit 100, offset 0, 100, 200...; sort "desc") and keep the ` +
          `deals whose attributes put them in pipeline ${pipelineId}.`,
        '4. For the open deals, call `get_tasks` with "filter_deals" set to the deal id and "filter_status" ' +
          'set to "undone" to see the next planned action, if any.',
        '',
        'Produce:',
        '- Per stage, in pipeline order: number of deals and total amount.',
        '- Stalled deals (not modified for 30 days or more), deals past their close date, and deals ' +
          'without an owner, amount or close date.',
        // wide: one message whose parts depend on conditions; kept whole so it reads as sent
        `- The next action for each stalled or overdue deal.${has('create_task') ? ' Offer to create follow-up tasks with `create_task` (a task type from brevo://crm/task-types), only after I approve.' : ''}`,
      ),
  },
];
