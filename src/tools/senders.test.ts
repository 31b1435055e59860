import { describeRequests } from '../../test/support/request-cases.js';

// What Brevo must receive as the body, where the arguments give it as it is.
const createSenderBody = {
  name: 'Acme Newsletter',
  email: 'news@acme.test',
  ips: [
    { ip: '198.51.100.24', domain: 'mail.acme.test', weight: 60 },
    { ip: '198.51.100.25', domain: 'news.acme.test', weight: 40 },
  ],
};

describeRequests('senders', [
  {
    tool: 'get_senders',
    args: { domain: 'acme.test' },
    reply: { json: { senders: [{ id: 1, name: 'Acme Billing', email: 'billing@acme.test', active: true }] } },
    expect: { method: 'GET', path: '/senders', query: 'domain=acme.test' },
  },
  {
    tool: 'get_senders',
    label: 'by dedicated IP',
    args: { ip: '198.51.100.24' },
    expect: { method: 'GET', path: '/senders', query: 'ip=198.51.100.24' },
  },
  {
    tool: 'create_sender',
    args: { name: 'Acme Newsletter', email: 'news@acme.test' },
    reply: { status: 201, json: { id: 7 } },
    expect: { method: 'POST', path: '/senders', body: { name: 'Acme Newsletter', email: 'news@acme.test' } },
  },
  {
    tool: 'create_sender',
    label: 'with weighted dedicated IPs',
    args: createSenderBody,
    reply: { status: 201, json: { id: 8 } },
    expect: {
      method: 'POST',
      path: '/senders',
      body: createSenderBody,
    },
  },
  {
    tool: 'update_sender',
    args: { senderId: 7, name: 'Acme Weekly' },
    reply: { status: 204 },
    expect: { method: 'PUT', path: '/senders/7', body: { name: 'Acme Weekly' } },
  },
  {
    tool: 'delete_sender',
    args: { senderId: 7 },
    reply: { status: 204 },
    expect: { method: 'DELETE', path: '/senders/7' },
  },
  {
    tool: 'validate_sender_by_otp',
    args: { senderId: 7, otp: 482913 },
    reply: { status: 204 },
    expect: { method: 'PUT', path: '/senders/7/validate', body: { otp: 482913 } },
  },
  {
    tool: 'get_ips_from_sender',
    args: { senderId: 8 },
    reply: { json: { ips: [{ id: 3, ip: '198.51.100.24', domain: 'mail.acme.test', weight: 60 }] } },
    expect: { method: 'GET', path: '/senders/8/ips' },
  },
  {
    tool: 'get_dedicated_ips',
    args: {},
    reply: { json: { ips: [{ id: 3, ip: '198.51.100.24', active: true, domain: 'mail.acme.test' }] } },
    expect: { method: 'GET', path: '/senders/ips' },
  },
  {
    tool: 'get_domains',
    args: {},
    reply: { json: { domains: [{ id: 1, domain_name: 'acme.test', authenticated: true, verified: true, ip: null }] } },
    expect: { method: 'GET', path: '/senders/domains' },
  },
  {
    tool: 'create_domain',
    args: { name: 'mail.acme.test' },
    reply: { json: { id: 5, domain_name: 'mail.acme.test', message: 'Domain added successfully.' } },
    expect: { method: 'POST', path: '/senders/domains', body: { name: 'mail.acme.test' } },
  },
  {
    tool: 'get_domain_configuration',
    args: { domainName: 'mail.acme.test' },
    reply: { json: { domain: 'mail.acme.test', verified: true, authenticated: false, dns_records: {} } },
    expect: { method: 'GET', path: '/senders/domains/mail.acme.test' },
  },
  {
    tool: 'authenticate_domain',
    args: { domainName: 'mail.acme.test' },
    reply: { json: { domain_name: 'mail.acme.test', message: 'Domain has been authenticated successfully.' } },
    expect: { method: 'PUT', path: '/senders/domains/mail.acme.test/authenticate' },
  },
  {
    tool: 'delete_domain',
    args: { domainName: 'mail.acme.test' },
    expect: { method: 'DELETE', path: '/senders/domains/mail.acme.test' },
  },
]);
