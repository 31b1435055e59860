// What people copy to install and configure brevo-mcp: the MCP registry's server.json, the
// client snippets of the README and the toolset profiles of docs/configuration.md. Each must
// stay true to the package and to the server's options.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../src/config.js';
import { selectTools } from '../src/registry.js';
import { readManifest } from '../src/tools/manifest.js';

const read = (path: string) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');
const pkg = JSON.parse(read('package.json')) as { name: string; version: string; mcpName: string; description: string };
const readme = read('README.md');
const configuration = read('docs/configuration.md');

interface EnvVar {
  name: string;
  description?: string;
  isRequired?: boolean;
  isSecret?: boolean;
  format?: string;
  default?: string;
  placeholder?: string;
}
const server = JSON.parse(read('server.json')) as {
  $schema: string;
  name: string;
  title: string;
  description: string;
  version: string;
  packages: Array<{
    registryType: string;
    registryBaseUrl?: string;
    identifier: string;
    version: string;
    runtimeHint?: string;
    fileSha256?: string;
    transport: { type: string };
    environmentVariables?: EnvVar[];
  }>;
};

describe('server.json for the MCP registry', () => {
  it('follows the 2025-12-11 schema: known fields only, within its limits', () => {
    expect(server.$schema).toBe('https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json');
    const serverFields = [
      '$schema',
      'name',
      'title',
      'description',
      'version',
      'packages',
      'remotes',
      'repository',
      'websiteUrl',
      'icons',
      '_meta',
    ];
    expect(Object.keys(server).filter((k) => !serverFields.includes(k))).toEqual([]);
    expect(server.name).toMatch(/^[a-zA-Z0-9.-]+\/[a-zA-Z0-9._-]+$/);
    expect(server.description.length).toBeGreaterThan(0);
    expect(server.description.length).toBeLessThanOrEqual(100);
    expect(server.title.length).toBeLessThanOrEqual(100);
    const packageFields = [
      'registryType',
      'registryBaseUrl',
      'identifier',
      'version',
      'fileSha256',
      'runtimeHint',
      'transport',
      'runtimeArguments',
      'packageArguments',
      'environmentVariables',
    ];
    const inputFields = [
      'name',
      'description',
      'isRequired',
      'isSecret',
      'format',
      'value',
      'default',
      'placeholder',
      'choices',
      'variables',
    ];
    for (const p of server.packages) {
      expect(Object.keys(p).filter((k) => !packageFields.includes(k))).toEqual([]);
      for (const v of p.environmentVariables ?? []) {
        expect(
          Object.keys(v).filter((k) => !inputFields.includes(k)),
          v.name,
        ).toEqual([]);
        expect(['string', 'number', 'boolean', 'filepath']).toContain(v.format ?? 'string');
        expect(v.description, v.name).toBeTruthy();
      }
    }
  });

  it('names this npm package and version, over stdio, and the owner the registry will check', () => {
    expect(server.name).toBe(pkg.mcpName);
    expect(server.version).toBe(pkg.version);
    expect(server.packages.map((p) => p.registryType)).toEqual(['npm', 'mcpb']);
    expect(server.packages[0]).toMatchObject({
      registryType: 'npm',
      registryBaseUrl: 'https://registry.npmjs.org',
      identifier: pkg.name,
      version: pkg.version,
      runtimeHint: 'npx',
      transport: { type: 'stdio' },
    });
  });

  it('lists the MCP Bundle of this version as a GitHub release download, its hash filled in by npm run bundle', () => {
    const bundle = server.packages[1]!;
    expect(bundle).toMatchObject({ version: pkg.version, transport: { type: 'stdio' } });
    // The registry takes an .mcpb only from a GitHub or GitLab release, by a URL containing "mcp".
    const owner = server.name.split('/')[0]!.replace(/^io\.github\./, '');
    expect(bundle.identifier).toBe(
      `https://github.com/${owner}/${pkg.name}/releases/download/v${pkg.version}/${pkg.name}-${pkg.version}.mcpb`,
    );
    // Its SHA-256 is known only once the file is built: build/server.json carries it (test/bundle.test.ts).
    expect(bundle.fileSha256).toBeUndefined();
  });

  it('declares environment variables the server reads, the keys as secrets', () => {
    const vars = server.packages[0]!.environmentVariables!;
    const config = read('src/config.ts');
    for (const v of vars) {
      expect(config, `${v.name} is read in src/config.ts`).toContain(`env.${v.name}`);
      expect(configuration, `${v.name} is documented`).toContain(v.name);
    }
    const byName = new Map(vars.map((v) => [v.name, v]));
    expect(byName.get('BREVO_API_KEY')).toMatchObject({ isRequired: true, isSecret: true });
    expect(byName.get('BREVO_MA_KEY')).toMatchObject({ isSecret: true });
    // A boolean input reaches the server as "true" or "false": both must mean what they say.
    for (const v of vars.filter((v) => v.format === 'boolean')) {
      const flag = {
        BREVO_READ_ONLY: (c: ReturnType<typeof readConfig>) => c.selection.readOnly,
        BREVO_CONFIRM: (c: ReturnType<typeof readConfig>) => c.confirm,
        BREVO_SANDBOX: (c: ReturnType<typeof readConfig>) => c.sandbox,
      }[v.name];
      expect(flag, `${v.name} is a known boolean`).toBeDefined();
      expect(flag!(readConfig([], { [v.name]: 'true' }))).toBe(true);
      expect(flag!(readConfig([], { [v.name]: 'false' }))).toBe(false);
    }
    const toolsets = readConfig([], { BREVO_TOOLSETS: byName.get('BREVO_TOOLSETS')!.default });
    expect(toolsets.selection).toEqual(readConfig([], {}).selection);
  });
});

describe('README', () => {
  it('has client snippets that are valid JSON', () => {
    const blocks = [...readme.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => m[1]!);
    expect(blocks.length).toBeGreaterThanOrEqual(4);
    for (const block of blocks) expect(() => JSON.parse(block), block).not.toThrow();
  });

  it('quotes the right tool count for every toolset profile', () => {
    const section = configuration.slice(
      configuration.indexOf('## Toolset profiles'),
      configuration.indexOf('## Options'),
    );
    const rows = [...section.matchAll(/^\|[^|]+\| +`([^`]+)` +\| +(\d+) \|$/gm)];
    expect(rows.length).toBeGreaterThanOrEqual(4);
    const manifest = readManifest();
    for (const [, options, count] of rows) {
      const config = readConfig(options!.split(' '), {});
      expect(selectTools(manifest, config.selection).length, options).toBe(Number(count));
    }
  });
});
