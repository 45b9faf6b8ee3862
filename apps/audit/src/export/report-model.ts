/**
 * What the audit report says, read from a JSON Lines export (export-format.ts) — never from the database —
 * so the report states exactly which file it was made from (its SHA-256) and what that file's signatures
 * cover. The file is verified first (verifyExport); the seal statement follows from the verification:
 *
 *   sealed    a valid seal made at export: it covers every entry of the file (1–N)
 *   checkpoint-only  no seal, but signed checkpoints cover entries 1–k (k may be < N)
 *   unsealed  no valid signature over any entry
 *   broken    verification failed: the problems, each naming its line and entry
 *
 * "verified" is claimed only when a valid signature covers every entry shown.
 */
import { createHash, type KeyObject } from 'node:crypto';
import { agencyDirectory, describeEvent, formatSpan, ruleTitle, type Bilingual } from '@casebridge/directory';
import type { LedgerEntry } from '../ledger/ledger.store';
import { toHistoryItem, type HistoryItem } from '../replay/case-history';
import type { ExportEntryLine, ExportHeaderLine } from './export-format';
import { verifyExport, type ExportVerification } from './verify-export';

export type SealState = 'sealed' | 'checkpoint-covered' | 'partly-signed' | 'unsealed' | 'broken';

export interface ReportEvent {
  item: HistoryItem;
  sentence: Bilingual;
  producerName: Bilingual;
  ruleId: string | null;
  stepId: string | null;
}

export type ClockOutcome = 'met' | 'late' | 'overdue' | 'running' | 'moot' | 'suspended';

export interface ClockSummary {
  stepId: string;
  ruleId: string;
  ruleTitle: Bilingual;
  owingAgencyId: string;
  owingAgencyName: Bilingual;
  startedAt: string;
  dueAt: string;
  lastDay: string | null;
  outcome: ClockOutcome;
  /** when the clock closed (met/late/moot/suspended) */
  closedAt: string | null;
  /** met: time to spare before dueAt; late/overdue: how late (overdue: as of the export) — milliseconds */
  marginMs: number | null;
  margin: Bilingual | null;
}

export interface ReportModel {
  linkedCaseId: string;
  caseNumber: string | null;
  party: string | null;
  exportedAt: string;
  file: { name: string; sha256: string; bytes: number };
  verification: ExportVerification;
  seal: { state: SealState; keyId: string; entries: number; signedUpTo: number; verified: boolean };
  events: ReportEvent[];
  clocks: ClockSummary[];
  publicKey: { keyId: string; pem: string } | null;
}

function entryOf(line: ExportEntryLine): LedgerEntry {
  const env = line.envelope as {
    type?: string;
    version?: number;
    producer?: { agencyId?: string; kind?: string };
    actor?: { officerId?: string };
    occurredAt?: string;
    recordedAt?: string;
  };
  return {
    seq: line.seq,
    linkedCaseId: line.linkedCaseId,
    caseSeq: line.caseSeq,
    eventId: line.eventId,
    type: String(env.type ?? ''),
    version: Number(env.version ?? 1),
    producerAgencyId: String(env.producer?.agencyId ?? ''),
    producerKind: String(env.producer?.kind ?? ''),
    actorOfficerId: String(env.actor?.officerId ?? ''),
    occurredAt: String(env.occurredAt ?? ''),
    recordedAt: String(env.recordedAt ?? ''),
    ingestedAt: line.ingestedAt,
    envelope: line.envelope,
    contentHash: line.contentHash,
    prevHash: line.prevHash,
    entryHash: line.entryHash,
  };
}

function sealState(v: ExportVerification): SealState {
  if (!v.ok && v.problems.some((p) => p.problem !== 'unsealed' && p.problem !== 'unsigned-tail')) return 'broken';
  if (v.sealed && v.sealValid) return 'sealed';
  if (v.signedUpTo > 0 && v.signedUpTo >= v.lastCaseSeq) return 'checkpoint-covered';
  if (v.signedUpTo > 0) return 'partly-signed';
  return 'unsealed';
}

function clocksOf(events: ReportEvent[], exportedAt: string): ClockSummary[] {
  const clocks = new Map<string, ClockSummary>();
  const dir = agencyDirectory();
  for (const { item } of events) {
    const p = item.payload as Record<string, unknown>;
    const stepId = typeof p.stepId === 'string' ? p.stepId : null;
    if (!stepId || !item.type.startsWith('deadline.')) continue;
    if (item.type === 'deadline.started') {
      const ruleId = String(p.ruleId);
      const stepKey = typeof p.stepKey === 'string' ? p.stepKey : null;
      clocks.set(stepId, {
        stepId,
        ruleId,
        ruleTitle: { zh: ruleTitle(ruleId, 'zh', stepKey), en: ruleTitle(ruleId, 'en', stepKey) },
        owingAgencyId: String(p.owingAgencyId),
        owingAgencyName: dir.names(String(p.owingAgencyId)),
        startedAt: String(p.startedAt),
        dueAt: String(p.dueAt),
        lastDay: typeof p.lastDay === 'string' ? p.lastDay : null,
        outcome: 'running',
        closedAt: null,
        marginMs: null,
        margin: null,
      });
      continue;
    }
    const c = clocks.get(stepId);
    if (!c) continue;
    if (item.type === 'deadline.missed' && c.outcome === 'running') c.outcome = 'overdue';
    if (item.type === 'deadline.closed') {
      c.outcome = p.outcome as ClockOutcome;
      c.closedAt = item.occurredAt;
    }
  }
  for (const c of clocks.values()) {
    const due = Date.parse(c.dueAt);
    const at = c.closedAt ? Date.parse(c.closedAt) : Date.parse(exportedAt);
    if (c.outcome === 'met' || c.outcome === 'late' || c.outcome === 'overdue') {
      c.marginMs = c.outcome === 'met' ? due - at : at - due;
      c.margin = { zh: formatSpan(c.marginMs, 'zh'), en: formatSpan(c.marginMs, 'en') };
    }
  }
  return [...clocks.values()].sort((a, b) => Date.parse(a.startedAt) - Date.parse(b.startedAt));
}

/** Reads, verifies and describes one JSON Lines export. Never throws on a damaged file: the damage is in the model. */
export function buildReportModel(text: string, publicKey: string | KeyObject, fileName: string): ReportModel {
  const verification = verifyExport(text, publicKey, { allowUnsealed: true });
  const lines = text
    .split('\n')
    .filter(Boolean)
    .map((l) => {
      try {
        return JSON.parse(l) as { kind?: string };
      } catch {
        return {};
      }
    });
  const header = lines.find((l) => l.kind === 'header') as ExportHeaderLine | undefined;
  const dir = agencyDirectory();
  const events: ReportEvent[] = lines
    .filter((l): l is ExportEntryLine => l.kind === 'entry' && !!(l as ExportEntryLine).envelope)
    .map((line) => {
      const item = toHistoryItem(entryOf(line));
      const p = item.payload as Record<string, unknown>;
      const stepId = typeof p.stepId === 'string' ? p.stepId : null;
      return {
        item,
        sentence: describeEvent({ type: item.type, payload: item.payload, producer: item.who.producer }, dir),
        producerName: dir.names(item.who.producer.agencyId),
        ruleId: typeof p.ruleId === 'string' ? p.ruleId : (stepId?.split('/')[1] ?? null),
        stepId,
      };
    });
  const registered = events.find((e) => e.item.type === 'case.registered')?.item.payload as
    { caseNumber?: string; party?: { name?: string } } | undefined;
  const exportedAt = header?.exportedAt ?? new Date(0).toISOString();
  const state = sealState(verification);
  return {
    linkedCaseId: header?.linkedCaseId ?? verification.linkedCaseId ?? '',
    caseNumber: registered?.caseNumber ?? null,
    party: registered?.party?.name ?? null,
    exportedAt,
    file: {
      name: fileName,
      sha256: createHash('sha256').update(text, 'utf8').digest('hex'),
      bytes: Buffer.byteLength(text, 'utf8'),
    },
    verification,
    seal: {
      state,
      keyId: verification.keyId,
      entries: verification.entries,
      signedUpTo: verification.signedUpTo,
      verified: state === 'sealed' || state === 'checkpoint-covered',
    },
    events,
    clocks: clocksOf(events, exportedAt),
    publicKey: header?.publicKey ?? null,
  };
}
