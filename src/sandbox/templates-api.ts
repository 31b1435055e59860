// Email templates with real state: create, read, list (status filter, paging), update, test
// send, delete (inactive ones only, as in Brevo).
import { invalid, missing, type SandboxRequest, routes } from './http.js';
import { checkSendingRights, senderRefOf } from './sending.js';
import type { Store, Template } from './store.js';
import {
  bodyOf,
  intParam,
  isEmail,
  optBool,
  optEmail,
  optString,
  optStringArray,
  page,
  paging,
  reqString,
  sorted,
  type Body,
} from './validate.js';

function templateFields(store: Store, body: Body, template: Template): void {
  const name = optString(body, 'templateName');
  const subject = optString(body, 'subject');
  const sender = senderRefOf(store, body, 'sender', false);
  const htmlContent = optString(body, 'htmlContent');
  const htmlUrl = optString(body, 'htmlUrl');
  const replyTo = optEmail(body, 'replyTo');
  const toField = optString(body, 'toField');
  const tag = optString(body, 'tag');
  const attachmentUrl = optString(body, 'attachmentUrl');
  const isActive = optBool(body, 'isActive');
  if (name !== undefined) template.name = name;
  if (subject !== undefined) template.subject = subject;
  if (sender) template.sender = sender;
  // The sandbox fetches nothing from the network: an htmlUrl stands in for its content.
  if (htmlContent !== undefined) template.htmlContent = htmlContent;
  else if (htmlUrl !== undefined) template.htmlContent = `<html><body><!-- content of ${htmlUrl} --></body></html>`;
  if (replyTo !== undefined) template.replyTo = replyTo;
  if (toField !== undefined) template.toField = toField;
  if (tag !== undefined) template.tag = tag;
  if (attachmentUrl !== undefined) template.attachmentUrl = attachmentUrl;
  if (isActive !== undefined) template.isActive = isActive;
  template.modifiedAt = store.now();
}

function createTemplate(req: SandboxRequest, store: Store) {
  const body = bodyOf(req);
  const sender = senderRefOf(store, body, 'sender', true)!;
  const name = reqString(body, 'templateName');
  const subject = reqString(body, 'subject');
  if (body.htmlContent === undefined && body.htmlUrl === undefined) throw missing('htmlContent');
  const now = store.now();
  const template: Template = {
    id: 0,
    name,
    subject,
    isActive: false,
    testSent: false,
    sender,
    replyTo: sender.email,
    toField: '',
    tag: '',
    htmlContent: '',
    createdAt: now,
    modifiedAt: now,
  };
  templateFields(store, body, template);
  template.id = store.nextId('template');
  store.templates.set(template.id, template);
  return { status: 201, body: { id: template.id } };
}

function getTemplates(req: SandboxRequest, store: Store) {
  const raw = req.query.get('templateStatus');
  if (raw !== null && raw !== 'true' && raw !== 'false') throw invalid('templateStatus should be true or false');
  const pageWindow = paging(req, 50, 1000);
  const templates = sorted(
    req,
    [...store.templates.values()].filter((t) => raw === null || t.isActive === (raw === 'true')),
  );
  return {
    status: 200,
    body: { count: templates.length, templates: page(templates, pageWindow).map((t) => store.templateView(t, false)) },
  };
}

function sendTestTemplate(req: SandboxRequest, store: Store) {
  const template = store.template(intParam(req, 'templateId'));
  const emailTo = optStringArray(bodyOf(req), 'emailTo') ?? [store.account.email];
  const bad = emailTo.filter((e) => !isEmail(e));
  if (bad.length) throw invalid('The email could not be sent to all recipients', { unexistingEmails: bad });
  checkSendingRights(store, template.sender);
  template.testSent = true;
  return { status: 204 };
}

export const templateRoutes = routes({
  'GET /smtp/templates': getTemplates,
  'POST /smtp/templates': createTemplate,
  'GET /smtp/templates/{templateId}': (req, store) => ({
    status: 200,
    body: store.templateView(store.template(intParam(req, 'templateId')), true),
  }),
  'PUT /smtp/templates/{templateId}': (req, store) => {
    templateFields(store, bodyOf(req), store.template(intParam(req, 'templateId')));
    return { status: 204 };
  },
  'DELETE /smtp/templates/{templateId}': (req, store) => {
    const template = store.template(intParam(req, 'templateId'));
    if (template.isActive) throw invalid('Only an inactive template can be deleted: set isActive to false first');
    store.templates.delete(template.id);
    return { status: 204 };
  },
  'POST /smtp/templates/{templateId}/sendTest': sendTestTemplate,
});
