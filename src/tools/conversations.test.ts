import { describeRequests } from '../../test/support/request-cases.js';

const visitorId = 'kZMvWhf8npAu3H6qd57w2Hv6nh6rnxvg';
const messageId = 'lnQrNpB6ZrKcWzE7L';

// What Brevo must receive as the body, where the arguments give it as it is.
const sendConversationMessageBody = {
  visitorId,
  text: 'Following up on ticket 4821.',
  agentEmail: 'sam@acme.test',
  agentName: 'Sam Ortiz',
  receivedFrom: 'acme-helpdesk',
};

describeRequests('conversations', [
  {
    tool: 'send_conversation_message',
    args: { visitorId, text: 'Hi Ann, your refund was issued this morning.', agentId: 'd9nKoegKSjmCtyK78' },
    reply: { json: { id: messageId, type: 'agent', text: 'Hi Ann, your refund was issued this morning.' } },
    expect: {
      method: 'POST',
      path: '/conversations/messages',
      body: { visitorId, text: 'Hi Ann, your refund was issued this morning.', agentId: 'd9nKoegKSjmCtyK78' },
    },
  },
  {
    tool: 'send_conversation_message',
    label: 'agent named by email from another system',
    args: sendConversationMessageBody,
    expect: {
      method: 'POST',
      path: '/conversations/messages',
      body: sendConversationMessageBody,
    },
  },
  {
    tool: 'get_conversation_message',
    args: { id: messageId },
    expect: { method: 'GET', path: `/conversations/messages/${messageId}` },
  },
  {
    tool: 'update_conversation_message',
    args: { id: messageId, text: 'Hi Ann, your refund was issued this afternoon.' },
    expect: {
      method: 'PUT',
      path: `/conversations/messages/${messageId}`,
      body: { text: 'Hi Ann, your refund was issued this afternoon.' },
    },
  },
  {
    tool: 'delete_conversation_message',
    args: { id: messageId },
    reply: { status: 204 },
    expect: { method: 'DELETE', path: `/conversations/messages/${messageId}` },
  },
  {
    tool: 'set_agent_online',
    args: { agentEmail: 'sam@acme.test', agentName: 'Sam Ortiz', receivedFrom: 'acme-helpdesk' },
    reply: { status: 204 },
    expect: {
      method: 'POST',
      path: '/conversations/agentOnlinePing',
      body: { agentEmail: 'sam@acme.test', agentName: 'Sam Ortiz', receivedFrom: 'acme-helpdesk' },
    },
  },
  {
    tool: 'send_automated_message',
    args: { visitorId, text: 'Your order #10482 has shipped.', groupId: 'PjRBMhWGen6aRHjKL' },
    reply: { json: { id: 'pm4fXk2cYt9QbN8s', type: 'agent', text: 'Your order #10482 has shipped.' } },
    expect: {
      method: 'POST',
      path: '/conversations/pushedMessages',
      body: { visitorId, text: 'Your order #10482 has shipped.', groupId: 'PjRBMhWGen6aRHjKL' },
    },
  },
  {
    tool: 'get_automated_message',
    args: { id: 'pm4fXk2cYt9QbN8s' },
    expect: { method: 'GET', path: '/conversations/pushedMessages/pm4fXk2cYt9QbN8s' },
  },
  {
    tool: 'update_automated_message',
    args: { id: 'pm4fXk2cYt9QbN8s', text: 'Your order #10482 has shipped and arrives Friday.' },
    expect: {
      method: 'PUT',
      path: '/conversations/pushedMessages/pm4fXk2cYt9QbN8s',
      body: { text: 'Your order #10482 has shipped and arrives Friday.' },
    },
  },
  {
    tool: 'delete_automated_message',
    args: { id: 'pm4fXk2cYt9QbN8s' },
    reply: { status: 204 },
    expect: { method: 'DELETE', path: '/conversations/pushedMessages/pm4fXk2cYt9QbN8s' },
  },
]);
