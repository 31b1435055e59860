// The shipped skills: valid frontmatter, only catalog tools (reads read-only, writes not), every
// tool and code-mode call they use named in SKILL.md, prompts' steps that match prompts/get, and
// digests of the exact bytes; and what one session lists, marks, hides and serves.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { PROMPTS, SessionPrompts } from '../prompts/index.js';
import { readManifest } from '../tools/manifest.js';
import { readSkills, skillCatalog } from './catalog.js';
import { parseFrontmatter } from './frontmatter.js';
import { SessionSkills, SKILLS_TTL_MS, WRITES_META } from './session.js';
import * as sdkSkills from '@modelcontextprotocol/server/ext/skills';
import {
  RESOURCES_DIRECTORY_READ_METHOD,
  SKILLS_EXTENSION,
  SKILLS_GET_METHOD,
  SKILLS_LIST_METHOD,
} from './protocol.js';

const manifest = readManifest();
const byName = new Map(manifest.map((t) => [t.name, t]));
const skills = skillCatalog();
const backticked = (text: string) => [...text.matchAll(/`([a-z][a-z0-9]*(?:_[a-z0-9]+)+)`/g)].map((m) => m[1]!);
const brevoCalls = (text: string) => [...new Set([...text.matchAll(/\bbrevo\.([a-z_0-9]+)\(/g)].map((m) => m[1]!))];
const fileText = (skill: (typeof skills)[number], path: string) => skill.files.find((f) => f.path === path)?.text;

describe('the shipped skills', () => {
  it('are at least eight, one per folder, with names and descriptions hosts accept', () => {
    expect(skills.length).toBeGreaterThanOrEqual(8);
    for (const skill of skills) {
      expect(skill.name).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(skill.name.length).toBeLessThanOrEqual(64);
      expect(skill.description.length).toBeLessThanOrEqual(1024);
      expect(skill.uri).toBe(`skill://${skill.name}/SKILL.md`);
      expect(skill.files[0]!.path).toBe('SKILL.md');
    }
  });

  it('are each in docs/skills.md with the prompts whose steps they serve and their script', () => {
    const doc = readFileSync(new URL('../../docs/skills.md', import.meta.url), 'utf8');
    for (const skill of skills) {
      const row = doc.split('\n').find((l) => l.startsWith(`| \`${skill.name}\` |`));
      expect(row, skill.name).toBeDefined();
      for (const prompt of skill.prompts) expect(row).toContain(`\`${prompt}\``);
      for (const file of skill.files.filter((f) => f.path.startsWith('scripts/'))) expect(row).toContain(file.path);
    }
  });

  for (const skill of skills) {
    describe(skill.name, () => {
      const manifestText = fileText(skill, 'SKILL.md')!;

      it('reads with read-only catalog tools and writes with the others', () => {
        expect(skill.reads.length).toBeGreaterThan(0);
        for (const tool of [...skill.reads, ...skill.optional])
          expect(byName.get(tool)?.annotations.readOnlyHint, tool).toBe(true);
        for (const tool of skill.writes) expect(byName.get(tool)?.annotations.readOnlyHint, tool).toBe(false);
      });

      it('names every tool it declares, and only those', () => {
        const declared = [...skill.reads, ...skill.writes, ...skill.optional];
        const named = skill.files.flatMap((f) => backticked(f.text));
        for (const tool of declared) expect(named, tool).toContain(tool);
        for (const file of skill.files)
          for (const tool of backticked(file.text))
            if (byName.has(tool)) expect(declared, `${file.path}: ${tool}`).toContain(tool);
      });

      it('says whether it needs writes', () => {
        expect(manifestText).toMatch(skill.writes.length ? /\*\*Writes:\*\* yes/ : /\*\*Writes:\*\* no/);
      });

      it(
        'has a code-mode script whose calls are declared, named in SKILL.md, and whose writes its header ' + 'lists',
        () => {
          const scripts = skill.files.filter((f) => f.path.startsWith('scripts/'));
          expect(scripts.length).toBeGreaterThan(0);
          for (const script of scripts) {
            expect(manifestText).toContain(script.path);
            const calls = brevoCalls(script.text);
            const header = script.text
              .split('\n')
              .filter((l) => l.startsWith('//'))
              .join(' ');
            for (const call of calls) {
              expect([...skill.reads, ...skill.writes, ...skill.optional], `${script.path}: ${call}`).toContain(call);
              expect(manifestText, `${script.path}: brevo.${call}`).toContain(`\`brevo.${call}\``);
              if (skill.writes.includes(call)) expect(header, `${script.path} header: ${call}`).toContain(call);
            }
          }
        },
      );

      it('serves the digest and size of the exact bytes of each file', () => {
        for (const file of skill.files) {
          const bytes = Buffer.from(file.text, 'utf8');
          expect(file.size, file.path).toBe(bytes.byteLength);
          expect(file.digest, file.path).toBe(`sha256:${createHash('sha256').update(bytes).digest('hex')}`);
          expect(file.uri).toBe(`skill://${skill.name}/${file.path}`);
        }
        expect(fileText(skill, 'SKILL.md')).toBe(
          readFileSync(new URL(`./${skill.name}/SKILL.md`, import.meta.url), 'utf8'),
        );
      });
    });
  }
});

describe('prompts and skills, one source', () => {
  const TODAY = '2026-11-26';
  const VALUES: Record<string, Record<string, string>> = {
    email_campaign_report: { campaignId: '12' },
    contact_list_health: { listId: '3' },
    draft_transactional_template: { purpose: 'order shipped', testEmail: 'qa@acme.test' },
    investigate_undelivered_email: { email: 'ann.lee@example.com' },
    plan_reengagement_segment: {},
    crm_pipeline_review: { pipelineId: '5ea675e3da0dd085acaea610' },
  };

  for (const prompt of PROMPTS) {
    it(`${prompt.name}: its skill lists it, links its steps, and declares its tools`, () => {
      const skill = skills.find((s) => s.name === prompt.skill);
      expect(skill, prompt.skill).toBeDefined();
      expect(skill!.prompts).toContain(prompt.name);
      expect(fileText(skill!, 'SKILL.md')).toContain(`prompts/${prompt.name}.md`);
      for (const tool of prompt.tools) expect([...skill!.reads, ...skill!.writes], tool).toContain(tool);
      for (const tool of prompt.optionalTools ?? [])
        expect([...skill!.reads, ...skill!.writes, ...skill!.optional], tool).toContain(tool);
    });

    it(`${prompt.name}: prompts/get says what its skill file says, argument for argument`, () => {
      const skill = skills.find((s) => s.name === prompt.skill)!;
      const file = fileText(skill, `prompts/${prompt.name}.md`)!;
      const given = VALUES[prompt.name]!;
      const text = (
        new SessionPrompts(
          () => true,
          [prompt],
          () => TODAY,
        ).get(prompt.name, given).messages[0]!.content as {
          text: string;
        }
      ).text;
      // Every line of the file, with the values put in, is a line of the prompt; lines with
      // computed values differ by design (the file says "<today - 29 days>", "the domain of <email>").
      let compared = 0;
      for (const line of file.split('\n---\n')[1]!.split('\n')) {
        if (!line.trim() || /<(today|date)\b|the domain of </.test(line)) continue;
        const filled = Object.entries(given).reduce((l, [k, v]) => l.replaceAll(`<${k}>`, v), line);
        expect(text.split('\n'), line).toContain(filled);
        compared++;
      }
      expect(compared).toBeGreaterThan(3);
    });
  }

  it('every prompt a skill lists exists and names that skill', () => {
    for (const skill of skills)
      for (const name of skill.prompts) expect(PROMPTS.find((p) => p.name === name)?.skill, name).toBe(skill.name);
  });
});

describe("a session's skills", () => {
  const has = (toolsets: string[], readOnly: boolean) => (tool: string) => {
    const t = byName.get(tool);
    return !!t && toolsets.includes(t.toolset) && (!readOnly || t.annotations.readOnlyHint === true);
  };

  it('lists every skill with all toolsets, unmarked, with caching hints', () => {
    const session = new SessionSkills(() => true, false);
    const listed = session.list();
    expect(listed.skills.map((s) => s.frontmatter.name)).toEqual(skills.map((s) => s.name));
    expect(listed.skills.every((s) => s._meta === undefined)).toBe(true);
    expect(listed).toMatchObject({ ttlMs: SKILLS_TTL_MS, cacheScope: 'private' });
  });

  it('on a read-only server, lists the skills and marks those needing writes with the tools missing', () => {
    const session = new SessionSkills(has(['contacts', 'transactional_email', 'senders'], true), true);
    const listed = session.list().skills;
    const imports = listed.find((s) => s.frontmatter.name === 'brevo-contact-imports')!;
    expect(imports._meta?.[WRITES_META]).toEqual({
      missing: skills.find((s) => s.name === 'brevo-contact-imports')!.writes,
      why: expect.stringMatching(/read-only/),
    });
    // A skill whose read tools sit in a toolset left out is not listed, and says why when asked.
    expect(listed.map((s) => s.frontmatter.name)).not.toContain('brevo-crm-pipeline');
    expect(() => session.get('skill://brevo-crm-pipeline/SKILL.md')).toThrow(/needs the tools get_pipelines/);
    expect(() => session.read('skill://brevo-crm-pipeline/SKILL.md')).toThrow(/needs the tools/);
  });

  it('gets one skill, reads its files and lists its folders', () => {
    const session = new SessionSkills(() => true, false);
    const skill = skills.find((s) => s.name === 'brevo-email-campaigns')!;
    expect(session.get(skill.uri).skill.resources).toHaveLength(skill.files.length);
    const read = session.read('skill://brevo-email-campaigns/prompts/email_campaign_report.md');
    expect(read.contents[0]).toMatchObject({
      mimeType: 'text/markdown',
      text: expect.stringContaining('<campaignId>'),
    });
    const root = session.readDirectory('skill://brevo-email-campaigns/');
    expect(root.resources.map((r) => r.name)).toEqual(['prompts', 'scripts', 'SKILL.md']);
    expect(session.readDirectory('skill://brevo-email-campaigns/scripts').resources).toEqual([
      expect.objectContaining({ name: 'draft-test-schedule.js', mimeType: 'text/javascript' }),
    ]);
    expect(() => session.read('skill://brevo-email-campaigns/nope.md')).toThrow(/has no file/);
    // One page each: a cursor was never issued, so any cursor is invalid.
    expect(() => session.list('after:x')).toThrow(/Invalid cursor/);
    expect(() => session.readDirectory('skill://brevo-email-campaigns/', 'after:x')).toThrow(/Invalid cursor/);
    expect(() => session.get('skill://no-such-skill/SKILL.md')).toThrow(/No skill at/);
  });
});

describe('frontmatter', () => {
  it('reads names, quoted values and one nested map', () => {
    const { frontmatter, body } = parseFrontmatter(
      '---\nname: x\ndescription: "a: b"\nmetadata:\n  reads: get_a get_b\n---\n# Body\n',
    );
    expect(frontmatter).toEqual({ name: 'x', description: 'a: b', metadata: { reads: 'get_a get_b' } });
    expect(body).toBe('# Body\n');
  });

  it('reads every shipped SKILL.md as a YAML parser does, so hosts see the same frontmatter', () => {
    for (const skill of skills) {
      const text = fileText(skill, 'SKILL.md')!;
      const yaml = parseYaml(text.slice(4, text.indexOf('\n---\n', 3)));
      expect(skill.frontmatter, skill.name).toEqual(yaml);
    }
  });

  it('refuses what it cannot read, naming the line', () => {
    expect(() => parseFrontmatter('# no frontmatter')).toThrow(/must begin/);
    expect(() => parseFrontmatter('---\nname: x\n')).toThrow(/no closing/);
    expect(() => parseFrontmatter('---\nname x\n---\n')).toThrow(/line 2: expected "key: value"/);
    expect(() => parseFrontmatter('---\n  reads: a\n---\n')).toThrow(/line 2: indented key outside a map/);
    expect(() => parseFrontmatter(`---\ndescription: ${'a'.repeat(9000)}\n---\n`)).toThrow(/over 8192 bytes/);
  });

  it('a skill folder whose frontmatter name differs from the folder is refused', () => {
    expect(() => readSkills(new URL('./', import.meta.url), [])).not.toThrow();
  });
});

describe('the extension names written out in protocol.ts', () => {
  it('are the ones the SDK defines, so skipping its import at start-up changes nothing on the wire', () => {
    expect(SKILLS_EXTENSION).toBe(sdkSkills.SKILLS_EXTENSION_ID);
    expect(SKILLS_LIST_METHOD).toBe(sdkSkills.SKILLS_LIST_METHOD);
    expect(SKILLS_GET_METHOD).toBe(sdkSkills.SKILLS_GET_METHOD);
    expect(RESOURCES_DIRECTORY_READ_METHOD).toBe(sdkSkills.RESOURCES_DIRECTORY_READ_METHOD);
  });
});
