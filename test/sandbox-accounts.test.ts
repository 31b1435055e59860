// `brevo-mcp --sandbox` for the accounts around the account, driven through the SDK Client over
// stdio as a model would: sub-accounts and their groups and admin users, reseller children and
// their credits and domains, organization users and invitations, conversation messages. Each
// goes write → read back → change → read back → delete → 404, against the seeded Demo Shop.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Json } from './support/json.js';
import { connectStdio, type Connected } from './support/mcp.js';
import { toolCalls } from './support/tool-calls.js';

describe('brevo-mcp --sandbox: accounts around the account', () => {
  let conn: Connected;
  const { ok: done, json, refused } = toolCalls(() => conn);

  beforeAll(async () => {
    conn = await connectStdio({ args: ['--sandbox', '--toolsets', 'all'], env: { BREVO_API_KEY: '' } });
  });
  afterAll(async () => {
    await conn?.close();
  });

  it('keeps a sub-account through its lifecycle: groups, plan, key, SSO token, IPs, delete', async () => {
    const master = await json('get_master_account');
    expect(master).toMatchObject({ email: 'owner@demoshop.example', companyName: 'Demo Shop' });
    const seeded = await json('get_sub_accounts', { offset: 0, limit: 10 });
    expect(seeded.subAccounts.map((s: Json) => s.companyName)).toEqual([
      'Demo Shop Outlet',
      'Demo Shop Wholesale',
      'Demo Shop España',
    ]);
    // A seeded sub-account's users are who may sign in to it, and what its plan's user seats count.
    const outlet = await json('get_sub_account', { id: seeded.subAccounts[0].id });
    expect(outlet).toMatchObject({
      name: 'Lucas Moreau',
      planInfo: { features: { users: { quantity: 3, remaining: 1 } } },
    });
    expect(
      (await json('create_sub_account_sso_token', { id: seeded.subAccounts[0].id, email: 'stock@demoshop.example' }))
        .token,
    ).toEqual(expect.any(String));
    expect(await refused('update_sub_account_plan', { id: seeded.subAccounts[0].id, features: { users: 1 } })).toMatch(
      /HTTP 400.*already uses 2/,
    );
    const [retail] = await json('get_sub_account_groups');
    expect(retail.groupName).toBe('Retail shops');

    const { id } = await json('create_sub_account', {
      companyName: 'Demo Shop Pop-up',
      email: 'popup@demoshop.example',
      language: 'fr',
      timezone: 'Europe/Paris',
      groupIds: [retail.id],
    });
    const created = await json('get_sub_account', { id });
    expect(created).toMatchObject({
      email: 'popup@demoshop.example',
      companyName: 'Demo Shop Pop-up',
      groups: [{ id: retail.id, name: 'Retail shops' }],
      planInfo: { credits: { emails: { quantity: 0, remaining: 0 } } },
    });
    const listed = await json('get_sub_accounts', { offset: 0, limit: 10 });
    expect(listed.count).toBe(seeded.count + 1);
    expect((await json('get_master_account')).planInfo.features[0]).toMatchObject({ used: seeded.count + 1 });
    expect(await refused('create_sub_account', { companyName: 'Again', email: 'popup@demoshop.example' })).toMatch(
      /HTTP 400.*already exists/,
    );

    expect(
      await done('update_sub_account_plan', { id, credits: { email: 20000, sms: 300 }, features: { users: 3 } }),
    ).toMatch(/HTTP 204/);
    expect((await json('get_sub_account', { id })).planInfo).toMatchObject({
      credits: { emails: { quantity: 20000, remaining: 20000 }, sms: { quantity: 300, remaining: 300 } },
      features: { users: { quantity: 3, remaining: 2 } },
    });
    const { key } = await json('create_sub_account_api_key', { id, name: 'Pop-up shop site' });
    expect(key).toMatch(/^xkeysib-[0-9a-f]{64}-/);
    const { token } = await json('create_sub_account_sso_token', { id, email: 'popup@demoshop.example' });
    expect(token).toMatch(/^[0-9a-f]{36}$/);
    expect(await refused('create_sub_account_sso_token', { id, email: 'someone@else.example' })).toMatch(
      /HTTP 400.*not a user of sub-account/,
    );

    const { id: groupId } = await json('create_sub_account_group', {
      groupName: 'Summer pop-ups',
      subAccountIds: [id],
    });
    expect(await json('get_sub_account_group', { id: groupId })).toMatchObject({
      group: { id: groupId, groupName: 'Summer pop-ups' },
      'sub-accounts': [{ id, companyName: 'Demo Shop Pop-up' }],
    });
    await done('update_sub_account_group', { id: groupId, groupName: 'Seasonal pop-ups' });
    expect((await json('get_sub_account', { id })).groups.map((g: Json) => g.name)).toEqual([
      'Retail shops',
      'Seasonal pop-ups',
    ]);
    await done('unlink_sub_accounts_from_group', { groupId, subAccountIds: [id] });
    expect((await json('get_sub_account_group', { id: groupId }))['sub-accounts']).toEqual([]);
    await done('delete_sub_account_group', { id: groupId });
    expect(await refused('get_sub_account_group', { id: groupId })).toMatch(/HTTP 404/);

    const [ip] = await json('get_corporate_ips');
    expect(ip).toMatchObject({ ip: '198.51.100.25', domain: 'mail.demoshop.example' });
    await json('associate_ip_to_sub_accounts', { ip: ip.ip, ids: [id] });
    await done('dissociate_ip_from_sub_accounts', { ip: ip.ip, ids: [id] });
    expect(await refused('dissociate_ip_from_sub_accounts', { ip: ip.ip, ids: [id] })).toMatch(/not associated/);

    expect(await done('delete_sub_account', { id })).toMatch(/HTTP 204/);
    expect(await refused('get_sub_account', { id })).toMatch(/HTTP 404 \(document_not_found\).*Sub-account not found/);
    expect((await json('get_sub_accounts', { offset: 0, limit: 10 })).count).toBe(seeded.count);
  });

  it('invites an admin user of the master account, changes and revokes their permissions', async () => {
    const [, business] = await json('get_sub_account_groups');
    const { id } = await json('invite_admin_user', {
      email: 'ops@demoshop.example',
      all_features_access: false,
      groupIds: [business.id],
      privileges: [{ feature: 'analytics', permissions: ['download_data'] }],
    });
    expect(id).toMatch(/^[0-9a-f]{24}$/);
    expect(await json('get_corporate_user_permission', { email: 'ops@demoshop.example' })).toMatchObject({
      status: 'pending',
      groups: [{ id: business.id, name: 'Business customers' }],
      feature_access: { analytics: ['download_data'], my_plan: ['none'] },
    });
    const users = (await json('get_corporate_invited_users_list')).users as Json[];
    expect(users.map((u) => u.email)).toContain('ops@demoshop.example');
    expect((await json('get_sub_account_group', { id: business.id })).users).toEqual(
      expect.arrayContaining([expect.objectContaining({ email: 'ops@demoshop.example' })]),
    );
    await done('update_admin_user_permissions', {
      email: 'ops@demoshop.example',
      all_features_access: false,
      privileges: [{ feature: 'my_plan', permissions: ['all'] }],
    });
    expect(
      (await json('get_corporate_user_permission', { email: 'ops@demoshop.example' })).feature_access,
    ).toMatchObject({ my_plan: ['all'], analytics: ['none'] });
    expect(
      (await json('resend_or_cancel_admin_invitation', { action: 'resend', email: 'ops@demoshop.example' })).message,
    ).toMatch(/resent/);
    await done('revoke_admin_user', { email: 'ops@demoshop.example' });
    expect(await refused('get_corporate_user_permission', { email: 'ops@demoshop.example' })).toMatch(/HTTP 404/);
    expect(await refused('revoke_admin_user', { email: 'owner@demoshop.example' })).toMatch(/HTTP 403/);
    // Only an admin who accepted can be given an admin SSO token.
    expect((await json('create_admin_sso_token', { email: 'finance@demoshop.example' })).token).toEqual(
      expect.any(String),
    );
    expect(await refused('create_admin_sso_token', { email: 'retail-lead@demoshop.example' })).toMatch(
      /not accepted the invitation/,
    );
  });

  it('keeps a reseller child: credits taken from the reseller plan, domains, IPs, delete', async () => {
    const before = await json('get_reseller_children');
    expect(before.children.map((c: Json) => c.companyName)).toEqual(['Maison Verte', 'Rossi Home']);
    const account = await json('get_account');
    const emailCredits = account.plan.find((p: Json) => p.type === 'subscription').credits;

    const { id, authKey } = await json('create_reseller_child', {
      email: 'nadia@nordicliving.example',
      firstName: 'Nadia',
      lastName: 'Holm',
      companyName: 'Nordic Living',
      password: 'Nordic-sandbox-45',
      language: 'en',
    });
    const child = await json('get_reseller_child', { childIdentifier: String(id) });
    expect(child).toMatchObject({
      email: 'nadia@nordicliving.example',
      companyName: 'Nordic Living',
      credits: { emailCredits: 0, smsCredits: 0 },
      password: 'Nordxxxxx-45',
      apiKeys: { v3: [{ key: authKey }] },
    });
    expect((await json('get_reseller_child_creation_status', { childIdentifier: authKey })).childAccountCreated).toBe(
      true,
    );

    const added = await json('add_reseller_child_credits', { childIdentifier: String(id), email: 1500, sms: 20 });
    expect(added).toMatchObject({ child: { email: 1500, sms: 20 }, reseller: { email: emailCredits - 1500 } });
    const after = await json('get_account');
    expect(after.plan.find((p: Json) => p.type === 'subscription').credits).toBe(emailCredits - 1500);
    const removed = await json('remove_reseller_child_credits', { childIdentifier: String(id), email: 500 });
    expect(removed).toMatchObject({ child: { email: 1000, sms: 20 }, reseller: { email: emailCredits - 1000 } });
    expect(await refused('remove_reseller_child_credits', { childIdentifier: String(id), sms: 21 })).toMatch(
      /HTTP 400.*only 20 SMS credits/,
    );

    await done('update_reseller_child', { childIdentifier: String(id), companyName: 'Nordic Living ApS' });
    expect((await json('get_reseller_child', { childIdentifier: String(id) })).companyName).toBe('Nordic Living ApS');

    await done('create_reseller_child_domain', { childIdentifier: String(id), domain: 'nordicliving.example' });
    expect(await json('get_reseller_child_domains', { childIdentifier: String(id) })).toEqual([
      { domain: 'nordicliving.example', active: false },
    ]);
    await done('update_reseller_child_domain', {
      childIdentifier: String(id),
      domainName: 'nordicliving.example',
      domain: 'mail.nordicliving.example',
    });
    expect(await json('get_reseller_child_domains', { childIdentifier: String(id) })).toEqual([
      { domain: 'mail.nordicliving.example', active: false },
    ]);
    await done('delete_reseller_child_domain', {
      childIdentifier: String(id),
      domainName: 'mail.nordicliving.example',
    });
    expect(await json('get_reseller_child_domains', { childIdentifier: String(id) })).toEqual([]);

    await done('associate_ip_to_reseller_child', { childIdentifier: String(id), ip: '198.51.100.25' });
    expect((await json('get_reseller_child', { childIdentifier: String(id) })).ips).toEqual(['198.51.100.25']);
    await done('dissociate_ip_from_reseller_child', { childIdentifier: String(id), ip: '198.51.100.25' });
    expect((await json('get_reseller_child_sso_token', { childIdentifier: String(id) })).token).toEqual(
      expect.any(String),
    );

    await done('delete_reseller_child', { childIdentifier: String(id) });
    expect(await refused('get_reseller_child', { childIdentifier: String(id) })).toMatch(
      /HTTP 404.*Child auth key or child id not found/,
    );
    expect((await json('get_reseller_children')).count).toBe(before.count);
  });

  it("invites an organization user, updates their permissions, cancels, and revokes a member's access", async () => {
    const seeded = (await json('get_invited_users_list')).users as Json[];
    expect(seeded.map((u) => [u.email, u.status])).toEqual([
      ['owner@demoshop.example', 'active'],
      ['support@demoshop.example', 'active'],
      ['sales@demoshop.example', 'active'],
      ['marketing@demoshop.example', 'pending'],
    ]);

    expect(
      await json('invite_user', {
        email: 'Lea.Roux@demoshop.example',
        all_features_access: false,
        privileges: [{ feature: 'email_campaigns', permissions: ['create_edit_delete', 'send_schedule_suspend'] }],
      }),
    ).toEqual({ status: 'OK' });
    expect(await json('get_user_permission', { email: 'lea.roux@demoshop.example' })).toEqual({
      email: 'lea.roux@demoshop.example',
      status: 'pending',
      privileges: [{ feature: 'email_campaigns', permissions: ['create_edit_delete', 'send_schedule_suspend'] }],
    });
    expect(
      await refused('invite_user', {
        email: 'lea.roux@demoshop.example',
        all_features_access: true,
        privileges: [],
      }),
    ).toMatch(/HTTP 400.*pending invitation/);

    await json('edit_user_permission', {
      email: 'lea.roux@demoshop.example',
      all_features_access: false,
      privileges: [
        { feature: 'email_campaigns', permissions: ['create_edit_delete'] },
        { feature: 'conversations', permissions: ['access'] },
      ],
    });
    const lea = (await json('get_invited_users_list')).users.find((u: Json) => u.email === 'lea.roux@demoshop.example');
    expect(lea.feature_access).toEqual({ marketing: 'custom', conversations: 'custom', crm: 'none' });
    expect((await json('get_user_permission', { email: 'lea.roux@demoshop.example' })).privileges).toHaveLength(2);

    await json('resend_or_cancel_user_invitation', { action: 'cancel', email: 'lea.roux@demoshop.example' });
    expect(await refused('get_user_permission', { email: 'lea.roux@demoshop.example' })).toMatch(/HTTP 404/);

    // A member who joined is revoked, not cancelled; what was done shows in the activity log.
    await json('revoke_user_permission', { email: 'sales@demoshop.example' });
    expect(await refused('get_user_permission', { email: 'sales@demoshop.example' })).toMatch(/HTTP 404/);
    const { logs } = await json('get_account_activity', { email: 'owner@demoshop.example', limit: 5 });
    expect(logs.slice(0, 5).map((l: Json) => l.action)).toEqual([
      'user-access-revoked',
      'user-invitation-cancelled',
      'user-permissions-updated',
      'user-invitation-sent',
      'login-success',
    ]);
  });

  it('keeps conversation messages an agent sends and automated messages: read, edit, delete', async () => {
    expect(await json('get_conversation_message', { id: 'demoShopMessage01' })).toMatchObject({
      type: 'visitor',
      visitorId: 'demoShopVisitorEmmaMartin0000001',
    });
    const sent = await json('send_conversation_message', {
      visitorId: 'demoShopVisitorEmmaMartin0000001',
      text: 'Your scarf is on its way!',
      agentId: 'demoShopAgent0002',
    });
    expect(sent).toMatchObject({ type: 'agent', agentName: 'Demo Shop Support', text: 'Your scarf is on its way!' });
    expect(await json('get_conversation_message', { id: sent.id })).toEqual(sent);
    const edited = await json('update_conversation_message', { id: sent.id, text: 'Your scarf left this morning!' });
    expect(edited).toMatchObject({ id: sent.id, text: 'Your scarf left this morning!' });
    expect((await json('get_conversation_message', { id: sent.id })).text).toBe('Your scarf left this morning!');
    expect(await refused('update_conversation_message', { id: 'demoShopMessage01', text: 'x' })).toMatch(
      /Only agents' messages/,
    );
    await done('delete_conversation_message', { id: sent.id });
    expect(await refused('get_conversation_message', { id: sent.id })).toMatch(/HTTP 404/);

    const pushed = await json('send_automated_message', {
      visitorId: 'demoShopVisitorEmmaMartin0000001',
      text: 'Your order is out for delivery.',
      groupId: 'demoShopGroup0001',
    });
    expect(pushed).toMatchObject({ isPushed: true, text: 'Your order is out for delivery.' });
    await json('update_automated_message', { id: pushed.id, text: 'Your order was delivered.' });
    expect((await json('get_automated_message', { id: pushed.id })).text).toBe('Your order was delivered.');
    await done('delete_automated_message', { id: pushed.id });
    expect(await refused('get_automated_message', { id: pushed.id })).toMatch(/HTTP 404/);

    expect(await done('set_agent_online', { agentId: 'demoShopAgent0001' })).toMatch(/HTTP 201/);
    expect(await refused('set_agent_online', { agentId: 'nobody' })).toMatch(/HTTP 400.*no agent with id/);
  });
});
