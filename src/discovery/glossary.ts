// Brevo's vocabulary as data: the words people use, mapped to the words the catalog uses, for every toolset.
//
// Each line reads `what people say, ... => what Brevo calls it, ...`. Phrases may have several
// words; matching ignores case, plurals and word endings (both sides are stemmed). A query word
// or phrase on the left is searched as itself and as each phrase on the right, the best match
// counting. `<=>` makes every phrase of the line a name for every other. Write general words,
// never a whole request: the engine must understand requests nobody has written down yet.

export const SYNONYMS: string[] = [
  // What to do: catalog verbs are get/list, create/add, update, delete/remove, send.
  'remove, erase, get rid of, drop, wipe, purge, destroy, trash, discard, clear out, clean up, ' +
    'kill, cancel, annul, call off, deleting, stop using, no longer use, retire, scrap, ditch, bin, ' +
    'axe, nuke, toss, zap, throw away, throw out, eliminate, junk, take down, withdraw, retract, ' +
    'unpublish, take offline, permanently, for good, permanently remove <=> delete',
  'drop a line, drop a message, drop a text, drop an email, drop a mail, drop a whatsapp, drop ' +
    'an sms, shoot a message, shoot an email, shoot a text, fire a message => send',
  'no longer need, no longer needed, do not need, do not want, not needed anymore => delete',
  'an extra, additional => create',
  'add, new, make, set up, setup, register, start, build, define, establish, launch, draft, write, ' +
    'compose, jot down, write down, note down, spin up, stand up, generate, produce, craft, put together, ' +
    'whip up, introduce, author, come up with, kick off, roll out => create',
  'change, edit, modify, alter, fix, adjust, amend, tweak, correct, patch, replace, overwrite, ' +
    'switch, move, rename, set, bump, raise, lower, increase, decrease, extend, shorten, reword, ' +
    'rephrase, revise, rework, redo, swap, flip, tick, push back, postpone, bring forward, tidy up, ' +
    'instead, from now on, going forward, from today on, from here on, point to, point there, repoint, ' +
    'redirect => update',
  'promote, demote, upgrade, downgrade, move up, move down, level up, bump up => update, set level',
  'show, see, view, display, look up, lookup, fetch, retrieve, read, check, find, pull, grab, ' +
    'inspect, tell, search, browse, look at, give me, return, download, pull up, dig up, list out, ' +
    'peek at, glance at, go through, look into, check on, tell me about, get me => get',
  'send, mail, deliver, dispatch, shoot, fire, fire off, push out, blast out, transmit, go out, ' +
    'goes out, going out => send',
  'send to brevo, push to brevo, sync to brevo, sync with brevo, report to brevo, upload to brevo, ' +
    'pass to brevo => record, create',
  'count, total, totals, sum, aggregate, overall, summary => aggregated, totals, count',
  'daily, per day, day by day, each day, breakdown => daily, report',
  'undo, revert, restore, reactivate => unblock, update',
  'roll back, rollback, reverse, undo transaction => cancel',
  'kind, kinds, type, types, sort of, sorts of, category of => type, definition',
  'give, grant, award, hand, hand out, hand over, allocate, issue => add, credit',

  // Channels.
  'text message, text, texts, texting, txt, sms message, mobile message, phone message, short message => sms',
  'whatsapp message, wa msg, wa message, whats app => whatsapp',
  'mail, e mail, emails, mails, inbox message => email',
  'phone, mobile, cell, phone number, mobile number, number => sms',
  'otp, verification code, one time password, one time code, 2fa, two factor, login code, pin, ' +
    'auth code, security code, confirmation code => transactional, sms',
  'newsletter, newsletters, mailing, mailings, mailshot, bulk email, mass email, email blast, ' +
    'marketing email, mass mailing, eblast, e-blast, eshot, e-shot, mailout, mail out, email shot, ' +
    'mailer, edm, marketing mail, promo email, promotional email, to all, to everyone, to everybody, ' +
    'to all our, to all my, to the whole list, to our whole list => campaign, email campaign',
  'blast, broadcast, promo, promotion, promotional, announcement, marketing => campaign',
  'transactional, one off, one-off, single email, receipt, password reset, order confirmation, ' +
    'notification email, system email, triggered email, api email, automated email, automated mail, ' +
    'automatic email, automatic mail, app email, app mail, system mail, transac => transac, smtp, ' +
    'transactional',
  'smtp, relay => smtp, transac',
  'message id, message-id => messageid, message',

  // Contacts.
  'subscriber, subscribers, customer, customers, recipient, person, people, lead, leads, audience ' +
    'member, shopper, buyer, client, prospect, profile, address, email address, user record, member ' +
    'of list => contact',
  'custom field, field, property, properties, column, data field, merge field, merge tag, personalization ' +
    'field, contact field, trait => attribute',
  'postcode, post code, postal code, zip code, surname, last name, first name, date of birth, ' +
    'birthday, birthdays, phone number, mobile number => contact, attribute',
  'mailing list, audience, distribution list, recipient list, subscriber list, group of contacts => list',
  'who is on, whos on, who is in, whos in, who are on, who are in, who belongs to, people on, ' +
    'people in, everyone on, everyone in, members of, subscribed to => contacts in list, members',
  'filter, saved filter, dynamic list, smart list, cohort => segment',
  'directory, category of lists => folder',
  'unsubscribe, unsubscribed, opt out, opted out, optout, blacklist, blacklisted, blocklist, ' +
    'blocklisted, suppress, suppression, suppressed, do not email, do not contact, dnc, stop emailing, ' +
    'stop sending to, stopped sending, stopped delivering, stop delivering, no longer receive, cannot ' +
    'receive, not receiving => blocklist, blacklisted, unsubscribe, blocked contacts',
  'resubscribe, opt back in, unblock, whitelist, allowlist, unsuppress, remove from blocklist, ' +
    'allow again, let through, again, free, unlock, lift the block, unban => unblock',
  'double opt in, double optin, doi, confirmed opt in, confirmation email, sign up form, signup, ' +
    'sign up, confirm by email, confirm their email, confirm first => double optin',
  'opt in, optin => optin',
  'import, upload, bulk add, bulk load, load, mass import, bring in => import, add',
  'export, backup, dump, extract, save as csv => export',
  'csv, spreadsheet, excel, xlsx => export, import',
  // A file of something, or something as a file, is asked for; a file given is imported ("from this csv").
  'a csv of, csv of, a file of, file of, a spreadsheet of, spreadsheet of, an excel of, a download ' +
    'of, as a csv, as csv, to csv, in a csv, into a csv, as a file, in a file, as a spreadsheet, ' +
    'in a spreadsheet, as excel, downloadable, dump of => export',
  'bulk, batch, many, several, multiple, mass, at once, in one go, in a single go, in one shot, ' +
    'in one call, in a single call, in one request, in a single request, all in one, lots of => batch, ' +
    'bulk',
  'engagement, activity, opens, clicks, interactions, history => statistics, stats',
  'join, add to, put in, subscribe to, insert, place in, put on => add',
  'leave, take out of, kick, remove from => remove, unlink',
  'option, choice, dropdown value, picklist value, select value => option, enumeration',
  'modified, recent, recently, since, lately => modified since',
  'yesterday, today, last week, last month, this week, this month, past week, past month, last ' +
    'year, this year, past year, this quarter, last quarter, date range, between, period => period, ' +
    'start date, end date, days',

  // Campaigns.
  'pause, paused, suspend, suspended, hold, on hold, halt, resume, unpause, archive, archived, ' +
    'unarchive, mark as sent, status, stop, stopped => status, suspend',
  'duplicate, copy, clone, replicate => replicate',
  'schedule, scheduled, later, tomorrow, at a time, queue, queued, timed, delay, delayed => scheduled, schedule',
  'test, preview, proof, try, trial, sample, seed test, dry run, try out, to myself, to me first, ' +
    'my own address, before sending => test',
  'report, stats, statistics, analytics, performance, metrics, results, numbers, kpi, kpis, figures, ' +
    'open rate, click rate, bounce rate, delivery rate, how did, how well, perform, performed => ' +
    'statistics, report',
  'a b test, ab test, a/b, split test, split testing, variant, winner, winning version => ab test',
  'who received, who got, audience of, recipients => recipients',
  'image, picture, photo, logo, banner, asset, media, graphic => image gallery',
  'share, shareable, share link, sharing, public link, public url, web version, view in browser, ' +
    'online version, permalink => shared url',

  // Transactional email.
  'template, layout, design, reusable email, email design, boilerplate => template',
  'log, logs, delivery log, sent emails, email history, message history, outbox, sent items, ' +
    'sent mail, message log, mail log, send log => events, emails list, log',
  'event, events, delivery status, delivered, opened, clicked, bounced, spam, complaint, deferred, ' +
    'activity feed, tracking => event, events',
  'reach, reached, arrive, arrived, landed, got through, go through, went through, gone through, ' +
    'received by => delivered, event',
  'bounce, bounces, bounced, hard bounce, hardbounce, undeliverable, invalid address, dead address ' +
    '=> hardbounces, bounce',
  'inbound, incoming, received, receive, reply, replies, parse, parsing, parsed, inbound parsing, ' +
    'incoming mail => inbound',
  'attachment, attached file, attachments => attachment',
  'content, body, html, what was sent, copy of => content',
  'sandbox, dry run, validate only, without sending => sandbox',

  // Webhooks.
  'needs to know, need to know, be told, be kept informed => create webhook, webhook',
  'get notified, be notified, get alerted, notify me, notify my, notify our, alert me, let me ' +
    'know, tell my server, ping my server, a ping, ping us, ping our, call my url, every time, whenever, ' +
    'each time, as soon as, in real time, real-time => create webhook, webhook',
  'my app, our app, my server, our server, my backend, our backend, my system, our system, my ' +
    'endpoint, our endpoint, my url, our url, my crm, our crm => webhook',
  'notify, notified, notification, notifications, callback, callbacks, hook, hooks, endpoint, ' +
    'listener, push notification, event subscription, ping url, notify url, http callback, postback, ' +
    'web hook, integration, integrations, zapier, n8n, ifttt, make.com => webhook',
  'webhook history, webhook logs, past webhook calls, webhook deliveries => export webhooks history',

  // Senders, domains, IPs.
  'from address, from name, sending address, from email, sender address, sender identity, sender ' +
    'email, send as, reply to address, mailbox, come from, comes from, sent from, sending from => ' +
    'sender',
  'dns, spf, dkim, dmarc, txt record, records, dns records, brand domain, sending domain, custom domain => domain',
  'verify, verified, verification, validate, validation, confirm, confirmed, authenticate, authenticated, ' +
    'authentication, prove ownership => validate, authenticate, verified',
  'ip, ips, ip address, dedicated ip, dedicated ips, ip pool, server ip => dedicated ip',

  // Account.
  'plan, credits, credit, quota, quotas, allowance, subscription plan, billing, remaining, left, ' +
    'usage, limits, email credits, sms credits, emails left, email left, sms left, messages left, ' +
    'pricing tier => plan, credits',
  'done, finished, ready, completed, progress, status of, still running => status, process',
  'job, jobs, background job, background task, import status, export status, process, processes, ' +
    'progress, running, finished, done yet, still running, queue status, task status => process',
  'audit log, audit trail, activity log, who did what, user actions, login history, actions log, ' +
    'security log, logged in, logins, who changed, recent changes, changed settings, made changes, ' +
    'changes made, what changed, who made changes, who modified => activity',
  'my account, company details, account details, profile, organization details, relay details, ' +
    'smtp credentials => account',

  // Users of the organisation.
  'teammate, teammates, colleague, colleagues, team member, team members, staff, seat, seats, ' +
    'coworker, co-worker, employee, collaborator, user, users, login => user',
  'permission, permissions, access, rights, role, roles, privilege, privileges, what can they ' +
    'do, feature access, allowed to, permitted, can do, full access, admin rights, access rights, ' +
    'more access, less access => permission',
  'cut off, cut off access, take away access, remove access, lock out, kick out, offboard, offboarding, ' +
    'deprovision, left the company, leaver, no longer works here, no longer with us => revoke',
  'invite, invitation, invitations, onboard, add to team, give access => invite invitation',
  'pending invitation, unaccepted invitation => invitation',
  'resend, re-send, send again => resend, send',

  // Reseller.
  'child account, child accounts, client account, client accounts, customer account, reseller, ' +
    'resold, white label, white-label, managed account, end client => reseller child',
  'top up, topup, top-up, add credits, give credits, allocate credits, recharge => credits add',
  'take back credits, withdraw credits, deduct credits, claw back => credits remove',
  'enable, disable, turn on, turn off, switch on, switch off, activate, deactivate => toggle, status, enable, activate',

  // Corporate (master account).
  'sub-account, subaccount, sub account, sub accounts, subaccounts, brand account, branch account, ' +
    'organization accounts => sub account',
  'master account, parent account, main account, corporate account, enterprise account, head ' +
    'office, organisation account, parent organisation, parent organization, parent company => master ' +
    'corporate',
  'admin, administrator, admins, administrators, master user, corporate user => admin user',
  'group of accounts, account group, team of sub accounts => group',
  'sso, single sign on, single sign-on, log in as, login as, impersonate, login link, magic link, ' +
    'auto login, login token, log into, log me into, log in to, sign in to, sign into, without password, ' +
    'without their password, without a password, passwordless, access their account, jump into => ' +
    'sso token',
  'api key, apikey, key, keys, credentials, secret => api key',

  // CRM.
  'opportunity, opportunities, pipeline item, potential sale, sales opportunity, negotiation, ' +
    'lead in the pipeline, sales lead, pipeline entry => deal',
  'won, lost, closed won, closed lost, close the deal, closed the deal, mark as won, mark as ' +
    'lost, move to stage, next stage => update deal, stage',
  'stage, stages, funnel, sales process, kanban, step, phase, columns => pipeline stage',
  'company, organization, organisation, business, firm, account record, employer, client company, ' +
    'enterprise, corporation, brand, vendor, partner, supplier => company',
  'todo, to do list, reminder, follow up, follow-up, follow up call, phone call, sales call, ' +
    'call back, meeting, appointment, assignment, action item, chore, remind me, remind us, remind ' +
    'the team, ring back => task',
  'comment, memo, annotation, remark, call notes, meeting notes, note, note down, make a note, jot down => note',
  'document, doc, pdf, contract file, attachment, file, upload file => file',
  'associate, attach, connect, relate, tie, assign, link, hook up, wire up, plug in, connect to => link',
  'disassociate, detach, disconnect, untie, unassign, unlink => unlink',
  'owner, assignee, assigned to, sales rep, rep => assign',
  'crm, sales crm => crm',

  // Conversations (chat).
  'chat, live chat, chats, conversation, conversations, inbox, visitor, website visitor, support ' +
    'chat, helpdesk, widget, chat widget, messenger, operator, support agent, agent => conversation',
  'reply to visitor, answer visitor, respond, reply, respond to chat, write a message, write ' +
    'to, message the visitor => send conversation message',
  'proactive message, automated message, pushed message, push message, bot message, automatic ' +
    'message => automated pushed',
  'online, available, presence, heartbeat, status online, show as online, appear online => online agent',

  // E-commerce.
  'order, orders, purchase, purchases, checkout, cart, basket, bought, sale record, transaction record => order',
  'shipped, order shipped, order delivered, order refunded, order cancelled, refund, refunded, ' +
    'fulfil, fulfill, fulfilled, fulfilment, fulfillment, dispatched => order status',
  'product, products, item, items, sku, skus, catalog, inventory, goods, merchandise, article, stock => product',
  'category, categories, department, aisle, product group, product type => category',
  'currency, money, euro, dollar, eur, usd, gbp => currency',
  'attribution, revenue, roi, return on investment, conversions, conversion, sales from, earned, ' +
    'generated, driven, made money, income, uplift => attribution metric revenue',
  'shop, store, storefront, webshop, online store, ecommerce, e-commerce, e commerce => ecommerce',
  'enable ecommerce, turn on ecommerce, activate shop, set up shop => activate ecommerce',

  // Coupons.
  'coupon, coupons, discount code, discount codes, promo code, promo codes, promotion code, voucher ' +
    'code, code, codes, discount, discounts, gift code => coupon',
  'coupon pool, coupon batch, set of codes, code pool, code list, batch of codes => coupon collection',
  'expiry, expiration, expire, expires, valid until, runs out, stock alert, low stock => expiration',

  // Loyalty.
  'points, point, stamps, stars, miles, credit balance, wallet, balance, balances, loyalty balance, ' +
    'cashback, punch card, stamp card, loyalty card => balance',
  'award points, give points, add points, earn, earned, credit points, earn points, grant points, ' +
    'credit reward points, top up points => transaction credit balance',
  'deduct, spend, spent, burn, debit, remove points, take points, deduct points, subtract points, ' +
    'spend points, use points, burn points, adjust points => transaction debit balance',
  'loyal customer, loyal customers, regular customer => loyalty member',
  'member, members, membership, memberships, enrolled customer, loyalty customer, loyalty member, ' +
    'participant, cardholder => subscription member',
  'enroll, enrol, enrolment, sign up for, join program, register for, subscribe => subscribe enroll',
  'level, levels, rank, ranks, gold, silver, bronze, platinum, status level, grade, vip level, ' +
    'membership level, status tier => tier',
  'reward, rewards, perk, perks, benefit, benefits, offer, offers, gift, gifts, prize, incentive => reward offer',
  'voucher, vouchers, gift card, certificate => voucher',
  'loyalty program, loyalty programme, club, scheme, rewards program, rewards club, loyalty scheme, ' +
    'fidelity, points program, points programme, points scheme, points club => loyalty program',
  'go live, make live, publish, release, activate program, launch => publish',
  'use voucher, use reward, claim, claim reward, cash in, consume, use up, apply voucher, apply ' +
    'code, swap for, exchange for, trade in, trade for => redeem',
  'history of points, points history, statement, ledger, movements => transaction history',
  'cap, ceiling, max per, maximum per, limit, limits, rate limit => limit',

  // Events.
  'workflow, workflows, automation, automations, scenario, journey, drip, autoresponder => automation',
  'not expired, unexpired, still valid, valid, usable, current => active',
  'custom event, behavior, behaviour, action happened, something happened, occurred, did something, ' +
    'user action, signal, milestone, event => event',
  'track, record, report an event => track event create',
  'record that, log that, track that, note that, tell brevo, let brevo know, watched, completed, ' +
    'signed up, abandoned, register that => event, create event',

  // Feeds.
  'external feed, data feed, rss, rss feed, json feed, product feed, data source, remote data, ' +
    'api source, external data, dynamic content, content feed => external feed',

  // Payments.
  'payment, payments, invoice, bill, pay link, checkout link, charge, payment link, collect money, ' +
    'get paid, request money, payment request, pay => payment request',

  // Tracker.
  'page view, pageview, page visit, visited, viewed page, web page, website visit, browsing, ' +
    'page, pages, pricing page, landing page, product page, looks at => track page',
  'link click, clicked link, url click, clicked => track link',
  'tracker, tracking script, website tracking, js tracker, automation tracker, ma key => tracker',
  'identify, identified, identify visitor, associate visitor => identify',
];

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
