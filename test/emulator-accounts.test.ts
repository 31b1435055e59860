// The emulator's account areas over HTTP: every corporate, reseller, organization and
// conversations answer in the shape of Brevo's official definition (checked against ../shared
// when present), Brevo's errors for unknown ids, bad fields and duplicates, and the caps that
// keep the store bounded.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAgainst, successResponses } from '../scripts/lib/response-schemas.mjs';
import { sharedAvailable, sharedDir } from '../scripts/lib/reference.mjs';
import { startEmulator, testClock, type Emulator, type Json } from './support/emulator.js';

const available = sharedAvailable();

describe("the emulator's corporate, reseller, organization and conversations areas", () => {
  let emu: Emulator;
  beforeAll(async () => {
    emu = await startEmulator();
  });
  afterAll(() => emu?.close());

  it.skipIf(!available)("answers every operation of the four areas in the definition's shapes", async () => {
    const problems: string[] = [];
    const check = async (method: string, template: string, path: string, body?: unknown) => {
      const spec = template.startsWith('/reseller') ? 'legacy-v2' : 'openapi-v3';
      const reply = await emu.request(method, path, body);
      const where = `${method} ${path}`;
      const success = successResponses(spec, method, template).find(
        (r: { status: number }) => r.status === reply.status,
      );
      if (!success) return void problems.push(`${where}: status ${reply.status} (${reply.text.slice(0, 200)})`);
      if (!success.contentType) {
        if (reply.text) problems.push(`${where}: no content expected, got ${reply.text.slice(0, 100)}`);
      } else if (success.schema) {
        if (!reply.text) problems.push(`${where}: no body, the definition gives one`);
        else problems.push(...checkAgainst(success.doc, success.schema, reply.json, where));
      }
      return reply.json;
    };
    // Corporate: sub-accounts, groups, IPs, admin users.
    await check('GET', '/corporate/masterAccount', '/corporate/masterAccount');
    await check('GET', '/corporate/subAccount', '/corporate/subAccount?offset=0&limit=10');
    const { id } = await check('POST', '/corporate/subAccount', '/corporate/subAccount', {
      companyName: 'Shape test',
      email: 'shape@demoshop.example',
    });
    await check('GET', '/corporate/subAccount/{id}', '/corporate/subAccount/4100001');
    await check('GET', '/corporate/subAccount/{id}', `/corporate/subAccount/${id}`);
    await check('PUT', '/corporate/subAccount/{id}/plan', `/corporate/subAccount/${id}/plan`, {
      credits: { email: 100 },
    });
    await check('PUT', '/corporate/subAccounts/plan', '/corporate/subAccounts/plan', {
      subAccountIds: [id],
      features: { landingPage: 2 },
    });
    await check(
      'PUT',
      '/corporate/subAccount/{id}/applications/toggle',
      `/corporate/subAccount/${id}/applications/toggle`,
      {
        crm: false,
      },
    );
    await check('POST', '/corporate/subAccount/key', '/corporate/subAccount/key', { id, name: 'k' });
    await check('POST', '/corporate/subAccount/ssoToken', '/corporate/subAccount/ssoToken', { id });
    await check('POST', '/corporate/ssoToken', '/corporate/ssoToken', { email: 'owner@demoshop.example' });
    await check('GET', '/corporate/groups', '/corporate/groups');
    const group = await check('POST', '/corporate/group', '/corporate/group', {
      groupName: 'Shapes',
      subAccountIds: [id],
    });
    await check('GET', '/corporate/group/{id}', `/corporate/group/${group.id}`);
    await check('GET', '/corporate/group/{id}', '/corporate/group/66a1f0c2b3d4e5f6a7b80011');
    await check('PUT', '/corporate/group/{id}', `/corporate/group/${group.id}`, { groupName: 'Shapes 2' });
    await check(
      'PUT',
      '/corporate/group/unlink/{groupId}/subAccounts',
      `/corporate/group/unlink/${group.id}/subAccounts`,
      {
        subAccountIds: [id],
      },
    );
    await check('GET', '/corporate/ip', '/corporate/ip');
    await check('POST', '/corporate/subAccount/ip/associate', '/corporate/subAccount/ip/associate', {
      ip: '198.51.100.26',
      ids: [id],
    });
    await check('PUT', '/corporate/subAccount/ip/dissociate', '/corporate/subAccount/ip/dissociate', {
      ip: '198.51.100.26',
      ids: [id],
    });
    const privileges = [{ feature: 'analytics', permissions: ['create_alerts'] }];
    await check('POST', '/corporate/user/invitation/send', '/corporate/user/invitation/send', {
      email: 'shape-admin@demoshop.example',
      all_features_access: false,
      privileges,
      groupIds: [group.id],
    });
    await check('GET', '/corporate/invited/users', '/corporate/invited/users');
    await check(
      'GET',
      '/corporate/user/{email}/permissions',
      '/corporate/user/shape-admin%40demoshop.example/permissions',
    );
    await check(
      'PUT',
      '/corporate/user/{email}/permissions',
      '/corporate/user/shape-admin%40demoshop.example/permissions',
      {
        all_features_access: true,
        privileges: [],
      },
    );
    await check(
      'PUT',
      '/corporate/user/invitation/{action}/{email}',
      '/corporate/user/invitation/resend/shape-admin%40demoshop.example',
    );
    await check(
      'PUT',
      '/corporate/user/invitation/{action}/{email}',
      '/corporate/user/invitation/cancel/shape-admin%40demoshop.example',
    );
    await check('DELETE', '/corporate/user/revoke/{email}', '/corporate/user/revoke/finance%40demoshop.example');
    await check('DELETE', '/corporate/group/{id}', `/corporate/group/${group.id}`);
    await check('DELETE', '/corporate/subAccount/{id}', `/corporate/subAccount/${id}`);

    // Reseller children (the legacy definition).
    await check('GET', '/reseller/children', '/reseller/children');
    const child = await check('POST', '/reseller/children', '/reseller/children', {
      email: 'shape@child.example',
      firstName: 'S',
      lastName: 'T',
      companyName: 'Shape',
      password: 'shape-password',
    });
    const c = `/reseller/children/${child.id}`;
    await check('GET', '/reseller/children/{childIdentifier}', c);
    await check('PUT', '/reseller/children/{childIdentifier}', c, { lastName: 'U' });
    await check('PUT', '/reseller/children/{childIdentifier}/accountStatus', `${c}/accountStatus`, {
      smsCampaign: false,
    });
    await check('GET', '/reseller/children/{childIdentifier}/accountCreationStatus', `${c}/accountCreationStatus`);
    await check('GET', '/reseller/children/{childIdentifier}/auth', `${c}/auth`);
    await check('POST', '/reseller/children/{childIdentifier}/credits/add', `${c}/credits/add`, { email: 10 });
    await check('POST', '/reseller/children/{childIdentifier}/credits/remove', `${c}/credits/remove`, { email: 5 });
    await check('POST', '/reseller/children/{childIdentifier}/ips/associate', `${c}/ips/associate`, {
      ip: '198.51.100.25',
    });
    await check('POST', '/reseller/children/{childIdentifier}/ips/dissociate', `${c}/ips/dissociate`, {
      ip: '198.51.100.25',
    });
    await check('POST', '/reseller/children/{childIdentifier}/domains', `${c}/domains`, { domain: 'shape.example' });
    await check('GET', '/reseller/children/{childIdentifier}/domains', `${c}/domains`);
    await check('PUT', '/reseller/children/{childIdentifier}/domains/{domainName}', `${c}/domains/shape.example`, {
      domain: 'shape2.example',
    });
    await check('DELETE', '/reseller/children/{childIdentifier}/domains/{domainName}', `${c}/domains/shape2.example`);
    await check('DELETE', '/reseller/children/{childIdentifier}', c);

    // Organization users.
    await check('GET', '/organization/invited/users', '/organization/invited/users');
    await check('POST', '/organization/user/invitation/send', '/organization/user/invitation/send', {
      email: 'shape-user@demoshop.example',
      all_features_access: true,
      privileges: [],
    });
    await check(
      'GET',
      '/organization/user/{email}/permissions',
      '/organization/user/shape-user%40demoshop.example/permissions',
    );
    await check('POST', '/organization/user/update/permissions', '/organization/user/update/permissions', {
      email: 'shape-user@demoshop.example',
      all_features_access: false,
      privileges: [{ feature: 'contacts', permissions: ['view'] }],
    });
    await check(
      'PUT',
      '/organization/user/invitation/{action}/{email}',
      '/organization/user/invitation/resend/shape-user%40demoshop.example',
    );
    await check(
      'PUT',
      '/organization/user/invitation/{action}/{email}',
      '/organization/user/invitation/cancel/shape-user%40demoshop.example',
    );
    await check(
      'PUT',
      '/organization/user/invitation/revoke/{email}',
      '/organization/user/invitation/revoke/support%40demoshop.example',
    );
    await check('GET', '/organization/activities', '/organization/activities?limit=100');

    // Conversations.
    const message = await check('POST', '/conversations/messages', '/conversations/messages', {
      visitorId: 'v-shape',
      text: 'hello',
      agentEmail: 'agent@helpdesk.example',
      agentName: 'Helpdesk agent',
      receivedFrom: 'Helpdesk',
    });
    await check('GET', '/conversations/messages/{id}', `/conversations/messages/${message.id}`);
    await check('GET', '/conversations/messages/{id}', '/conversations/messages/demoShopMessage01');
    await check('PUT', '/conversations/messages/{id}', `/conversations/messages/${message.id}`, { text: 'hi' });
    await check('DELETE', '/conversations/messages/{id}', `/conversations/messages/${message.id}`);
    const pushed = await check('POST', '/conversations/pushedMessages', '/conversations/pushedMessages', {
      visitorId: 'v-shape',
      text: 'shipped',
      agentId: 'demoShopAgent0001',
    });
    await check('GET', '/conversations/pushedMessages/{id}', `/conversations/pushedMessages/${pushed.id}`);
    await check('PUT', '/conversations/pushedMessages/{id}', `/conversations/pushedMessages/${pushed.id}`, {
      text: 'x',
    });
    await check('DELETE', '/conversations/pushedMessages/{id}', `/conversations/pushedMessages/${pushed.id}`);
    await check('POST', '/conversations/agentOnlinePing', '/conversations/agentOnlinePing', {
      agentId: 'demoShopAgent0002',
    });
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('answers 404 for unknown ids, as Brevo does, in every area', async () => {
    const notFound = { status: 404, json: { code: 'document_not_found' } };
    expect(await emu.request('GET', '/corporate/subAccount/999')).toMatchObject(notFound);
    expect(await emu.request('DELETE', '/corporate/subAccount/999')).toMatchObject(notFound);
    expect(await emu.request('PUT', '/corporate/subAccount/999/plan', { credits: { email: 1 } })).toMatchObject(
      notFound,
    );
    expect(await emu.request('GET', '/corporate/group/000000000000000000000000')).toMatchObject(notFound);
    expect(await emu.request('GET', '/corporate/user/nobody%40demoshop.example/permissions')).toMatchObject(notFound);
    expect(await emu.request('GET', '/reseller/children/999')).toMatchObject(notFound);
    expect(await emu.request('GET', '/reseller/children/xkeysib-unknown/domains')).toMatchObject(notFound);
    expect(await emu.request('DELETE', '/reseller/children/187501/domains/unknown.example')).toMatchObject(notFound);
    expect(await emu.request('GET', '/organization/user/nobody%40demoshop.example/permissions')).toMatchObject(
      notFound,
    );
    expect(await emu.request('PUT', '/organization/user/invitation/resend/nobody%40demoshop.example')).toMatchObject(
      notFound,
    );
    expect(await emu.request('GET', '/conversations/messages/nope')).toMatchObject(notFound);
    // Any message reads as a message, but only a pushed one as a pushed message, and it changes only there.
    expect(await emu.request('GET', '/conversations/messages/demoShopPushed001')).toMatchObject({
      status: 200,
      json: { isPushed: true },
    });
    expect(await emu.request('GET', '/conversations/pushedMessages/demoShopMessage02')).toMatchObject(notFound);
    expect(await emu.request('PUT', '/conversations/messages/demoShopPushed001', { text: 'x' })).toMatchObject(
      notFound,
    );
  });

  it('refuses bad fields with a 400 that names them', async () => {
    const bad = async (method: string, path: string, body: unknown, message: RegExp) =>
      expect(await emu.request(method, path, body)).toMatchObject({
        status: 400,
        json: { message: expect.stringMatching(message) },
      });
    await bad('POST', '/corporate/subAccount', { companyName: 'X', email: 'not-an-email' }, /^email is not a valid/);
    await bad(
      'POST',
      '/corporate/subAccount',
      { companyName: 'X', email: 'x@demoshop.example', groupIds: ['nope'] },
      /^groupIds: no group with id nope/,
    );
    await bad(
      'POST',
      '/corporate/subAccount',
      { companyName: 'X', email: 'x@demoshop.example', timezone: 'Mars/Olympus' },
      /^timezone: Mars\/Olympus/,
    );
    await bad('PUT', '/corporate/subAccount/4100001/plan', { credits: { email: -2 } }, /^credits\.email should be/);
    await bad('PUT', '/corporate/subAccount/4100001/plan', { features: { users: 1 } }, /^features\.users: .*uses 2/);
    await bad('PUT', '/corporate/subAccount/4100001/plan', {}, /credits or features is missing/);
    await bad(
      'PUT',
      '/corporate/subAccounts/plan',
      { subAccountIds: [4100001, 5], credits: { sms: 1 } },
      /no sub-account with id 5/,
    );
    await bad(
      'POST',
      '/corporate/subAccount/ip/associate',
      { ip: '192.0.2.1', ids: [4100001] },
      /^ip: 192\.0\.2\.1 is not/,
    );
    await bad(
      'POST',
      '/corporate/user/invitation/send',
      {
        email: 'a@demoshop.example',
        all_features_access: false,
        privileges: [{ feature: 'analytics', permissions: ['all'] }],
      },
      /all is not a permission of analytics/,
    );
    await bad(
      'POST',
      '/organization/user/invitation/send',
      { email: 'b@demoshop.example', all_features_access: false, privileges: [] },
      /privileges should name at least one feature/,
    );
    await bad(
      'POST',
      '/organization/user/invitation/send',
      {
        email: 'b@demoshop.example',
        all_features_access: false,
        privileges: [
          { feature: 'contacts', permissions: ['view'] },
          { feature: 'contacts', permissions: ['export'] },
        ],
      },
      /contacts is given more than once/,
    );
    await bad('POST', '/reseller/children/187501/credits/add', {}, /email or sms is missing/);
    await bad('POST', '/reseller/children/187501/credits/add', { email: -5 }, /^email should be a whole number/);
    await bad('POST', '/reseller/children/187501/domains', { domain: 'not a domain' }, /^domain: not a domain is not/);
    await bad('POST', '/reseller/children/187501/ips/associate', { ip: '192.0.2.1' }, /not a dedicated IP/);
    await bad('POST', '/conversations/messages', { visitorId: 'v', text: 'hi' }, /^agentId \(or agentEmail/);
    await bad(
      'POST',
      '/conversations/messages',
      { visitorId: 'v', text: 'hi', agentEmail: 'a@b.example', agentName: 'A' },
      /^receivedFrom is missing/,
    );
    await bad(
      'POST',
      '/conversations/messages',
      { visitorId: 'v', text: 'x'.repeat(10_001), agentId: 'demoShopAgent0001' },
      /^text should be at most 10000/,
    );
    await bad('GET', '/organization/activities?startDate=2026-01-01', undefined, /^endDate is missing/);
    await bad(
      'GET',
      '/organization/activities?startDate=2026-01-01&endDate=2026-03-01',
      undefined,
      /at most one month/,
    );
  });

  it('answers duplicates as Brevo does', async () => {
    const duplicate = { status: 400, json: { code: 'duplicate_parameter' } };
    expect(await emu.request('POST', '/corporate/group', { groupName: 'retail SHOPS' })).toMatchObject(duplicate);
    expect(
      await emu.request('POST', '/reseller/children', {
        email: 'claire.dubois@maisonverte.example',
        firstName: 'C',
        lastName: 'D',
        companyName: 'Again',
        password: 'long-enough',
      }),
    ).toMatchObject(duplicate);
    expect(
      await emu.request('POST', '/reseller/children/187501/domains', { domain: 'maisonverte.example' }),
    ).toMatchObject(duplicate);
    expect(
      await emu.request('POST', '/organization/user/invitation/send', {
        email: 'owner@demoshop.example',
        all_features_access: true,
        privileges: [],
      }),
    ).toMatchObject({ ...duplicate, json: { message: expect.stringMatching(/already a user/) } });
  });

  it('moves reseller credits only as far as the reseller has them (402 not_enough_credits)', async () => {
    const account = await emu.ok('GET', '/account');
    const sms = account.plan.find((p: Json) => p.type === 'sms').credits;
    expect(await emu.request('POST', '/reseller/children/187502/credits/add', { sms: sms + 1 })).toMatchObject({
      status: 402,
      json: { code: 'not_enough_credits' },
    });
    expect((await emu.ok('GET', '/reseller/children/187502')).credits.smsCredits).toBe(0);
  });

  it('keeps the store bounded: sub-accounts past the cap are refused with a Brevo error', async () => {
    const own = await startEmulator();
    try {
      const { count } = await own.ok('GET', '/corporate/subAccount?offset=0&limit=1');
      for (let i = count; i < 100; i++)
        await own.ok('POST', '/corporate/subAccount', { companyName: `Shop ${i}`, email: `shop${i}@demoshop.example` });
      expect(
        await own.request('POST', '/corporate/subAccount', { companyName: 'One more', email: 'more@demoshop.example' }),
      ).toMatchObject({
        status: 400,
        json: { code: 'out_of_range', message: expect.stringMatching(/at most 100 sub-accounts/) },
      });
      expect((await own.ok('GET', '/corporate/masterAccount')).planInfo.features[0]).toMatchObject({ remaining: 0 });
      await own.ok('DELETE', '/corporate/subAccount/4100001');
      expect(
        (
          await own.request('POST', '/corporate/subAccount', {
            companyName: 'One more',
            email: 'more@demoshop.example',
          })
        ).status,
      ).toBe(201);
    } finally {
      await own.close();
    }
  });

  it('logs organization actions with the time of the clock, filtered by dates and user', async () => {
    const clock = testClock('2026-05-20T10:00:00Z');
    const own = await startEmulator({ clock: clock.clock });
    try {
      await own.ok('POST', '/organization/user/invitation/send', {
        email: 'temp@demoshop.example',
        all_features_access: true,
        privileges: [],
      });
      clock.advance(3 * 86_400_000);
      await own.ok('PUT', '/organization/user/invitation/cancel/temp%40demoshop.example');
      const day = await own.ok('GET', '/organization/activities?startDate=2026-05-23&endDate=2026-05-23');
      expect(day.logs.map((l: Json) => [l.action, l.date])).toEqual([
        ['user-invitation-cancelled', '2026-05-23T10:00:00Z'],
      ]);
      const support = await own.ok('GET', '/organization/activities?email=support%40demoshop.example&limit=100');
      expect(support.logs.length).toBeGreaterThan(0);
      expect(
        support.logs.every((l: Json) => l.user_email === 'support@demoshop.example' && l.action === 'login-success'),
      ).toBe(true);
    } finally {
      await own.close();
    }
  });
});

if (!available) console.warn(`account areas contract check skipped: ${sharedDir} is not present on this machine`);
