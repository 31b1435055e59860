// Prompts name only tools that exist and resources that resolve, and say nothing of a tool the
// session does not have.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SOURCES } from '../completions/sources.js';
import { resourceCatalog } from '../resources/index.js';
import { readManifest } from '../tools/manifest.js';
import { PROMPTS, SessionPrompts, type PromptDefinition } from './index.js';

const manifest = readManifest();
const toolNames = new Set(manifest.map((t) => t.name));
const resources = resourceCatalog(manifest);
const TODAY = '2026-11-26';

/** Arguments for every prompt: all of them, and only the required ones. */
const FULL: Record<string, Record<string, string>> = {
  email_campaign_report: { campaignId: '12' },
  contact_list_health: { listId: '3' },
  draft_transactional_template: {
    purpose: 'order shipped, with tracking link',
    testEmail: 'qa@acme.test',
    sender: 'hello@acme.test',
    baseTemplateId: '7',
  },
  investigate_undelivered_email: { email: 'ann.lee@example.com', date: '2026-11-20', templateId: '7' },
  plan_reengagement_segment: { listId: '3', inactiveDays: '120' },
  crm_pipeline_review: { pipelineId: '5ea675e3da0dd085acaea610' },
};
const requiredOnly = (p: PromptDefinition) =>
  Object.fromEntries(Object.entries(FULL[p.name]!).filter(([k]) => p.arguments.find((a) => a.name === k)?.required));

/** Tool-like words (snake_case) outside double quotes: field names and values go in quotes. */
const mentionedTools = (text: string) =>
  [...text.replace(/"[^"\n]*"/g, '""').matchAll(/\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b/g)].map((m) => m[0]);
const mentionedUris = (text: string) =>
  [...text.matchAll(/brevo:\/\/[^\s`"'),;]+/g)].map((m) => m[0].replace(/[.:]$/, ''));

const render = (p: PromptDefinition, args: Record<string, string>, has: (t: string) => boolean) =>
  (new SessionPrompts(has, [p], () => TODAY).get(p.name, args).messages[0]!.content as { text: string }).text;

describe('prompts', () => {
  it('are each in docs/resources.md with their arguments', () => {
    const readme = readFileSync(new URL('../../docs/resources.md', import.meta.url), 'utf8');
    for (const prompt of PROMPTS) {
      // A required argument is marked *; a table may be padded to column width.
      const row = readme.split('\n').find((l) => new RegExp(`^\\| \`${prompt.name}\` +\\|`).test(l));
      expect(row, prompt.name).toBeDefined();
      for (const arg of prompt.arguments)
        expect(row, `${prompt.name} ${arg.name}`).toContain(`\`${arg.name}\`${arg.required ? '*' : ''}`);
    }
  });

  it('has at least five, with unique names, and arguments for each in this test', () => {
    expect(PROMPTS.length).toBeGreaterThanOrEqual(5);
    expect(new Set(PROMPTS.map((p) => p.name)).size).toBe(PROMPTS.length);
    expect(Object.keys(FULL).sort()).toEqual(PROMPTS.map((p) => p.name).sort());
  });

  for (const prompt of PROMPTS) {
    describe(prompt.name, () => {
      it('declares only catalog tools, and completion sources that exist', () => {
        for (const tool of [...prompt.tools, ...(prompt.optionalTools ?? [])])
          expect(toolNames.has(tool), tool).toBe(true);
        for (const arg of prompt.arguments) if (arg.complete) expect(SOURCES[arg.complete], arg.name).toBeDefined();
      });

      for (const [label, args] of [
        ['every argument', FULL[prompt.name]!],
        ['required arguments only', requiredOnly(prompt)],
      ] as const) {
        it(`with ${label} and every tool: names declared tools only, and only URIs that resolve`, () => {
          const text = render(prompt, args, () => true);
          for (const tool of mentionedTools(text))
            expect([...prompt.tools, ...(prompt.optionalTools ?? [])], `${tool} in ${prompt.name}`).toContain(tool);
          for (const uri of mentionedUris(text)) {
            if (uri.includes('{')) expect(resources.template(uri), uri).toBeDefined();
            else expect(() => resources.resolve(uri), uri).not.toThrow();
          }
          for (const value of Object.values(args)) expect(text).toContain(value);
        });
      }

      it('with only its required tools, names none of the optional ones', () => {
        const text = render(prompt, FULL[prompt.name]!, (t) => prompt.tools.includes(t));
        for (const tool of prompt.optionalTools ?? []) expect(mentionedTools(text), tool).not.toContain(tool);
      });
    });
  }

  it('needs each tool it declares: with or without its optional arguments, it names every one', () => {
    for (const prompt of PROMPTS) {
      const texts = [
        render(prompt, FULL[prompt.name]!, () => true),
        render(prompt, requiredOnly(prompt), () => true),
      ].join('\n');
      for (const tool of [...prompt.tools, ...(prompt.optionalTools ?? [])])
        expect(mentionedTools(texts), `${prompt.name}: ${tool}`).toContain(tool);
    }
  });
});

describe("a session's prompts", () => {
  const contactsOnly = new Set(manifest.filter((t) => t.toolset === 'contacts').map((t) => t.name));
  const session = new SessionPrompts(
    (t) => contactsOnly.has(t),
    PROMPTS,
    () => TODAY,
  );

  it('lists only the prompts whose tools the session has, with their arguments', () => {
    const listed = session.list();
    expect(listed.map((p) => p.name)).toEqual(['contact_list_health', 'plan_reengagement_segment']);
    expect(listed[0]!.arguments).toEqual([{ name: 'listId', description: 'Contact list id', required: true }]);
  });

  it('refuses a prompt the session lacks the tools for, saying which', () => {
    expect(() => session.get('email_campaign_report', { campaignId: '1' })).toThrow(
      /needs the tools get_email_campaign, get_email_campaigns, get_ab_test_campaign_result/,
    );
    expect(() => session.get('no_such_prompt')).toThrow(/Unknown prompt: no_such_prompt/);
  });

  it('checks arguments: required, form, unknown; blank optional ones count as not given', () => {
    expect(() => session.get('contact_list_health', {})).toThrow(/listId is required/);
    expect(() => session.get('contact_list_health', { listId: 'newsletter' })).toThrow(
      /listId must be a numeric list id, got "newsletter"/,
    );
    expect(() => session.get('contact_list_health', { listId: '3', folder: '1' })).toThrow(/has no argument folder/);
    const text = (
      session.get('plan_reengagement_segment', { listId: '', inactiveDays: '' }).messages[0]!.content as {
        text: string;
      }
    ).text;
    expect(text).toMatch(/for 90 days \(since 2026-08-28\)/);
    expect(text).not.toMatch(/list 3/);
  });

  it('completes the arguments that name account objects', () => {
    expect(session.completionSource('contact_list_health', 'listId')).toBe('lists');
    expect(session.completionSource('plan_reengagement_segment', 'inactiveDays')).toBeUndefined();
    expect(() => session.completionSource('email_campaign_report', 'campaignId')).toThrow(/needs the tools/);
  });
});
