// The prompts' steps as skill files (prompts/<name>.md in the prompt's skill): the same render as
// prompts/get, with every argument left as a <placeholder>, so a prompt and its skill never differ.
import type { PromptDefinition } from '../prompts/definitions.js';

/** The placeholder written where a prompt argument's value goes. */
const placeholder = (name: string) => `<${name}>`;

/**
 * The prompt as a Markdown file: what it is for, its arguments, and its text rendered with
 * required arguments as placeholders, optional ones left out (their default wording) and every
 * optional tool mentioned, since a skill file is the same for every session.
 */
export function promptFile(prompt: PromptDefinition): string {
  const args: Record<string, string | undefined> = {};
  for (const arg of prompt.arguments) args[arg.name] = arg.required ? placeholder(arg.name) : undefined;
  const text = prompt.render(args, () => true, placeholder('today'));
  const argumentLines = prompt.arguments.map(
    (a) => `- ${placeholder(a.name)}${a.required ? ' (required)' : ' (optional)'}: ${a.description}`,
  );
  const optional = prompt.optionalTools?.length
    ? ` It also uses ${prompt.optionalTools.map((t) => `\`${t}\``).join(', ')} where the server offers them.`
    : '';
  return [
    `# ${prompt.title}`,
    '',
    prompt.description,
    '',
    `These are the steps of the prompt \`${prompt.name}\`, which fills in the values in angle brackets.` +
      ` Optional values left out here change a step's wording only.`,
    '',
    ...argumentLines,
    '',
    `Tools: ${prompt.tools.map((t) => `\`${t}\``).join(', ')}.${optional}`,
    '',
    '---',
    '',
    text,
    '',
  ].join('\n');
}
