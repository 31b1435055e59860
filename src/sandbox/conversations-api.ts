// Conversations with real state: messages an agent sends to a visitor (read, edited, deleted),
// automated (pushed) messages, and agents' online pings. Agents are the Demo Shop team (the owner
// and the support user of the organization); an unknown agentEmail creates a dummy agent, as
// Brevo does. A seeded chat with Emma Martin shows what a visitor's conversation holds.
import { bounded, emailKey, looseString, perStore, shortId } from './accounts-common.js';
import { invalid, missing, notFound, type SandboxRequest, routes, omitUndefined } from './http.js';
import type { Store } from './store.js';
import { bodyOf, isEmail, reqString, type Body } from './validate.js';
import { checkCap } from './limits.js';

export interface Agent {
  id: string;
  name: string;
  email: string;
  /** Made from agentEmail + agentName by a standalone system. */
  dummy: boolean;
  lastOnlineAt?: string;
}

export interface ConversationMessage {
  id: string;
  type: 'agent' | 'visitor';
  text: string;
  visitorId: string;
  agentId?: string;
  agentName?: string;
  /** Milliseconds since the epoch, as Brevo gives it. */
  createdAt: number;
  isPushed: boolean;
  receivedFrom?: string;
  groupId?: string;
}

/** Bounds of what the emulator keeps for this area. */
const MAX_MESSAGES = 5000;
const MAX_AGENTS = 50;
const MAX_TEXT = 10_000;

/** The seeded ids, fixed so documentation and tests can name them. */
const SEEDED = {
  ownerAgent: 'demoShopAgent0001',
  supportAgent: 'demoShopAgent0002',
  group: 'demoShopGroup0001',
  visitor: 'demoShopVisitorEmmaMartin0000001',
  visitorMessage: 'demoShopMessage01',
  agentMessage: 'demoShopMessage02',
  pushedMessage: 'demoShopPushed001',
};

export class ConversationsState {
  readonly agents = new Map<string, Agent>();
  readonly groups = new Map<string, string>();
  readonly messages = new Map<string, ConversationMessage>();

  agentByEmail(email: string): Agent | undefined {
    for (const a of this.agents.values()) if (a.email === emailKey(email)) return a;
    return undefined;
  }

  /**
   * A message, or Brevo's 404. Any message reads as a message; a pushed one is only read (and
   * changed) as a pushed message, and an agent's one only changed as a message.
   */
  message(id: string, pushed?: boolean): ConversationMessage {
    const found = this.messages.get(id);
    if (!found || (pushed !== undefined && found.isPushed !== pushed))
      throw notFound(pushed ? 'Pushed message not found' : 'Message not found');
    return found;
  }
}

export const conversationsOf = perStore(seedConversations);

function seedConversations(store: Store): ConversationsState {
  const conv = new ConversationsState();
  const domain = store.account.email.split('@')[1]!;
  const now = store.clock().getTime();
  conv.agents.set(SEEDED.ownerAgent, {
    id: SEEDED.ownerAgent,
    name: `${store.account.firstName} ${store.account.lastName}`,
    email: emailKey(store.account.email),
    dummy: false,
  });
  conv.agents.set(SEEDED.supportAgent, {
    id: SEEDED.supportAgent,
    name: 'Demo Shop Support',
    email: `support@${domain}`,
    dummy: false,
  });
  conv.groups.set(SEEDED.group, 'Customer service');
  const say = (m: Omit<ConversationMessage, 'visitorId' | 'isPushed'> & { isPushed?: boolean }) =>
    conv.messages.set(m.id, { visitorId: SEEDED.visitor, isPushed: false, ...m });
  say({
    id: SEEDED.visitorMessage,
    type: 'visitor',
    text: 'Hello! Is the linen scarf in sage green back in stock?',
    createdAt: now - 26 * 3_600_000,
  });
  say({
    id: SEEDED.agentMessage,
    type: 'agent',
    text: 'Hi Emma, it is back since this morning: I have set one aside for you.',
    agentId: SEEDED.supportAgent,
    agentName: 'Demo Shop Support',
    createdAt: now - 25 * 3_600_000,
  });
  say({
    id: SEEDED.pushedMessage,
    type: 'agent',
    text: 'Your order has shipped! It should reach you within 2 working days.',
    agentId: SEEDED.supportAgent,
    agentName: 'Demo Shop Support',
    groupId: SEEDED.group,
    isPushed: true,
    createdAt: now - 20 * 3_600_000,
  });
  return conv;
}

/**
 * The agent a body names: agentId (a known agent), or agentEmail + agentName + receivedFrom,
 * which finds the agent with that email or makes a dummy one.
 */
function agentOf(conv: ConversationsState, body: Body): Agent {
  const agentId = looseString(body, 'agentId', 64);
  if (agentId !== undefined) {
    const agent = conv.agents.get(agentId);
    if (!agent) throw invalid(`agentId: no agent with id ${agentId}`);
    return agent;
  }
  const email = looseString(body, 'agentEmail', 254);
  if (email === undefined) throw missing('agentId (or agentEmail, agentName and receivedFrom)');
  if (!isEmail(email)) throw invalid('agentEmail is not a valid email address');
  const name = looseString(body, 'agentName', 100);
  if (name === undefined) throw missing('agentName');
  if (looseString(body, 'receivedFrom', 100) === undefined) throw missing('receivedFrom');
  const known = conv.agentByEmail(email);
  if (known) return known;
  checkCap(conv.agents.size, MAX_AGENTS, 'agents');
  const agent: Agent = { id: shortId(), name, email: emailKey(email), dummy: true };
  conv.agents.set(agent.id, agent);
  return agent;
}

function visitorAndText(body: Body) {
  const visitorId = looseString(body, 'visitorId', 64);
  if (visitorId === undefined) throw missing('visitorId');
  const text = looseString(body, 'text', MAX_TEXT);
  if (text === undefined) throw missing('text');
  return { visitorId, text };
}

function view(m: ConversationMessage) {
  return {
    id: m.id,
    type: m.type,
    text: m.text,
    visitorId: m.visitorId,
    ...omitUndefined({ agentId: m.agentId, agentName: m.agentName }),
    createdAt: m.createdAt,
    ...(m.isPushed ? { isPushed: true } : {}),
    ...omitUndefined({ receivedFrom: m.receivedFrom }),
  };
}

function keep(conv: ConversationsState, message: ConversationMessage) {
  checkCap(conv.messages.size, MAX_MESSAGES, 'conversation messages');
  conv.messages.set(message.id, message);
  return { status: 200, body: view(message) };
}

function edit(req: SandboxRequest, store: Store, pushed: boolean) {
  const m = conversationsOf(store).message(req.params.id!, pushed);
  if (m.type !== 'agent') throw invalid("Only agents' messages can be edited");
  m.text = bounded(reqString(bodyOf(req), 'text'), 'text', MAX_TEXT);
  return { status: 200, body: view(m) };
}

function remove(req: SandboxRequest, store: Store, pushed: boolean) {
  const conv = conversationsOf(store);
  const m = conv.message(req.params.id!, pushed);
  if (m.type !== 'agent') throw invalid("Only agents' messages can be deleted");
  conv.messages.delete(m.id);
  return { status: 204 };
}

export const conversationRoutes = routes({
  'POST /conversations/messages': (req, store) => {
    const conv = conversationsOf(store);
    const body = bodyOf(req);
    const { visitorId, text } = visitorAndText(body);
    const agent = agentOf(conv, body);
    const receivedFrom = looseString(body, 'receivedFrom', 100);
    return keep(conv, {
      id: shortId(),
      type: 'agent',
      text,
      visitorId,
      agentId: agent.id,
      agentName: agent.name,
      createdAt: store.clock().getTime(),
      isPushed: false,
      ...(receivedFrom !== undefined ? { receivedFrom } : {}),
    });
  },
  'GET /conversations/messages/{id}': (req, store) => ({
    status: 200,
    body: view(conversationsOf(store).message(req.params.id!)),
  }),
  'PUT /conversations/messages/{id}': (req, store) => edit(req, store, false),
  'DELETE /conversations/messages/{id}': (req, store) => remove(req, store, false),
  'POST /conversations/pushedMessages': (req, store) => {
    const conv = conversationsOf(store);
    const body = bodyOf(req);
    const { visitorId, text } = visitorAndText(body);
    const agentId = looseString(body, 'agentId', 64);
    const agent = agentId !== undefined ? agentOf(conv, body) : undefined;
    const groupId = looseString(body, 'groupId', 64);
    if (groupId !== undefined && !conv.groups.has(groupId)) throw invalid(`groupId: no group with id ${groupId}`);
    return keep(conv, {
      id: shortId(),
      type: 'agent',
      text,
      visitorId,
      ...(agent ? { agentId: agent.id, agentName: agent.name } : {}),
      createdAt: store.clock().getTime(),
      isPushed: true,
      ...(groupId !== undefined ? { groupId } : {}),
    });
  },
  'GET /conversations/pushedMessages/{id}': (req, store) => ({
    status: 200,
    body: view(conversationsOf(store).message(req.params.id!, true)),
  }),
  'PUT /conversations/pushedMessages/{id}': (req, store) => edit(req, store, true),
  'DELETE /conversations/pushedMessages/{id}': (req, store) => remove(req, store, true),
  'POST /conversations/agentOnlinePing': (req, store) => {
    const agent = agentOf(conversationsOf(store), bodyOf(req));
    agent.lastOnlineAt = store.now();
    return { status: 201 };
  },
});
