// The OpenID Connect provider of the sign-in tests: oidc-provider (npm), configured from the JSON file named by the
// first argument, which the Java test writes (issuer, port, signing keys, clients, accounts). It issues RFC 9068 JWT
// access tokens (typ at+jwt) for the resource named by the request's resource indicator, by client credentials and by
// the authorization code flow with PKCE, and ID tokens carrying the same role and side claims. Loopback only.
import { readFileSync } from 'node:fs';
import Provider from 'oidc-provider';

const config = JSON.parse(readFileSync(process.argv[2], 'utf8'));

// the tracker's role and side claims, per client (client credentials) and per account (people who sign in)
const clientClaims = Object.fromEntries(config.clients.map((c) => [c.client_id, c.claims ?? {}]));
const trackerClaims = (token) =>
  (token.accountId ? config.accounts[token.accountId] : clientClaims[token.clientId]) ?? {};

const provider = new Provider(config.issuer, {
  clients: config.clients.map(({ claims, ...metadata }) => metadata),
  jwks: config.jwks,
  cookies: { keys: ['cet-tracker-test-only'] },
  scopes: ['openid', 'tracker'],
  claims: { openid: ['sub'], tracker: ['roles', 'side', 'name'] },
  // the ID token carries the scope's claims itself (the tracker reads them from it)
  conformIdTokenClaims: false,
  findAccount: async (ctx, id) => ({
    accountId: id,
    claims: async () => ({ sub: id, name: id, ...(config.accounts[id] ?? {}) }),
  }),
  extraTokenClaims: async (ctx, token) => trackerClaims(token),
  ttl: { AccessToken: config.accessTokenTtl ?? 300, ClientCredentials: config.accessTokenTtl ?? 300, IdToken: 3600 },
  features: {
    devInteractions: { enabled: true },
    clientCredentials: { enabled: true },
    rpInitiatedLogout: { enabled: true },
    resourceIndicators: {
      enabled: true,
      defaultResource: () => config.audience,
      useGrantedResource: () => true,
      getResourceServerInfo: (ctx, resource) => {
        if (!config.resources.includes(resource)) {
          throw new Provider.errors.InvalidTarget();
        }
        return {
          scope: 'tracker',
          audience: resource,
          accessTokenFormat: 'jwt',
          accessTokenTTL: config.accessTokenTtl ?? 300,
          jwt: { sign: { alg: config.accessTokenAlg ?? 'RS256' } },
        };
      },
    },
  },
});

const server = provider.listen(config.port, '127.0.0.1', () => console.log('oidc-provider ready on ' + config.issuer));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
