// The bearer token of an Authorization header (RFC 6750: "Bearer <token>"), read the same way by
// the static --auth-token check and by OAuth. The header only: MCP forbids tokens in the query.
const BEARER = /^Bearer +(\S+) *$/i;

export function bearerToken(authorization: string | undefined): string | undefined {
  return BEARER.exec(authorization ?? '')?.[1];
}
