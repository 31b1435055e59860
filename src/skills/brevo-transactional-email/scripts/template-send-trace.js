// Code-mode script (run it with `execute`): create a template with params, test it, activate it,
// send it to one address with params, and trace that message in the logs and events.
// Writes: create_smtp_template, send_test_template, update_smtp_template, send_transac_email.
const TO = 'ann.lee@example.com';
const TEST_TO = ['emma.martin@example.com'];

const { senders = [] } = await brevo.get_senders({});
const sender = senders.find((s) => s.active);
if (!sender) throw new Error('No active sender: set one up first (skill brevo-sending-domains)');

const { id: templateId } = await brevo.create_smtp_template({
  templateName: 'Order shipped',
  subject: 'Your order {{ params.ORDER_ID }} is on its way',
  sender: { email: sender.email, name: sender.name },
  isActive: false,
  htmlContent:
    '<html><body><p>Hello {{ contact.FIRSTNAME }},</p><p>Order {{ params.ORDER_ID }} has shipped.</p>' +
    '<p><a href="{{ params.TRACKING_URL }}">Track it</a></p></body></html>',
});
await brevo.send_test_template({ templateId, emailTo: TEST_TO });
await brevo.update_smtp_template({ templateId, isActive: true });

const { messageId } = await brevo.send_transac_email({
  templateId,
  to: [{ email: TO }],
  params: { ORDER_ID: 'A-1042', TRACKING_URL: 'https://track.example.com/A-1042' },
  tags: ['order-shipped'],
});

// Trace: the log finds the message by recipient or template; events say what happened to it.
const log = await brevo.get_transac_emails_list({ templateId, limit: 50 });
const logged = (log.transactionalEmails ?? []).find((e) => e.messageId === messageId);
const { events = [] } = await brevo.get_email_event_report({ email: TO, templateId, days: 7, limit: 100 });
return {
  templateId,
  messageId,
  logged: Boolean(logged),
  loggedSubject: logged?.subject,
  events: events.filter((e) => e.messageId === messageId).map((e) => e.event),
};
