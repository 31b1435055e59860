// The formatter breaks code at 120 columns but leaves a long string, template or regex whole. This
// check holds those to 160 columns, except a line under a `// wide: <why>` comment (a regex or a
// text that reads worse cut) and the lines inside a multi-line template literal, which are text
// (a script, a message), not code. Run by npm run format:check.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const MAX = 160;
const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '*.ts', '*.mjs'], {
  encoding: 'utf8',
})
  .split('\n')
  .filter(Boolean);
const over = [];
let excused = 0;
for (const file of files) {
  let lines;
  try {
    lines = readFileSync(file, 'utf8').split('\n');
  } catch {
    continue; // listed by git but deleted in the working tree
  }
  let inTemplate = false;
  lines.forEach((line, i) => {
    const wasInTemplate = inTemplate;
    if ((line.match(/(?<!\\)`/g) ?? []).length % 2) inTemplate = !inTemplate;
    if (line.length <= MAX || wasInTemplate) return;
    if (/^\s*\/\/ wide: \S/.test(lines[i - 1] ?? '')) excused++;
    else over.push(`${file}:${i + 1}: ${line.length} columns`);
  });
}
if (over.length) {
  console.error(
    `${over.length} line(s) over ${MAX} columns (break them, or explain with a "// wide: <why>" line above):`,
  );
  for (const line of over) console.error(`  ${line}`);
  process.exit(1);
}
console.log(`line width: no line over ${MAX} columns in ${files.length} files (${excused} explained with "// wide:")`);
