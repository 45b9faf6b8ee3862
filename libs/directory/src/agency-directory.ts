/**
 * The agency directory: who an agency id (`police:210100`) is, by official name, for every place a person
 * reads one (console, inbox, audit report, CLI output).
 *
 * Data: `agencies.json` next to this file (format `casebridge.agency-directory.v1`), or the file named
 * by CASEBRIDGE_AGENCY_DIRECTORY (same shape; an operator's copy replaces the built-in one entirely). An id
 * the file does not list still gets a readable name, generated from its division code (GB/T 2260): the
 * province from the first two digits, the level from the trailing zeros — flagged `generated: true`.
 *
 *   const dir = agencyDirectory();
 *   dir.name('police:210100', 'zh')   // 沈阳市公安局
 *   dir.name('police:210100', 'en')   // Shenyang Municipal Public Security Bureau
 *   dir.name('police:210400', 'zh')   // 辽宁省行政区划 210400 公安机关 (generated)
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { competentCourtIn, type EnvironmentalCourtMap } from '@casebridge/contracts';
import BUILT_IN from './agencies.json';

export type Lang = 'zh' | 'en';
export type DirectoryAgencyKind = 'enforcement' | 'police' | 'procuratorate' | 'court';
/** national: 000000 · province: xx0000 · city (prefecture): xxxx00 · county (district): any other code. */
export type DivisionLevel = 'national' | 'province' | 'city' | 'county';
export interface Bilingual {
  zh: string;
  en: string;
}

export interface DirectoryAgency {
  /** `<kind>:<6-digit division code>` */
  id: string;
  kind: DirectoryAgencyKind;
  /** administrative division code (GB/T 2260), 6 digits */
  division: string;
  level: DivisionLevel;
  /** official name, e.g. {zh: '沈阳市公安局', en: 'Shenyang Municipal Public Security Bureau'} */
  name: Bilingual;
  /** true when the name was generated from the division code (the id is not in the directory file) */
  generated?: boolean;
}

export interface DirectoryDivision {
  code: string;
  level: DivisionLevel;
  name: Bilingual;
}

/**
 * One row of the jurisdiction map kept beside the agencies. `matter: 'environmental'`: centralised environmental
 * jurisdiction (集中管辖): `from` is a division code (it covers the divisions inside it), `to` the court that hears
 * that division's environmental cases (read by `environmentalJurisdiction` / `competentCourt`). Other matters are
 * kept, read by no code yet.
 */
export interface JurisdictionRow {
  from: string;
  to: string;
  matter: string;
  basis?: string;
}

export interface AgencyDirectoryFile {
  format: 'casebridge.agency-directory.v1';
  divisions: DirectoryDivision[];
  agencies: DirectoryAgency[];
  jurisdiction?: JurisdictionRow[];
}

export const AGENCY_DIRECTORY_ENV = 'CASEBRIDGE_AGENCY_DIRECTORY';
export const BUILT_IN_DIRECTORY_FILE = path.join(__dirname, 'agencies.json');

const ID = /^(enforcement|police|procuratorate|court):(\d{6})$/;
const KINDS: readonly DirectoryAgencyKind[] = ['enforcement', 'police', 'procuratorate', 'court'];

/** Provinces by the first two digits of a division code (GB/T 2260). */
const PROVINCES: Record<string, Bilingual> = {
  11: { zh: '北京市', en: 'Beijing' },
  12: { zh: '天津市', en: 'Tianjin' },
  13: { zh: '河北省', en: 'Hebei' },
  14: { zh: '山西省', en: 'Shanxi' },
  15: { zh: '内蒙古自治区', en: 'Inner Mongolia' },
  21: { zh: '辽宁省', en: 'Liaoning' },
  22: { zh: '吉林省', en: 'Jilin' },
  23: { zh: '黑龙江省', en: 'Heilongjiang' },
  31: { zh: '上海市', en: 'Shanghai' },
  32: { zh: '江苏省', en: 'Jiangsu' },
  33: { zh: '浙江省', en: 'Zhejiang' },
  34: { zh: '安徽省', en: 'Anhui' },
  35: { zh: '福建省', en: 'Fujian' },
  36: { zh: '江西省', en: 'Jiangxi' },
  37: { zh: '山东省', en: 'Shandong' },
  41: { zh: '河南省', en: 'Henan' },
  42: { zh: '湖北省', en: 'Hubei' },
  43: { zh: '湖南省', en: 'Hunan' },
  44: { zh: '广东省', en: 'Guangdong' },
  45: { zh: '广西壮族自治区', en: 'Guangxi' },
  46: { zh: '海南省', en: 'Hainan' },
  50: { zh: '重庆市', en: 'Chongqing' },
  51: { zh: '四川省', en: 'Sichuan' },
  52: { zh: '贵州省', en: 'Guizhou' },
  53: { zh: '云南省', en: 'Yunnan' },
  54: { zh: '西藏自治区', en: 'Tibet' },
  61: { zh: '陕西省', en: 'Shaanxi' },
  62: { zh: '甘肃省', en: 'Gansu' },
  63: { zh: '青海省', en: 'Qinghai' },
  64: { zh: '宁夏回族自治区', en: 'Ningxia' },
  65: { zh: '新疆维吾尔自治区', en: 'Xinjiang' },
};

const KIND_WORDS: Record<DirectoryAgencyKind, Bilingual> = {
  enforcement: { zh: '生态环境部门', en: 'Ecology and environment office' },
  police: { zh: '公安机关', en: 'Public security office' },
  procuratorate: { zh: '人民检察院', en: "People's procuratorate" },
  court: { zh: '人民法院', en: "People's court" },
};

/** Producers that are not agency offices (the workflow engine, the supervision console, the audit service). */
const SYSTEM_NAMES: Record<string, Bilingual> = {
  workflow: { zh: '期限流程引擎', en: 'Deadline workflow engine' },
  supervision: { zh: '督办台', en: 'Supervision console' },
  audit: { zh: '审计服务', en: 'Audit service' },
};

/**
 * Whether a 6-digit code can be an administrative division of China (GB/T 2260): 000000 (national) or a code whose
 * first two digits name a province. It does not prove the city or county exists (the directory is not a full list).
 */
export function isDivisionCode(code: string): boolean {
  return /^\d{6}$/.test(code) && (code === '000000' || PROVINCES[code.slice(0, 2)] !== undefined);
}

export function divisionLevel(code: string): DivisionLevel {
  if (code === '000000') return 'national';
  if (code.endsWith('0000')) return 'province';
  if (code.endsWith('00')) return 'city';
  return 'county';
}

export class AgencyDirectoryError extends Error {}

export interface AgencyDirectory {
  /** where the data came from (file path) */
  readonly source: string;
  readonly agencies: readonly DirectoryAgency[];
  readonly jurisdiction: readonly JurisdictionRow[];
  /** The directory entry, or one generated from the division code; null for a string that is no agency id. */
  lookup(id: string): DirectoryAgency | null;
  /** The official name in `lang`; system producers by their role; anything else unchanged. */
  name(id: string | null | undefined, lang: Lang): string;
  /** Both names (for API responses). */
  names(id: string | null | undefined): Bilingual;
}

function generated(
  id: string,
  kind: DirectoryAgencyKind,
  division: string,
  divisions: Map<string, DirectoryDivision>,
): DirectoryAgency {
  const level = divisionLevel(division);
  const words = KIND_WORDS[kind];
  const known = divisions.get(division);
  if (known) {
    return {
      id,
      kind,
      division,
      level,
      generated: true,
      name: { zh: `${known.name.zh}${words.zh}`, en: `${words.en} of ${known.name.en}` },
    };
  }
  const province = PROVINCES[division.slice(0, 2)];
  const zhPlace = province ? `${province.zh}行政区划 ${division} ` : `行政区划 ${division} `;
  const enPlace = province ? `division ${division} (${province.en})` : `division ${division}`;
  return {
    id,
    kind,
    division,
    level,
    generated: true,
    name: { zh: `${zhPlace}${words.zh}`, en: `${words.en} of ${enPlace}` },
  };
}

function validate(file: unknown, source: string): AgencyDirectoryFile {
  const f = file as Partial<AgencyDirectoryFile>;
  const bad = (why: string) => new AgencyDirectoryError(`agency directory ${source}: ${why}`);
  if (!f || typeof f !== 'object' || f.format !== 'casebridge.agency-directory.v1')
    throw bad('format must be "casebridge.agency-directory.v1"');
  if (!Array.isArray(f.agencies)) throw bad('"agencies" must be an array');
  const seen = new Set<string>();
  f.agencies.forEach((a, i) => {
    const m = ID.exec(a?.id ?? '');
    if (!m) throw bad(`agencies[${i}].id ${JSON.stringify(a?.id)} is not <kind>:<6-digit division code>`);
    if (a.kind !== m[1] || a.division !== m[2])
      throw bad(`agencies[${i}] (${a.id}): kind and division must match the id`);
    if (
      !a.name ||
      typeof a.name.zh !== 'string' ||
      !a.name.zh.trim() ||
      typeof a.name.en !== 'string' ||
      !a.name.en.trim()
    ) {
      throw bad(`agencies[${i}] (${a.id}): name.zh and name.en are required`);
    }
    if (seen.has(a.id)) throw bad(`agencies[${i}]: duplicate id ${a.id}`);
    seen.add(a.id);
  });
  return {
    format: f.format,
    divisions: Array.isArray(f.divisions) ? f.divisions : [],
    agencies: f.agencies,
    jurisdiction: f.jurisdiction ?? [],
  };
}

/** Builds a directory from parsed data (tests, or a caller that has the data at hand). */
export function createAgencyDirectory(data: unknown, source = '(in memory)'): AgencyDirectory {
  const file = validate(data, source);
  const byId = new Map(file.agencies.map((a) => [a.id, { ...a, level: a.level ?? divisionLevel(a.division) }]));
  const divisions = new Map(file.divisions.map((d) => [d.code, d]));
  const lookup = (id: string): DirectoryAgency | null => {
    const known = byId.get(id);
    if (known) return known;
    const m = ID.exec(id);
    return m ? generated(id, m[1] as DirectoryAgencyKind, m[2]!, divisions) : null;
  };
  const names = (id: string | null | undefined): Bilingual => {
    if (!id) return { zh: '—', en: '—' };
    const system = SYSTEM_NAMES[id];
    if (system) return system;
    return lookup(id)?.name ?? { zh: id, en: id };
  };
  return {
    source,
    agencies: [...byId.values()],
    jurisdiction: file.jurisdiction ?? [],
    lookup,
    names,
    name: (id, lang) => names(id)[lang],
  };
}

/** Reads a directory file (throws AgencyDirectoryError naming the file and the bad entry). */
export function loadAgencyDirectory(file: string): AgencyDirectory {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new AgencyDirectoryError(`agency directory ${file}: ${(e as Error).message}`);
  }
  return createAgencyDirectory(data, file);
}

let cached: { file: string; dir: AgencyDirectory } | null = null;

/**
 * The directory of this process: the file named by CASEBRIDGE_AGENCY_DIRECTORY when set, else the built-in
 * one (libs/directory/src/agencies.json, compiled in). Read once per file name.
 */
export function agencyDirectory(env: NodeJS.ProcessEnv = process.env): AgencyDirectory {
  const file = env[AGENCY_DIRECTORY_ENV]?.trim() || BUILT_IN_DIRECTORY_FILE;
  if (cached?.file !== file) {
    cached = {
      file,
      dir: file === BUILT_IN_DIRECTORY_FILE ? createAgencyDirectory(BUILT_IN, file) : loadAgencyDirectory(file),
    };
  }
  return cached.dir;
}

export const AGENCY_KINDS_OF_DIRECTORY = KINDS;

/** The matter of a jurisdiction row that designates the court of environmental cases (集中管辖). */
export const ENVIRONMENTAL_MATTER = 'environmental';

/** The environmental court map of a directory (rows with matter `environmental`): division code → court id. */
export function environmentalJurisdiction(dir: AgencyDirectory = agencyDirectory()): EnvironmentalCourtMap {
  return Object.fromEntries(
    dir.jurisdiction
      .filter((r) => r.matter === ENVIRONMENTAL_MATTER && /^\d{6}$/.test(r.from) && /^court:\d{6}$/.test(r.to))
      .map((r) => [r.from, r.to]),
  );
}

/**
 * The court that hears an environmental case of a region or of the agency bringing it (集中管辖 by the
 * directory's map, else the same-level court): what every flow uses to pick the court.
 *   competentCourt('procuratorate:210300') // 'court:210100' with the built-in Liaoning example
 * @throws Error for something that is neither a division code nor an agency id
 */
export function competentCourt(regionOrAgencyId: string, dir: AgencyDirectory = agencyDirectory()): string {
  return competentCourtIn(environmentalJurisdiction(dir), regionOrAgencyId);
}
