/**
 * Reads the credentials of a request from its `Authorization` header, as the AppOptics
 * reference has them — HTTP Basic with the token as user name and an empty password — or as
 * `Bearer <token>` (an API token or a JWT). Pure: no lookups, just parsing.
 */
export type Credentials =
  | { kind: 'none' }
  | { kind: 'secret'; secret: string }
  | { kind: 'jwt'; jwt: string }
  | { kind: 'malformed'; reason: string };

const JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;
/** Longest JWT accepted: large enough for RSA signatures and generous claims. */
const MAX_JWT = 8_192;
/** The characters a secret can have; anything else is refused before any lookup. */
const SECRET = /^[\x21-\x7e]{1,512}$/;

export function readCredentials(header: string | undefined): Credentials {
  if (header === undefined || header.trim() === '') return { kind: 'none' };
  const [scheme = '', ...rest] = header.trim().split(/\s+/);
  const value = rest.join(' ');
  switch (scheme.toLowerCase()) {
    case 'basic':
      return fromBasic(value);
    case 'bearer':
      if (value.length <= MAX_JWT && JWT.test(value)) return { kind: 'jwt', jwt: value };
      if (!SECRET.test(value)) {
        return {
          kind: 'malformed',
          reason: 'the bearer token is empty, too long, or has characters a token never has',
        };
      }
      return { kind: 'secret', secret: value };
    default:
      return {
        kind: 'malformed',
        reason: `unsupported authorization scheme "${scheme.slice(0, 20)}"; use Basic or Bearer`,
      };
  }
}

function fromBasic(encoded: string): Credentials {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(encoded))
    return { kind: 'malformed', reason: 'the Basic credentials are not base64' };
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon === -1)
    return {
      kind: 'malformed',
      reason: 'the Basic credentials have no ":"; send the token as user name with an empty password',
    };
  const user = decoded.slice(0, colon);
  const password = decoded.slice(colon + 1);
  // The reference sends the token as user name with an empty password; some clients can only
  // fill in the password, so a token there with an empty user name is accepted too.
  const secret = user !== '' ? user : password;
  if (!SECRET.test(secret) || (user !== '' && password !== '')) {
    return { kind: 'malformed', reason: 'send the token as the Basic user name with an empty password' };
  }
  return { kind: 'secret', secret };
}
