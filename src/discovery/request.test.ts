// How a request is read: its verb where a verb stands, instruments and values as inputs, files and people asked for,
// states and questions, data written in capitals.
import { describe, expect, it } from 'vitest';
import { readManifest } from '../tools/manifest.js';
import { Index } from './engine.js';
import { readRequest } from './request.js';
import { term } from './text.js';

const index = new Index(readManifest());
const first = (query: string) => index.rank(query).hits[0]?.entry.name;
const lexicon = (index as unknown as { lexicon: Parameters<typeof readRequest>[1] }).lexicon;
const read = (query: string) => readRequest(query, lexicon);
const words = (query: string) => read(query).concepts.map((c) => c.variants[0]!.terms.join(' '));

describe('reading a request', () => {
  it('drops a way of asking only where its last word ends ("just" is not the start of "justify")', () => {
    expect(words('justify the invoice')).toContain(term('justify'));
    expect(words('can you justify the invoice')).toEqual(words('justify the invoice'));
    expect(words('can you just delete contact 5')).toEqual(words('delete contact 5'));
  });

  it('takes the change word where a verb stands as the verb; elsewhere it is a noun', () => {
    expect([...read('send the shipping update to ana@x.es').intent.verbs]).toEqual(['send']);
    expect([...read('please delete the import').intent.verbs]).toEqual(['delet']);
    // With no change word where a verb stands, one elsewhere is still the verb.
    expect(read('campaign 90 pause').intent.write).toBe(true);
  });

  it('reads an instrument with its id as an input, not as the thing acted on', () => {
    const { concepts, intent } = read('email the order confirmation to kim@shop.fr using template 12');
    expect(concepts.find((c) => c.variants[0]!.terms.includes('templat'))?.instrument).toBe(true);
    expect(intent.owner).not.toContain('templat');
    expect(first('email the order confirmation to kim@shop.fr using template 12')).toBe('send_transac_email');
    expect(first('send approved WhatsApp template 42 to +919876543210')).toBe('send_whatsapp_message');
    // "with id 4" names the item itself; "through the tracker" without an id is a way, still searched in full.
    expect(read('get the product with id p-123').concepts.some((c) => c.instrument)).toBe(false);
    expect(read('update contact attributes through the tracker').concepts.some((c) => c.instrument)).toBe(false);
    // An amount handed over is no instrument.
    expect(read('top up a client with 5000 email credits').concepts.some((c) => c.instrument)).toBe(false);
  });

  it('finds exports for a file of something, and imports for a file someone has', () => {
    expect(first('I need a CSV of everyone on list 7')).toBe('request_contact_export');
    expect(first('a file of everyone who replied to SMS campaign 19')).toBe('request_sms_recipient_export');
    expect(first('everyone who did not open newsletter 210 so we can re-send')).toBe(
      'export_email_campaign_recipients',
    );
    expect(first('I have a file of 4000 emails, how I put them in brevo')).toBe('import_contacts');
  });

  it('asks for the collection when every one is asked for, and for the owners rather than what one holds', () => {
    expect(first('list all the webhooks we have set up')).toBe('get_webhooks');
    expect(first('what callback URLs are registered')).toBe('get_webhooks');
    expect(first('what folders have we got for our lists')).toBe('get_folders');
    expect(first('list all the sub-accounts in our organisation')).toBe('get_sub_accounts');
  });

  it('reads a state asked for as a change', () => {
    expect(first("folder 6 should be called 'Archived' from now on")).toBe('update_folder');
    expect(first('list 9 should be named Spring leads')).toBe('update_list');
    expect(first('point hook 3 there: https://new.example.com/hook')).toBe('update_webhook');
    expect(words('the sender 5 name should be Acme Support')).not.toContain('acm');
  });

  it('reads a yes-or-no question about a state as a read', () => {
    expect(read('is the programme live yet or still a draft?').intent.yesNo).toBe(true);
    expect(first('is the programme live yet or still a draft?')).toMatch(/^get_loyalty_program/);
    expect(first('is campaign 55 still running?')).toBe('get_email_campaign');
  });

  it('reads names in capitals as data and a count of things as many at once', () => {
    expect(words('set LOYALTY_TIER = GOLD on these 60 customers')).not.toContain('tier');
    expect(read('set LOYALTY_TIER = GOLD on these 60 customers').intent).toMatchObject({ batch: true, one: false });
    expect(first('set LOYALTY_TIER = GOLD on these 60 customers')).toBe('update_batch_contacts');
    // Acronyms stay words.
    expect(words('SMS campaign stats')).toContain('sm');
    // Right after a noun a number is its id.
    expect(read('loyalty program 3 settings').intent.one).toBe(true);
  });

  it('understands roundabout asks about people, access and allowances', () => {
    expect(first('what can liz@corp.com see and do in Brevo')).toBe('get_user_permission');
    expect(first('the invitation never arrived, send it again to liz@corp.com')).toBe(
      'resend_or_cancel_user_invitation',
    );
    expect(first('swap her stamps for a free coffee')).toBe('redeem_voucher');
    expect(first('how many emails have I got left before I pay more')).toBe('get_account');
  });
});
