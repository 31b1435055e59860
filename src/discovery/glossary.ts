// English word lists the engine reads requests with (the words that ask for a change or a read, channel verbs,
// toolsets named or answered to); English's vocabulary is data, src/discovery/lang/en/vocabulary.txt.

/**
 * Words that ask for a change wherever they stand in a request that is not a question ("unsubscribe
 * bob@x.com", "pause the campaign"), beside the first words of the catalog's write operations.
 */
export const WRITE_WORDS = (
  'unsubscribe opt blocklist blacklist block unblock allow whitelist suppress resubscribe pause ' +
  'suspend halt resume restart archive ' +
  'unarchive restore duplicate copy clone schedule reschedule enable disable activate deactivate ' +
  'toggle turn switch mark attach ' +
  'detach link unlink connect disconnect associate dissociate assign unassign upload submit approve ' +
  'reject verify validate ' +
  'authenticate confirm cancel void abort redeem award grant give hand deduct credit debit charge ' +
  'refund top take put tell ' +
  'reply respond answer forward rename sync enroll join subscribe invite resend revoke issue ' +
  'define configure make keep finish ' +
  'complete begin clear empty purge erase wipe destroy stop start launch move change edit modify ' +
  'fix correct adjust amend tweak ' +
  'set reset add remove delete drop create build save store update send push notify broadcast ' +
  'blast fire trigger register ' +
  'request remind write compose jot publish unpublish upgrade downgrade promote demote transfer ' +
  'merge tag untag flag ban load import log record track'
).split(' ');

/** First words that make a request a read, whatever follows ("show the emails we sent", "list who unsubscribed"). */
export const READ_WORDS = 'show list see view find display fetch look lookup retrieve read browse search'.split(' ');

/** Words that ask for every item rather than one: "all", "every", "list". */
export const MANY_WORDS = 'all every each list lists overview existing available'.split(' ');

/** Words that ask for one item rather than a collection: "details of", "this". */
export const ONE_WORDS = 'details detail info information single specific particular this that settings'.split(' ');

/**
 * Channel names people use as verbs at the start of a request: "text a customer", "email the
 * report to my boss", "WhatsApp someone". Read as "send" when an object follows (a, the, my,
 * someone, an address), not in "email campaigns we sent".
 */
export const CHANNEL_VERBS = ['text', 'txt', 'sms', 'email', 'e-mail', 'mail', 'message', 'whatsapp', 'ping', 'dm'];

/**
 * Toolsets ranked lower unless the request names them, each with the words that must all be
 * there (each item lists alternatives, glossary meanings included: "text" means "sms", "blast" a
 * campaign). Another account's operations (a reseller's children, a corporate master account's
 * sub-accounts) and the automation tracker are for people who say so; a campaign or a message
 * without a channel is an email one.
 */
export const NAMED_TOOLSETS: Record<string, { words: string[]; weight: number }> = {
  reseller: { words: ['reseller child children client'], weight: 0.6 },
  corporate: { words: ['corporate master sub subaccount admin administrator'], weight: 0.6 },
  tracker: { words: ['tracker track identify'], weight: 0.6 },
  sms_campaigns: { words: ['campaign', 'sms'], weight: 0.85 },
  whatsapp_campaigns: { words: ['campaign template configuration business', 'whatsapp'], weight: 0.85 },
  transactional_sms: { words: ['sms'], weight: 0.85 },
  whatsapp: { words: ['whatsapp'], weight: 0.85 },
};

/**
 * Words every operation of a toolset answers to, beside its name: a model or a person says
 * "loyalty" or "chat" without the words of one operation.
 */
export const TOOLSET_WORDS: Record<string, string> = {
  transactional_email: 'transactional email smtp',
  transactional_sms: 'transactional sms text message',
  whatsapp: 'whatsapp message',
  contacts: 'contacts',
  email_campaigns: 'email campaign marketing',
  sms_campaigns: 'sms campaign marketing text',
  whatsapp_campaigns: 'whatsapp campaign marketing',
  webhooks: 'webhook',
  senders: 'senders domains',
  account: 'account',
  users: 'users organization team',
  reseller: 'reseller child account',
  corporate: 'corporate master account sub account',
  crm: 'crm sales',
  conversations: 'conversations chat',
  ecommerce: 'ecommerce shop',
  coupons: 'coupon',
  loyalty: 'loyalty program',
  events: 'events',
  feeds: 'external feeds',
  payments: 'payment',
  tracker: 'tracker automation',
};
