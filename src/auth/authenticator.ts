/**
 * From a request's credentials to a principal: the bootstrap ADMIN_API_KEY (the operator), an
 * API token, a bearer JWT, or nobody. Knows nothing of HTTP beyond the header's text.
 */
import { UnauthenticatedError } from '../errors.js';
import { readCredentials } from './credentials.js';
import type { JwtVerifier } from './jwtVerifier.js';
import { DEFAULT_TENANT, type Principal } from './principal.js';
import { sameSecret } from './tokenSecret.js';

export const ANONYMOUS: Principal = {
  kind: 'anonymous',
  id: null,
  name: 'anonymous',
  role: null,
  tenant: DEFAULT_TENANT,
  environment: null,
};
const OPERATOR: Principal = {
  kind: 'operator',
  id: null,
  name: 'admin',
  role: 'admin',
  tenant: DEFAULT_TENANT,
  environment: null,
};

/** Who an API token's secret belongs to (services/tokenService.ts); null when no live token has it. */
export interface TokenLookup {
  authenticate(secret: string): Promise<Principal | null>;
}

export interface AuthenticatorOptions {
  adminApiKey: string;
  tokens: TokenLookup;
  jwt: JwtVerifier | null;
}

export class Authenticator {
  constructor(private readonly options: AuthenticatorOptions) {}

  /**
   * Whether an `Authorization` header carries the operator's ADMIN_API_KEY: a comparison in
   * constant time, asking no store and no identity provider.
   */
  isOperatorKey(header: string | undefined): boolean {
    const credentials = readCredentials(header);
    return credentials.kind === 'secret' && sameSecret(credentials.secret, this.options.adminApiKey);
  }

  /** The principal of an `Authorization` header; throws UnauthenticatedError for bad credentials. */
  async authenticate(header: string | undefined): Promise<Principal> {
    const credentials = readCredentials(header);
    switch (credentials.kind) {
      case 'none':
        return ANONYMOUS;
      case 'malformed':
        throw new UnauthenticatedError(`malformed Authorization header: ${credentials.reason}`);
      case 'jwt':
        if (!this.options.jwt)
          throw new UnauthenticatedError('bearer JWTs are not accepted: no OIDC provider is configured');
        return this.options.jwt.verify(credentials.jwt);
      case 'secret': {
        if (sameSecret(credentials.secret, this.options.adminApiKey)) return OPERATOR;
        const principal = await this.options.tokens.authenticate(credentials.secret);
        if (!principal) throw new UnauthenticatedError('invalid, inactive or deleted API token');
        return principal;
      }
    }
  }
}
