/**
 * The route × token matrix (issue 13 finding 5), generated from the routes: each running app's OpenAPI
 * document (/docs-json) lists every route, and every operation carries the access rule its controller
 * states (`x-casebridge-access`, written by @Roles/@Public in libs/auth). Nothing here lists routes by hand.
 */
import { ACCESS_EXTENSION, ROLES, type AccessRule, type Role } from '@casebridge/auth';
import type { AgencyKind } from '@casebridge/contracts';

export const AGENCY_KINDS: readonly AgencyKind[] = ['enforcement', 'police', 'procuratorate', 'court'];

export interface MatrixRoute {
  app: string;
  method: string;
  /** OpenAPI path, e.g. /transfers/{transferId}/send */
  path: string;
  rule: AccessRule;
  /** names of its query parameters (a filter naming a seeded resource is tried too) */
  query: string[];
}

interface OpenApiDocument {
  paths: Record<string, Record<string, Record<string, unknown>>>;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** Every operation of an app's document with its access rule; an operation without one is an error naming it. */
export function routesOf(app: string, doc: OpenApiDocument): MatrixRoute[] {
  const routes: MatrixRoute[] = [];
  const missing: string[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const rule = op[ACCESS_EXTENSION] as AccessRule | undefined;
      const valid =
        rule && ('public' in rule ? rule.public === true : Array.isArray(rule.roles) && rule.roles.length > 0);
      if (!valid) missing.push(`${method.toUpperCase()} ${path}`);
      else {
        const params = (op.parameters ?? []) as { in: string; name: string }[];
        routes.push({
          app,
          method: method.toUpperCase(),
          path,
          rule,
          query: params.filter((p) => p.in === 'query').map((p) => p.name),
        });
      }
    }
  }
  if (missing.length)
    throw new Error(`${app}: route(s) without an access rule (${ACCESS_EXTENSION}): ${missing.join(', ')}`);
  return routes;
}

export interface TokenSpec {
  name: string;
  agencyId: string;
  roles: Role[];
}

/**
 * The tokens of one route: the right one, and every wrong one a valid signature can carry — each other
 * agency kind (only for apps of one agency kind: supervision and audit serve every kind), the same
 * kind of another region (not for operator-only routes: operators are not region-scoped), each role
 * the route does not admit. (Invalid signatures, expiry, `alg: none`
 * etc. come from libs/auth/src/testing/invalid-tokens.ts.)
 */
export function tokensFor(
  route: MatrixRoute,
  appKinds: readonly AgencyKind[] | 'any',
  home: { kind: AgencyKind; region: string; otherRegion: string },
): {
  right: TokenSpec;
  otherKind: TokenSpec[];
  otherRegion: TokenSpec | null;
  wrongRole: TokenSpec[];
} {
  if ('public' in route.rule) throw new Error('a public route has no token matrix');
  const roles = route.rule.roles;
  const role = roles[0]!;
  const right = {
    name: `right (${home.kind}:${home.region} ${role})`,
    agencyId: `${home.kind}:${home.region}`,
    roles: [role],
  };
  return {
    right,
    otherKind:
      appKinds === 'any'
        ? []
        : AGENCY_KINDS.filter((k) => !appKinds.includes(k)).map((k) => ({
            name: `other kind ${k}`,
            agencyId: `${k}:${home.region}`,
            roles: [...roles],
          })),
    // operators are not scoped by region (ledger maintenance is one act over the whole store)
    otherRegion: roles.every((r) => r === 'operator')
      ? null
      : {
          name: `same kind, other region ${home.otherRegion}`,
          agencyId: `${home.kind}:${home.otherRegion}`,
          roles: [role],
        },
    wrongRole: ROLES.filter((r) => !roles.includes(r)).map((r) => ({
      name: `wrong role ${r}`,
      agencyId: right.agencyId,
      roles: [r],
    })),
  };
}

/**
 * The URLs to try for a route: its path with the seeded ids, and — when it takes a query parameter named
 * like a seeded resource (linkedCaseId, caseId, transferId, …) — the same with that filter set, so a
 * filter cannot reach another office's data either.
 */
export function urlsOf(route: MatrixRoute, ids: Record<string, string>): string[] {
  const base = fillPath(route.path, ids);
  const filters = route.query.filter((q) => ids[q] !== undefined);
  return filters.length
    ? [base, `${base}?${new URLSearchParams(filters.map((q): [string, string] => [q, ids[q]!])).toString()}`]
    : [base];
}

/** Fills the path parameters with the ids of the seeded resources; an unknown parameter fails (a new route needs a seed). */
export function fillPath(path: string, ids: Record<string, string>): string {
  return path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const v = ids[name];
    if (v === undefined)
      throw new Error(`route ${path}: no seeded value for path parameter {${name}}; add one to the matrix seed`);
    return encodeURIComponent(v);
  });
}
