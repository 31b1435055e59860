// Groups of sub-accounts (created, renamed, joined, unlinked, deleted) and the admin users of the
// master account (invited, resent, cancelled, given permissions and groups, revoked), with real
// state in corporate-store.ts.
import { bounded, checkInvitation, emailField, hexId, notTheOwner } from './accounts-common.js';
import { ADMIN_FEATURES, corporateOf, MAX_ADMINS, MAX_GROUPS, type CorporateState } from './corporate-store.js';
import { invalid, missing, SandboxError, routes } from './http.js';
import { readPrivileges } from './organization-api.js';
import { bodyOf, optIntArray, optStringArray, reqString, type Body } from './validate.js';
import { checkCap } from './limits.js';

const noContent = { status: 204 };

function groupName(corp: CorporateState, body: Body, except?: string): string {
  const name = bounded(reqString(body, 'groupName').trim(), 'groupName', 100);
  for (const g of corp.groups.values())
    if (g.id !== except && g.name.toLowerCase() === name.toLowerCase())
      throw new SandboxError(400, 'duplicate_parameter', `A group named ${name} already exists`);
  return name;
}

export const corporateGroupRoutes = routes({
  'GET /corporate/groups': (_req, store) => ({
    status: 200,
    body: [...corporateOf(store).groups.values()].map((g) => ({ id: g.id, groupName: g.name })),
  }),
  'POST /corporate/group': (req, store) => {
    const corp = corporateOf(store);
    const body = bodyOf(req);
    const name = groupName(corp, body);
    const members = corp.existingSubAccounts(optIntArray(body, 'subAccountIds') ?? [], 'subAccountIds');
    checkCap(corp.groups.size, MAX_GROUPS, 'groups of sub-accounts');
    const id = hexId();
    corp.groups.set(id, { id, name, createdAt: store.now() });
    for (const s of members) s.groupIds.push(id);
    return { status: 201, body: { id } };
  },
  'GET /corporate/group/{id}': (req, store) => {
    const corp = corporateOf(store);
    const g = corp.group(req.params.id!);
    return {
      status: 200,
      body: {
        group: { id: g.id, groupName: g.name, createdAt: g.createdAt },
        'sub-accounts': [...corp.subAccounts.values()]
          .filter((s) => s.groupIds.includes(g.id))
          .map((s) => ({ id: s.id, companyName: s.companyName, createdAt: s.createdAt })),
        users: [...corp.admins.values()]
          .filter((u) => u.groupIds.includes(g.id))
          .map((u) => ({ email: u.email, lastName: u.lastName ?? '', firstName: u.firstName ?? '' })),
      },
    };
  },
  'PUT /corporate/group/{id}': (req, store) => {
    const corp = corporateOf(store);
    const g = corp.group(req.params.id!);
    const body = bodyOf(req);
    const name = body.groupName !== undefined ? groupName(corp, body, g.id) : undefined;
    const ids = optIntArray(body, 'subAccountIds');
    if (name === undefined && ids === undefined) throw missing('groupName or subAccountIds');
    // The sub-accounts given are added to the group; unlinking is its own operation.
    const members = corp.existingSubAccounts(ids ?? [], 'subAccountIds');
    if (name !== undefined) g.name = name;
    for (const s of members) if (!s.groupIds.includes(g.id)) s.groupIds.push(g.id);
    return noContent;
  },
  'DELETE /corporate/group/{id}': (req, store) => {
    const corp = corporateOf(store);
    const g = corp.group(req.params.id!);
    corp.groups.delete(g.id);
    for (const s of corp.subAccounts.values()) s.groupIds = s.groupIds.filter((id) => id !== g.id);
    for (const u of corp.admins.values()) u.groupIds = u.groupIds.filter((id) => id !== g.id);
    return noContent;
  },
  'PUT /corporate/group/unlink/{groupId}/subAccounts': (req, store) => {
    const corp = corporateOf(store);
    const g = corp.group(req.params.groupId!);
    const ids = optIntArray(bodyOf(req), 'subAccountIds');
    if (!ids?.length) throw missing('subAccountIds');
    const targets = corp.existingSubAccounts(ids, 'subAccountIds');
    const outside = targets.filter((s) => !s.groupIds.includes(g.id)).map((s) => s.id);
    if (outside.length) throw invalid(`subAccountIds: ${outside.join(', ')} not in group ${g.id}`);
    for (const s of targets) s.groupIds = s.groupIds.filter((id) => id !== g.id);
    return noContent;
  },
  'GET /corporate/invited/users': (_req, store) => {
    const corp = corporateOf(store);
    return {
      status: 200,
      body: {
        users: [...corp.admins.values()].map((u) => {
          const [group] = corp.groupsOf(u.groupIds);
          return {
            ...(group ? { groups: group } : {}),
            email: u.email,
            is_owner: String(u.owner),
            status: u.status,
            feature_access: corp.featureAccess(u),
          };
        }),
      },
    };
  },
  'GET /corporate/user/{email}/permissions': (req, store) => {
    const corp = corporateOf(store);
    const u = corp.admin(req.params.email!);
    return {
      status: 200,
      body: {
        email: u.email,
        status: u.status,
        groups: corp.groupsOf(u.groupIds),
        feature_access: corp.featureAccess(u),
      },
    };
  },
  'POST /corporate/user/invitation/send': (req, store) => {
    const corp = corporateOf(store);
    const body = bodyOf(req);
    const email = emailField(body);
    const { allFeatures, privileges } = readPrivileges(body, ADMIN_FEATURES);
    const groupIds = corp.existingGroups(optStringArray(body, 'groupIds') ?? [], 'groupIds');
    checkInvitation(corp.admins, email, 'an admin user', { max: MAX_ADMINS, what: 'admin users and invitations' });
    const invitationId = hexId();
    corp.admins.set(email, {
      email,
      owner: false,
      status: 'pending',
      allFeatures,
      privileges,
      groupIds,
      invitationId,
      invitedAt: store.now(),
    });
    return { status: 201, body: { id: invitationId } };
  },
  'PUT /corporate/user/invitation/{action}/{email}': (req, store) => {
    const corp = corporateOf(store);
    const u = corp.admin(req.params.email!);
    if (u.status !== 'pending') throw invalid(`${u.email} has no pending invitation: the user has already joined`);
    if (req.params.action === 'cancel') {
      corp.admins.delete(u.email);
      return { status: 200, body: { message: 'Invitation cancelled successfully' } };
    }
    u.invitedAt = store.now();
    return { status: 200, body: { message: 'Invitation resent successfully' } };
  },
  'DELETE /corporate/user/revoke/{email}': (req, store) => {
    const corp = corporateOf(store);
    const u = corp.admin(req.params.email!);
    notTheOwner(u, 'access');
    corp.admins.delete(u.email);
    return noContent;
  },
  'PUT /corporate/user/{email}/permissions': (req, store) => {
    const corp = corporateOf(store);
    const u = corp.admin(req.params.email!);
    notTheOwner(u, 'permissions');
    Object.assign(u, readPrivileges(bodyOf(req), ADMIN_FEATURES));
    return noContent;
  },
});
