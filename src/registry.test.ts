// The one place that decides what a session offers: tools, why one is not offered, and what
// resources and completions may reach.
import { describe, expect, it } from 'vitest';
import { readManifest } from './tools/manifest.js';
import {
  defaultSelection,
  narrowSelection,
  resourceReach,
  selectTools,
  whyNotOffered,
  type ToolSelection,
} from './registry.js';

const manifest = readManifest();
const entry = (name: string) => manifest.find((t) => t.name === name)!;

describe('whyNotOffered', () => {
  it('agrees with selectTools, and names the option to change', () => {
    const selections: ToolSelection[] = [
      defaultSelection(),
      { toolsets: 'all', readOnly: true },
      { toolsets: ['contacts'], excludeTools: ['get_lists'], readOnly: false },
      { toolsets: 'all', tools: ['get_account', 'delete_list'], readOnly: true },
    ];
    for (const selection of selections) {
      const offered = new Set(selectTools(manifest, selection).map((t) => t.name));
      for (const t of manifest)
        expect(whyNotOffered(t, selection) === undefined, `${t.name} in ${JSON.stringify(selection)}`).toBe(
          offered.has(t.name),
        );
    }
    expect(whyNotOffered(entry('get_deals'), defaultSelection())).toMatch(
      /toolset crm is not enabled; start the server with --toolsets including crm/,
    );
    expect(whyNotOffered(entry('delete_list'), { toolsets: 'all', readOnly: true })).toMatch(
      /changes data and the server is read-only \(--read-only/,
    );
    expect(
      whyNotOffered(entry('get_lists'), { toolsets: 'all', excludeTools: ['get_lists'], readOnly: false }),
    ).toMatch(/excludes it \(--exclude-tools/);
    expect(whyNotOffered(entry('get_lists'), { toolsets: 'all', tools: ['get_account'], readOnly: false })).toMatch(
      /--tools .*add get_lists there/,
    );
  });

  it("tells the server's reasons from what a connection asked", () => {
    const server: ToolSelection = { toolsets: 'all', excludeTools: ['delete_list'], readOnly: false };
    const session = narrowSelection(server, { toolsets: ['contacts'], excludeTools: ['get_lists'] }, manifest);
    expect(whyNotOffered(entry('delete_list'), session)).toMatch(/the server excludes it/);
    expect(whyNotOffered(entry('get_lists'), session)).toMatch(/this connection excluded it \(exclude_tools/);
    expect(whyNotOffered(entry('get_deals'), session)).toMatch(/this connection asked for other toolsets .*crm/);
    expect(whyNotOffered(entry('get_contacts'), session)).toBeUndefined();
  });
});

describe('resourceReach', () => {
  it('is not limited by toolsets, and is by exclusions, tool lists and read-only', () => {
    expect(resourceReach(manifest, defaultSelection()).allows('get_pipelines')).toBe(true);
    const excluded = resourceReach(manifest, { toolsets: ['crm'], excludeTools: ['get_account'], readOnly: false });
    expect(excluded.allows('get_account')).toBe(false);
    expect(excluded.whyNot('get_account')).toMatch(/--exclude-tools/);
    expect(excluded.allows('get_lists')).toBe(true);
    const listed = resourceReach(manifest, { toolsets: 'all', tools: ['get_lists'], readOnly: false });
    expect(listed.allows('get_lists')).toBe(true);
    expect(listed.allows('get_account')).toBe(false);
    expect(resourceReach(manifest, { toolsets: 'all', readOnly: true }).allows('get_account')).toBe(true);
  });

  it("follows a connection's exclusions and tools, not its toolsets", () => {
    const server: ToolSelection = { toolsets: 'all', readOnly: false };
    const byToolset = resourceReach(manifest, narrowSelection(server, { toolsets: ['crm'] }, manifest));
    expect(byToolset.allows('get_account')).toBe(true);
    const byExclusion = resourceReach(manifest, narrowSelection(server, { excludeTools: ['get_account'] }, manifest));
    expect(byExclusion.allows('get_account')).toBe(false);
    expect(byExclusion.whyNot('get_account')).toMatch(/this connection excluded it/);
    const byTools = resourceReach(manifest, narrowSelection(server, { tools: ['get_lists'] }, manifest));
    expect(byTools.allows('get_lists')).toBe(true);
    expect(byTools.allows('get_account')).toBe(false);
  });
});
