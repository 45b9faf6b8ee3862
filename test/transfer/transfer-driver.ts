/** Drives a transfer through the agencies' REST APIs, each with its own token (e2e helper). */
import { createHash, randomInt } from 'node:crypto';
import { Api, eventually, type TestSystem } from '../support/system';

export const REGION = '210100';
export const ENF = `enforcement:${REGION}`;
export const POL = `police:${REGION}`;
export const PRO = `procuratorate:${REGION}`;

export interface Agencies {
  enf: Api;
  enfHead: Api;
  pol: Api;
  polHead: Api;
  pro: Api;
  proHead: Api;
}

export function agencies(sys: TestSystem, services = { police: true, procuratorate: true }): Agencies {
  const pol = services.police ? sys.url('police') : 'http://127.0.0.1:1';
  const pro = services.procuratorate ? sys.url('procuratorate') : 'http://127.0.0.1:1';
  return {
    enf: new Api(sys.url('enforcement'), sys.token(ENF, ['officer'], 'enf-officer-zhang')),
    enfHead: new Api(sys.url('enforcement'), sys.token(ENF, ['officer', 'head'], 'enf-head-liu')),
    pol: new Api(pol, sys.token(POL, ['officer'], 'pol-officer-wang')),
    polHead: new Api(pol, sys.token(POL, ['officer', 'head'], 'pol-head-zhao')),
    pro: new Api(pro, sys.token(PRO, ['officer'], 'pro-officer-sun')),
    proHead: new Api(pro, sys.token(PRO, ['officer', 'head'], 'pro-head-qian')),
  };
}

export interface Opened {
  caseId: string;
  linkedCaseId: string;
  transferId: string;
}

/** Registers a case and brings its transfer to the police: suspect → team report → head approval → send. */
export async function openAndSend(a: Agencies, label: string): Promise<Opened> {
  const opened = await openApproved(a, label);
  await a.enf.post(`/transfers/${opened.transferId}/send`, {
    materials: [
      { kind: 'transfer-letter', title: '涉嫌犯罪案件移送书' },
      { kind: 'investigation-report', title: '案件调查报告' },
      { kind: 'monitoring-report', title: '监测报告', evidenceId: opened.evidenceId },
    ],
  });
  return { caseId: opened.caseId, linkedCaseId: opened.linkedCaseId, transferId: opened.transferId };
}

/** Registers a case with one evidence item and brings its transfer to the head's approval (ready to send). */
export async function openApproved(a: Agencies, label: string): Promise<Opened & { evidenceId: string }> {
  const { caseId, linkedCaseId } = await a.enf.post<{ caseId: string; linkedCaseId: string }>('/cases', {
    caseNumber: `辽沈环罚〔2026〕${label}-${randomInt(1e9)}号`,
    party: { name: '沈阳某化工有限公司', creditCode: '91210100MA0Y6J5X2U' },
    violation: '通过暗管向河道排放含铬废水',
    discoveredAt: '2026-11-20T10:30:00+08:00',
  });
  const sha = createHash('sha256').update(`monitoring ${label}`).digest('hex');
  const { evidenceId } = await a.enf.post<{ evidenceId: string }>(`/cases/${caseId}/evidence`, {
    kind: 'monitoring-report',
    fileName: '监测报告.pdf',
    sha256: sha,
    sizeBytes: 48211,
    custody: [{ at: '2026-11-20T11:00:00+08:00', by: 'enf-officer-zhang', action: 'sampled at outlet 2' }],
  });
  const { transferId } = await a.enf.post<{ transferId: string }>('/transfers', {
    caseId,
    thresholdFacts: ['t3', 't5'],
    facts: '总铬超标 5.2 倍，暗管排放',
  });
  await a.enf.post(`/transfers/${transferId}/team-report`, {
    teamOfficerIds: ['enf-officer-zhang', 'enf-officer-li'],
    summary: '涉嫌污染环境罪，建议移送',
  });
  await a.enfHead.post(`/transfers/${transferId}/head-decision`, { decision: 'approved' });
  return { caseId, linkedCaseId, transferId, evidenceId };
}

export interface EnfTransfer {
  phase: string;
  policeAgencyId: string | null;
  timeline: { what: string }[];
  filingReviewOverdue: boolean;
  policeCaseNumber: string | null;
}
export interface PolTransfer {
  phase: string;
  agencyId: string;
  materials: { kind: string; sha256?: string }[];
  timeline: { what: string }[];
}

export const enfPhase = (a: Agencies, id: string, phase: string): Promise<EnfTransfer> =>
  eventually(
    () => a.enf.get<EnfTransfer>(`/transfers/${id}`),
    (t) => t.phase === phase,
    `enforcement sees ${phase}`,
  );

export const polPhase = (api: Api, id: string, phase: string): Promise<PolTransfer> =>
  eventually(
    () => api.get<PolTransfer>(`/transfers/${id}`),
    (t) => t.phase === phase,
    `police sees ${phase}`,
  );
