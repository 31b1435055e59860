// Code-mode script (run it with `execute`): add a sending domain if it is missing, list the DNS
// records still to publish, ask Brevo to check them, and say which senders can send.
// Writes: create_domain, authenticate_domain. Change DOMAIN first.
const DOMAIN = 'news.example.com';

const { domains = [] } = await brevo.get_domains({});
const created = !domains.some((d) => d.domain_name === DOMAIN);
if (created) await brevo.create_domain({ name: DOMAIN });

let config = await brevo.get_domain_configuration({ domainName: DOMAIN });
const toPublish = Object.entries(config.dns_records ?? {})
  .filter(([, record]) => !record.status)
  .map(([kind, record]) => ({ kind, type: record.type, host: record.host_name, value: record.value }));

let check = 'already authenticated';
if (!config.authenticated) {
  try {
    const answer = await brevo.authenticate_domain({ domainName: DOMAIN });
    check = answer.message ?? 'checked';
  } catch (error) {
    // Brevo refuses while the records are not visible in DNS yet: publish them, wait, run again.
    check = `not yet: ${error.message}`;
  }
  config = await brevo.get_domain_configuration({ domainName: DOMAIN });
}

const { senders = [] } = await brevo.get_senders({});
const domainOf = (email) => email.slice(email.lastIndexOf('@') + 1).toLowerCase();
const authenticated = new Set(
  (await brevo.get_domains({})).domains.filter((d) => d.authenticated).map((d) => d.domain_name.toLowerCase()),
);
return {
  domain: DOMAIN,
  created,
  authenticated: config.authenticated,
  verified: config.verified,
  check,
  toPublish,
  senders: senders.map((s) => ({
    email: s.email,
    active: s.active,
    domainAuthenticated: authenticated.has(domainOf(s.email)),
  })),
};
