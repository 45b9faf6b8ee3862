/** Drives a case from the enforcement office's transfer to the procuratorate's review (e2e helper). */
import { createHash } from 'node:crypto';
import { enfPhase, openAndSend, polPhase, type Agencies, type Opened } from '../transfer/transfer-driver';

export const sha = (s: string): string => createHash('sha256').update(s).digest('hex');

/** A transfer the police filed (立案): the case is with the police. */
export async function filedCase(a: Agencies, label: string): Promise<Opened> {
  const opened = await openAndSend(a, label);
  await polPhase(a.pol, opened.transferId, 'awaiting-receipt');
  await a.pol.post(`/transfers/${opened.transferId}/receipt`, { receiptNumber: `R-${label}` });
  await enfPhase(a, opened.transferId, 'received');
  await a.pol.post(`/transfers/${opened.transferId}/decision`, {
    outcome: 'filed',
    policeCaseNumber: `沈公（环）立字〔2026〕${label}号`,
  });
  await enfPhase(a, opened.transferId, 'filed');
  return opened;
}

/** The police transfer the filed case for prosecution (移送审查起诉) with a two-document case file; its id. */
export async function transferForProsecution(a: Agencies, transferId: string, label: string): Promise<string> {
  const { prosecutionId } = await a.pol.post<{ prosecutionId: string }>('/prosecutions', {
    transferId,
    summary: '犯罪嫌疑人通过暗管排放含铬废水，侦查终结，涉嫌污染环境罪',
    caseFile: [
      { title: '起诉意见书', sha256: sha(`opinion ${label}`) },
      { title: '监测报告', sha256: sha(`monitoring ${label}`) },
    ],
  });
  return prosecutionId;
}
