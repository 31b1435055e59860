// Read-only Brevo collections as MCP resources. Each resource is a catalog read operation with
// fixed arguments; reading one goes through the same executor as the tools.
import { McpError, ErrorCode, type ReadResourceResult, type Resource, type ResourceTemplate } from '@modelcontextprotocol/sdk/types.js';
import { UriTemplate } from '@modelcontextprotocol/sdk/shared/uriTemplate.js';
import type { BrevoClient } from '../client/brevo-client.js';
import { BrevoApiError } from '../client/errors.js';
import { InvalidArgumentsError, sendOperation } from '../executor.js';
import { loadOperation } from '../tools/index.js';
import type { ToolEntry } from '../tools/manifest.js';

interface ResourceBase {
  name: string;
  title: string;
  description: string;
  /** The catalog read operation behind it. */
  operation: string;
  /** Fixed arguments for the operation. */
  args?: Record<string, unknown>;
}

export interface CollectionResource extends ResourceBase {
  uri: string;
}

export interface ItemResource extends ResourceBase {
  uriTemplate: string;
  /** Template variables that the operation takes as integers. */
  integerVars?: string[];
}

export const collections: CollectionResource[] = [
  { uri: 'brevo://account', name: 'account', title: 'Account', description: 'Company, plan and credits.', operation: 'get_account' },
  { uri: 'brevo://contacts/lists', name: 'contact-lists', title: 'Contact lists', description: 'Every contact list with its subscriber count.', operation: 'get_lists', args: { limit: 50 } },
  { uri: 'brevo://contacts/folders', name: 'contact-folders', title: 'Contact folders', description: 'Folders that group contact lists.', operation: 'get_folders', args: { limit: 50 } },
  { uri: 'brevo://contacts/attributes', name: 'contact-attributes', title: 'Contact attributes', description: 'Contact attributes with their types and options.', operation: 'get_attributes' },
  { uri: 'brevo://templates', name: 'email-templates', title: 'Email templates', description: 'Transactional email templates.', operation: 'get_smtp_templates', args: { limit: 100 } },
];

export const items: ItemResource[] = [
  { uriTemplate: 'brevo://contacts/lists/{listId}', name: 'contact-list', title: 'Contact list', description: 'One contact list.', operation: 'get_list', integerVars: ['listId'] },
  { uriTemplate: 'brevo://templates/{templateId}', name: 'email-template', title: 'Email template', description: 'One email template with its HTML.', operation: 'get_smtp_template', integerVars: ['templateId'] },
];

const compiled = items.map((item) => ({ item, template: new UriTemplate(item.uriTemplate) }));

export function listResources(): Resource[] {
  return collections.map(({ uri, name, title, description }) => ({ uri, name, title, description, mimeType: 'application/json' }));
}

export function listResourceTemplates(): ResourceTemplate[] {
  return items.map(({ uriTemplate, name, title, description }) => ({ uriTemplate, name, title, description, mimeType: 'application/json' }));
}

/** Finds what a URI names: a collection, or an item template with its variables filled in. */
function resolve(uri: string): { resource: ResourceBase; args: Record<string, unknown> } | undefined {
  const collection = collections.find((c) => c.uri === uri);
  if (collection) return { resource: collection, args: { ...collection.args } };
  for (const { item, template } of compiled) {
    const vars = template.match(uri);
    if (!vars) continue;
    const args: Record<string, unknown> = { ...item.args };
    for (const [key, value] of Object.entries(vars)) {
      const text = Array.isArray(value) ? value[0] : value;
      args[key] = item.integerVars?.includes(key) && /^\d+$/.test(text ?? '') ? Number(text) : text;
    }
    return { resource: item, args };
  }
  return undefined;
}

export async function readResource(
  uri: string,
  ctx: { client: BrevoClient; manifest: ToolEntry[]; signal?: AbortSignal },
): Promise<ReadResourceResult> {
  const found = resolve(uri);
  if (!found) throw new McpError(ErrorCode.InvalidParams, `Resource not found: ${uri}`);
  const entry = ctx.manifest.find((t) => t.name === found.resource.operation);
  const op = entry && (await loadOperation(entry.toolset, entry.name));
  if (!op) throw new McpError(ErrorCode.InternalError, `no catalog operation ${found.resource.operation} behind ${uri}`);
  try {
    const { response } = await sendOperation(op, found.args, ctx);
    const text = response.kind === 'json' ? JSON.stringify(response.data) : response.kind === 'text' ? response.data : '{}';
    return { contents: [{ uri, mimeType: 'application/json', text }] };
  } catch (error) {
    if (error instanceof InvalidArgumentsError) throw new McpError(ErrorCode.InvalidParams, `${uri}: ${error.message}`);
    if (error instanceof BrevoApiError) {
      const code = error.status === 404 ? ErrorCode.InvalidParams : ErrorCode.InternalError;
      throw new McpError(code, `Brevo answered ${error.status ? `HTTP ${error.status}` : 'nothing'} (${error.code}) for ${uri}: ${error.brevoMessage}`, {
        status: error.status,
        code: error.code,
      });
    }
    throw error;
  }
}
