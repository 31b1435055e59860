// Every id a tool needs says where it comes from: the catalog operation that lists or creates it.
import { describe, expect, it } from 'vitest';
import { IdSources, idSourceText } from './id-sources.js';
import { readManifest } from './tools/manifest.js';

const tools = readManifest();
const byName = new Map(tools.map((t) => [t.name, t]));
const sources = new IdSources(tools);
const ID_FIELD = /(^id$|Id$|Ids$|^identifier$|_id$|ID$)/;

/** Ids that no operation lists or creates: they come from outside the API, or are chosen by the caller. */
const OUTSIDE = new Map<string, string>([
  ['get_inbound_email_attachment:downloadToken', 'comes in the inbound-parsing webhook payload'],
  ['create_attribute:attributeName', 'the name of the attribute being created'],
  ['delete_multi_attribute_options:multipleChoiceAttributeOption', 'an option value of the attribute'],
  ['resend_or_cancel_user_invitation:action', 'resend or cancel, not an id'],
  ['resend_or_cancel_admin_invitation:action', 'resend or cancel, not an id'],
  ['send_conversation_message:visitorId', "the chat widget's visitor, from a conversations webhook"],
  ['send_automated_message:visitorId', "the chat widget's visitor, from a conversations webhook"],
  ['create_order:id', "the shop's own order id"],
  ['create_update_category:id', "the shop's own category id"],
  ['create_update_product:id', "the shop's own product id"],
  ['get_attribution_metrics_detail:conversionSourceId', 'a campaign or automation id, by conversionSource'],
  ['get_attributed_products:conversionSource', 'a kind of source, not an id'],
  ['get_attributed_products:conversionSourceId', 'a campaign or automation id, by conversionSource'],
  ['get_code_count:cpid', "a code pool's id, from Brevo's loyalty settings"],
]);

function idFields(tool: (typeof tools)[number]): string[] {
  const fields = new Set([...tool.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!));
  for (const field of (tool.inputSchema.required as string[] | undefined) ?? [])
    if (ID_FIELD.test(field)) fields.add(field);
  return [...fields];
}

describe('id sources', () => {
  it('name an existing operation for every path id and required id of the catalog, or say why not', () => {
    const missing: string[] = [];
    for (const tool of tools)
      for (const field of idFields(tool)) {
        const key = `${tool.name}:${field}`;
        const source = sources.of(tool, field);
        if (!source) {
          if (!OUTSIDE.has(key)) missing.push(key);
          continue;
        }
        expect(OUTSIDE.has(key), `${key} has a source now: remove it from OUTSIDE`).toBe(false);
        for (const name of [source.list, source.create])
          if (name) expect(byName.has(name), `${key}: ${name}`).toBe(true);
      }
    expect(missing).toEqual([]);
  });

  it('read the collection above the id in the route', () => {
    expect(sources.of(byName.get('create_list')!, 'folderId')).toEqual({
      list: 'get_folders',
      create: 'create_folder',
    });
    expect(sources.of(byName.get('get_email_campaign')!, 'campaignId')).toEqual({
      list: 'get_email_campaigns',
      create: 'create_email_campaign',
    });
    expect(sources.of(byName.get('get_sms_campaign')!, 'campaignId')).toEqual({
      list: 'get_sms_campaigns',
      create: 'create_sms_campaign',
    });
  });

  it('tell same-named ids of different things apart by toolset', () => {
    expect(sources.of(byName.get('create_whatsapp_campaign')!, 'templateId')?.list).toBe('get_whatsapp_templates');
    expect(sources.of(byName.get('create_doi_contact')!, 'templateId')?.list).toBe('get_smtp_templates');
  });

  it('say it in a few words', () => {
    expect(idSourceText({ list: 'get_folders', create: 'create_folder' })).toBe(
      'get_folders lists them; create_folder makes one',
    );
    expect(idSourceText({ list: 'get_task_types' })).toBe('get_task_types lists them');
  });
});
