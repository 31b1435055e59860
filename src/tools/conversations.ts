// Conversations (chat): agent messages, automated (pushed) messages, agent online status.
import { z } from 'zod';
import { defineToolset } from './define.js';

const id = { id: z.string() };

/**
 * The reference gives these fields no type at all; Brevo means text. Listed as strings, but a
 * number or boolean (valid under the reference) is accepted and sent as its text.
 */
const text = z.preprocess((v) => (typeof v === 'number' || typeof v === 'boolean' ? String(v) : v), z.string());

/** An agent is named by agentId, or by agentEmail + agentName + receivedFrom together. */
const agent = {
  agentId: text.optional(),
  receivedFrom: text.optional().describe('Your label marking messages sent through the API'),
  agentEmail: text.optional(),
  agentName: text.optional(),
};

const visitorId = text.describe('From a Conversations webhook, or your own id for a known user');

export default defineToolset('conversations', [
  {
    name: 'send_conversation_message',
    title: 'Send chat message as agent',
    description:
      'Reply to a visitor in a chat as an agent, named by agentId or by agentEmail, agentName and receivedFrom.',
    keywords: ['reply in chat', 'answer a visitor', 'live chat reply', 'agent message'],
    method: 'POST',
    path: '/conversations/messages',
    destructive: true,
    body: { visitorId, text, ...agent },
  },
  {
    name: 'get_conversation_message',
    title: 'Get chat message',
    description: 'One chat message by id.',
    keywords: ['chat message details'],
    method: 'GET',
    path: '/conversations/messages/{id}',
    pathParams: id,
  },
  {
    name: 'update_conversation_message',
    title: 'Edit chat message',
    description: 'Replace the text of a message an agent sent.',
    keywords: ['edit chat message', 'correct message'],
    method: 'PUT',
    path: '/conversations/messages/{id}',
    pathParams: id,
    body: { text },
  },
  {
    name: 'delete_conversation_message',
    title: 'Delete chat message',
    description: 'Delete a message an agent sent.',
    keywords: ['remove chat message'],
    method: 'DELETE',
    path: '/conversations/messages/{id}',
    pathParams: id,
  },
  {
    name: 'set_agent_online',
    title: 'Keep agent online',
    description:
      'Show an agent online for 2-3 minutes; repeat every minute to stay online. Name the agent as ' +
      'for send_conversation_message.',
    keywords: ['agent online', 'presence', 'available in chat', 'heartbeat'],
    method: 'POST',
    path: '/conversations/agentOnlinePing',
    idempotent: true,
    body: agent,
  },
  {
    name: 'send_automated_message',
    title: 'Send automated chat message',
    description: "Push a message to a visitor's chat (order update, announcement), from an agent or a group.",
    keywords: ['proactive message', 'push message to chat', 'bot message', 'order update in chat'],
    method: 'POST',
    path: '/conversations/pushedMessages',
    destructive: true,
    body: { visitorId, text, agentId: text.optional(), groupId: text.optional() },
  },
  {
    name: 'get_automated_message',
    title: 'Get automated message',
    description: 'One automated (pushed) chat message by id.',
    keywords: ['pushed message details'],
    method: 'GET',
    path: '/conversations/pushedMessages/{id}',
    pathParams: id,
  },
  {
    name: 'update_automated_message',
    title: 'Edit automated message',
    description: 'Replace the text of an automated (pushed) chat message.',
    keywords: ['edit pushed message'],
    method: 'PUT',
    path: '/conversations/pushedMessages/{id}',
    pathParams: id,
    body: { text },
  },
  {
    name: 'delete_automated_message',
    title: 'Delete automated message',
    description: 'Delete an automated (pushed) chat message.',
    keywords: ['remove pushed message', 'remove proactive message'],
    method: 'DELETE',
    path: '/conversations/pushedMessages/{id}',
    pathParams: id,
  },
]);
