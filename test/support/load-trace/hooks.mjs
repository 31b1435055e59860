// Module-resolution hook: writes "module-loaded <url>" to stderr for every module resolved.
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  process.stderr.write(`module-loaded ${resolved.url}\n`);
  return resolved;
}
