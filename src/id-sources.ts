// Where an id argument comes from: the operation that lists the things it names, and the one that
// creates them, read off the catalog's routes (GET and POST on the collection above `/{id}`), so a
// model told "folderId is required" also learns to call get_folders or create_folder.
import { readManifest, type ToolEntry } from './tools/manifest.js';

export interface IdSource {
  /** The operation that lists the things this id names (their ids among them). */
  list?: string;
  /** The operation that creates one, answering with its id. */
  create?: string;
}

type RouteEntry = Pick<ToolEntry, 'name' | 'method' | 'path' | 'toolset'>;

/**
 * Where the routes do not tell: fields named after no `{placeholder}` (contactId), or after one of
 * another kind of thing (a WhatsApp campaign's templateId), and collections whose list and create
 * routes differ. Keys: `field`, `toolset:field` or `tool:field`, the most specific winning.
 */
const KNOWN_SOURCES: Record<string, IdSource> = {
  contactId: { list: 'get_contacts', create: 'create_contact' },
  contact_id: { list: 'get_contacts', create: 'create_contact' },
  memberContactIds: { list: 'get_contacts', create: 'create_contact' },
  cid: { list: 'get_contacts', create: 'create_contact' },
  includeListIds: { list: 'get_lists', create: 'create_list' },
  listIds: { list: 'get_lists', create: 'create_list' },
  pid: { list: 'get_loyalty_programs', create: 'create_loyalty_program' },
  rid: { list: 'get_loyalty_offers', create: 'create_reward' },
  rewardId: { list: 'get_loyalty_offers', create: 'create_reward' },
  groupId: { list: 'get_sub_account_groups', create: 'create_sub_account_group' },
  subAccountIds: { list: 'get_sub_accounts', create: 'create_sub_account' },
  attributeName: { list: 'get_attributes' },
  taskTypeId: { list: 'get_task_types' },
  collectionId: { list: 'get_coupon_collections', create: 'create_coupon_collection' },
  balanceDefinitionId: { list: 'get_balance_definition_list', create: 'create_balance_definition' },
  balance_definition_id: { list: 'get_balance_definition_list', create: 'create_balance_definition' },
  'add_subscription_to_tier:tid': { list: 'get_tiers' },
  multipleChoiceAttribute: { list: 'get_attributes' },
  'create_attribute:attributeName': {},
  'whatsapp_campaigns:templateId': { list: 'get_whatsapp_templates' },
  'contacts:templateId': { list: 'get_smtp_templates', create: 'create_smtp_template' },
  'create_sub_account_api_key:id': { list: 'get_sub_accounts', create: 'create_sub_account' },
  'create_sub_account_sso_token:id': { list: 'get_sub_accounts', create: 'create_sub_account' },
  'link_unlink_company:id': { list: 'get_companies', create: 'create_company' },
  'link_unlink_deal:id': { list: 'get_deals', create: 'create_deal' },
  'get_scheduled_email_by_id:identifier': { create: 'send_transac_email' },
  'delete_smtp_log:identifier': { list: 'get_transac_emails_list' },
  'get_user_permission:email': { list: 'get_invited_users_list', create: 'invite_user' },
  'revoke_user_permission:email': { list: 'get_invited_users_list', create: 'invite_user' },
  'resend_or_cancel_user_invitation:email': { list: 'get_invited_users_list', create: 'invite_user' },
  'revoke_admin_user:email': { list: 'get_corporate_invited_users_list', create: 'invite_admin_user' },
  'get_corporate_user_permission:email': { list: 'get_corporate_invited_users_list', create: 'invite_admin_user' },
  'update_admin_user_permissions:email': { list: 'get_corporate_invited_users_list', create: 'invite_admin_user' },
  'resend_or_cancel_admin_invitation:email': { list: 'get_corporate_invited_users_list', create: 'invite_admin_user' },
};

/** Placeholders too generic to look up by name (`id`, `identifier`): only the operation's own path tells. */
const GENERIC = new Set(['id', 'identifier', 'email', 'domain', 'action', 'uuid']);

export class IdSources {
  private readonly byRoute = new Map<string, RouteEntry>();
  /** Placeholder name → the collection paths it stands at the end of (`folderId` → /contacts/folders). */
  private readonly collectionsOf = new Map<string, Set<string>>();

  constructor(entries: readonly RouteEntry[]) {
    for (const entry of entries) {
      this.byRoute.set(`${entry.method} ${entry.path}`, entry);
      const last = /^(.*)\/\{(\w+)\}$/.exec(entry.path);
      if (!last || GENERIC.has(last[2]!)) continue;
      const paths = this.collectionsOf.get(last[2]!) ?? new Set();
      paths.add(last[1]!);
      this.collectionsOf.set(last[2]!, paths);
    }
  }

  /** Where `field` of `entry` comes from, if the catalog has an operation that lists or creates it. */
  of(entry: RouteEntry, field: string): IdSource | undefined {
    const known =
      KNOWN_SOURCES[`${entry.name}:${field}`] ?? KNOWN_SOURCES[`${entry.toolset}:${field}`] ?? KNOWN_SOURCES[field];
    if (known) return known.list || known.create ? known : undefined;
    for (const collection of this.collections(entry, field)) {
      const list = this.byRoute.get(`GET ${collection}`)?.name;
      const create = this.byRoute.get(`POST ${collection}`)?.name;
      if (list || create) return { list, create };
    }
    return undefined;
  }

  private collections(entry: RouteEntry, field: string): string[] {
    const own = entry.path.indexOf(`/{${field}}`);
    if (own > 0) return [entry.path.slice(0, own)];
    const singular = field.endsWith('Ids') ? field.slice(0, -1) : field;
    return GENERIC.has(singular) ? [] : [...(this.collectionsOf.get(singular) ?? [])];
  }
}

/** "get_folders lists them; create_folder makes one", for a message about a missing or unknown id. */
export function idSourceText(source: IdSource): string {
  const parts = [source.list && `${source.list} lists them`, source.create && `${source.create} makes one`].filter(
    Boolean,
  );
  return parts.join('; ');
}

let catalogSources: IdSources | undefined;

/** Where `field` of a catalog operation comes from, as text ("get_folders lists them; ..."), if known. */
export function idSourceHint(entry: Partial<RouteEntry> & { name: string }, field: string): string | undefined {
  if (!entry.method || !entry.path || !entry.toolset) return undefined;
  catalogSources ??= new IdSources(readManifest());
  const { name, method, path, toolset } = entry;
  const source = catalogSources.of({ name, method, path, toolset }, field);
  return source && idSourceText(source);
}
