/**
 * Issue 12, "who may attach an act to a linked case", kept structural: the audit app scopes a case to every region
 * that put an event on it, so a route that lets a caller name a linked case of its choice must refuse one the
 * caller's office neither holds nor was granted. This walks every controller of every HTTP app — from each app's
 * AppModule through its imports, as Nest builds it — and fails when a route's body DTO has a `linkedCaseId`
 * (at any depth: nested objects and lists of them) without @MayLinkCase() naming that path, or its query DTO has
 * one without @MayLinkCase() or @OwnOrGranted({ query }) naming it.
 */
import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { getMetadataStorage } from 'class-validator';
import { mayLinkCaseOf, ownOrGrantedOf } from '@casebridge/sharing';

type Cls = new (...args: never[]) => object;
// class-transformer's @Type metadata (the nested classes); its package exports the storage only by this path
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as {
  defaultMetadataStorage: { findTypeMetadata(target: Cls, property: string): { typeFunction(): unknown } | undefined };
};
const validation = getMetadataStorage() as unknown as {
  getTargetValidationMetadatas(t: Cls, s: string, a: boolean, b: boolean): { propertyName: string }[];
};

const APPS = ['enforcement', 'police', 'procuratorate', 'court', 'supervision', 'audit'] as const;

const INBOX =
  'a filter over the office’s own inbox (messages addressed to it): names no case to act on, reads nothing else';
const REGION =
  'supervision and audit act for a region, not an office: they hold no linked case of their own and every read is scoped to the caller’s region';
/**
 * Routes outside the rule (`app Controller.method: Dto.path`), each with its reason. Adding one is a review
 * decision: an exemption that no longer matches a route fails the test.
 */
const OUTSIDE_THE_RULE = new Map<string, string>([
  ['enforcement AgencyInboxHttpController.list: ListInboxRequest.linkedCaseId', INBOX],
  ['police AgencyInboxHttpController.list: ListInboxRequest.linkedCaseId', INBOX],
  ['procuratorate AgencyInboxHttpController.list: ListInboxRequest.linkedCaseId', INBOX],
  ['court AgencyInboxHttpController.list: ListInboxRequest.linkedCaseId', INBOX],
  [
    'procuratorate TransferOpinionsHttpController.issue: TransferOpinionRequest.linkedCaseId',
    'checked stricter in its handler: the exact case (caseId, linkedCaseId, owner) must be one the office knows — a suspected crime reported within its jurisdiction or its own transfer copy — else 404 OPINION.CASE_NOT_FOUND / AGENCY.OUTSIDE_JURISDICTION (test/transfer/transfer-opinion)',
  ],
  ['supervision ConsoleHttpController.list: ListStepsQuery.linkedCaseId', REGION],
  ['audit LedgerHttpController.verify: VerifyRequest.linkedCaseId', REGION],
  ['audit LedgerHttpController.checkpoints: CheckpointsRequest.linkedCaseId', REGION],
]);

interface DynamicModuleLike {
  module: Cls;
  imports?: unknown[];
  controllers?: Cls[];
}

/** Every controller of a module tree (static @Module metadata and dynamic modules, forwardRef followed). */
async function controllersOf(root: unknown): Promise<Set<Cls>> {
  const found = new Set<Cls>();
  const seen = new Set<unknown>();
  const visit = async (m: unknown): Promise<void> => {
    let mod = m instanceof Promise ? await m : m;
    if (mod && typeof mod === 'object' && 'forwardRef' in mod)
      mod = (mod as { forwardRef: () => unknown }).forwardRef();
    if (!mod || seen.has(mod)) return;
    seen.add(mod);
    const dynamic = typeof mod === 'object' && 'module' in mod ? (mod as DynamicModuleLike) : undefined;
    const cls = (dynamic ? dynamic.module : mod) as Cls;
    const controllers = [
      ...((Reflect.getMetadata('controllers', cls) ?? []) as Cls[]),
      ...(dynamic?.controllers ?? []),
    ];
    controllers.forEach((c) => found.add(c));
    for (const i of [...((Reflect.getMetadata('imports', cls) ?? []) as unknown[]), ...(dynamic?.imports ?? [])])
      await visit(i);
  };
  await visit(root);
  return found;
}

const isClass = (v: unknown): v is Cls => typeof v === 'function' && v.prototype !== undefined;
const PRIMITIVES = new Set<unknown>([String, Number, Boolean, Object, Array, Date]);

/** The property names of a DTO class: class-validator's and @nestjs/swagger's metadata. */
function propertiesOf(cls: Cls): string[] {
  const swagger = ((Reflect.getMetadata('swagger/apiModelPropertiesArray', cls.prototype) ?? []) as string[]).map((p) =>
    p.replace(/^:/, ''),
  );
  const validated = validation.getTargetValidationMetadatas(cls, '', true, false).map((m) => m.propertyName);
  return [...new Set([...swagger, ...validated])];
}

/** The class of a nested property (class-transformer @Type, else the swagger `type`), or undefined. */
function nestedClassOf(cls: Cls, property: string): Cls | undefined {
  const candidates: unknown[] = [defaultMetadataStorage.findTypeMetadata(cls, property)?.typeFunction()];
  const swaggerType = (
    Reflect.getMetadata('swagger/apiModelProperties', cls.prototype, property) as { type?: unknown } | undefined
  )?.type;
  candidates.push(Array.isArray(swaggerType) ? swaggerType[0] : swaggerType);
  for (const c of candidates) {
    // swagger's lazy form `type: () => Dto` (a plain function, not a class, returns the class)
    const t = isClass(c) ? c : typeof c === 'function' ? (c as () => unknown)() : undefined;
    if (isClass(t) && !PRIMITIVES.has(t) && propertiesOf(t).length > 0) return t;
  }
  return undefined;
}

/** The dotted paths of every `linkedCaseId` (or `linkedCaseIds`) in a DTO, nested objects and lists included. */
export function linkedCasePaths(cls: Cls, prefix = '', seen: Set<Cls> = new Set()): string[] {
  if (seen.has(cls)) return [];
  const inner = new Set(seen).add(cls);
  return propertiesOf(cls).flatMap((p) => {
    const path = prefix + p;
    const nested = nestedClassOf(cls, p);
    return [
      ...(/^linkedCaseIds?$/.test(p) ? [path] : []),
      ...(nested ? linkedCasePaths(nested, `${path}.`, inner) : []),
    ];
  });
}

interface RouteArg {
  index: number;
}

/** Each route of a controller with its body and query DTO classes. */
function routesOf(controller: Cls): { name: string; handler: object; body: Cls[]; query: Cls[] }[] {
  const names = new Set<string>();
  for (let p = controller.prototype as object | null; p && p !== Object.prototype; p = Object.getPrototypeOf(p))
    Object.getOwnPropertyNames(p).forEach((n) => n !== 'constructor' && names.add(n));
  return [...names].flatMap((name) => {
    const handler = (controller.prototype as Record<string, unknown>)[name];
    if (typeof handler !== 'function' || Reflect.getMetadata(METHOD_METADATA, handler) === undefined) return [];
    const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, name) ?? {}) as Record<string, RouteArg>;
    const types = (Reflect.getMetadata('design:paramtypes', controller.prototype, name) ?? []) as unknown[];
    const of = (kind: RouteParamtypes) =>
      Object.entries(args)
        .filter(([key]) => Number(key.split(':')[0]) === kind)
        .map(([, a]) => types[a.index])
        .filter(isClass);
    return [{ name, handler, body: of(RouteParamtypes.BODY), query: of(RouteParamtypes.QUERY) }];
  });
}

interface Finding {
  /** `app Controller.method` */
  route: string;
  prefix: string;
  dto: string;
  path: string;
  covered: boolean;
}

function findings(app: string, controllers: Set<Cls>): Finding[] {
  return [...controllers].flatMap((c) =>
    routesOf(c).flatMap((r) => {
      const route = `${app} ${c.name}.${r.name}`;
      const prefix = String(Reflect.getMetadata(PATH_METADATA, c));
      const link = mayLinkCaseOf(r.handler);
      const read = ownOrGrantedOf(r.handler);
      return [
        ...r.body.flatMap((dto) =>
          linkedCasePaths(dto).map((path) => ({ route, prefix, dto: dto.name, path, covered: link?.path === path })),
        ),
        ...r.query.flatMap((dto) =>
          linkedCasePaths(dto).map((path) => ({
            route,
            prefix,
            dto: dto.name,
            path,
            covered: link?.path === path || read?.query === path,
          })),
        ),
      ];
    }),
  );
}

describe('routes that take a linked case (issue 12: @MayLinkCase)', () => {
  const byApp = new Map<string, Set<Cls>>();
  beforeAll(async () => {
    // the root modules validate their configuration when loaded (nothing connects: no module is instantiated)
    process.env.CASEBRIDGE_JWT_SECRET ??= 'linked-case-routes-spec-secret-0123456789';
    Logger.overrideLogger(false); // TypeORM's notes on six apps' data sources registered in one process
    for (const app of APPS) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- each app's root module, as main.ts loads it
      const { AppModule } = require(`./${app}/src/app.module`) as { AppModule: Cls };
      byApp.set(app, await controllersOf(AppModule));
    }
  });

  it('walks every app’s controllers (the walk is not empty)', () => {
    for (const app of APPS) expect([app, byApp.get(app)!.size > 0]).toEqual([app, true]);
    const names = [...byApp.values()].flatMap((s) => [...s].map((c) => c.name));
    expect(names).toEqual(
      expect.arrayContaining([
        'NotificationsHttpController',
        'PilCasesHttpController',
        'DamageCompensationHttpController',
      ]),
    );
  });

  it('finds the routes that take a linked case in their body, the known four among them', () => {
    const all = [...byApp].flatMap(([app, cs]) => findings(app, cs));
    const body = all.filter((f) =>
      /\b(NotifyRequest|AskRequest|OpenPilCaseRequest|OpenConsultationRequest)\b/.test(f.dto),
    );
    expect(body.map((f) => f.dto).sort()).toEqual(
      expect.arrayContaining(['AskRequest', 'NotifyRequest', 'OpenConsultationRequest', 'OpenPilCaseRequest']),
    );
  });

  it('every route whose body or query names a linked case checks it (@MayLinkCase / @OwnOrGranted({ query }))', () => {
    const all = [...byApp].flatMap(([app, cs]) => findings(app, cs));
    const key = (f: Finding) => `${f.route}: ${f.dto}.${f.path}`;
    const unchecked = all
      .filter((f) => !f.covered && !OUTSIDE_THE_RULE.has(key(f)))
      .map((f) => `${key(f)} (/${f.prefix.replace(/^\//, '')}) lacks @MayLinkCase('${f.path}')`);
    expect(unchecked).toEqual([]);
    // an exemption is for a route that exists and is not checked: a stale one is removed
    const stale = [...OUTSIDE_THE_RULE.keys()].filter((k) => !all.some((f) => !f.covered && key(f) === k));
    expect(stale).toEqual([]);
  });

  it('finds nested linked case ids (a DTO in a DTO, a list of them)', () => {
    class Inner {}
    Reflect.defineMetadata('swagger/apiModelPropertiesArray', [':linkedCaseId'], Inner.prototype);
    class Middle {}
    Reflect.defineMetadata('swagger/apiModelPropertiesArray', [':origins'], Middle.prototype);
    Reflect.defineMetadata('swagger/apiModelProperties', { type: [Inner] }, Middle.prototype, 'origins');
    class Outer {}
    Reflect.defineMetadata('swagger/apiModelPropertiesArray', [':origins', ':via', ':self'], Outer.prototype);
    Reflect.defineMetadata('swagger/apiModelProperties', { type: [Inner] }, Outer.prototype, 'origins');
    Reflect.defineMetadata('swagger/apiModelProperties', { type: () => Middle }, Outer.prototype, 'via');
    // a DTO that contains itself is walked once
    Reflect.defineMetadata('swagger/apiModelProperties', { type: () => Outer }, Outer.prototype, 'self');
    expect(linkedCasePaths(Outer)).toEqual(['origins.linkedCaseId', 'via.origins.linkedCaseId']);
  });
});
