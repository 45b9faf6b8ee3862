/** Drives public-interest litigation cases through the procuratorate's and the agency's REST APIs (e2e helper). */
import { eventually, type Api } from '../support/system';
import { ENF, type Agencies } from '../transfer/transfer-driver';

export interface InboxItem {
  ruleId: string | null;
  stepId: string;
  subjectId: string | null;
  status: string;
  dueAt: string | null;
  warnedAt: string | null;
  missedAt: string | null;
  outcome: string | null;
  owner: { kind: string; agencyId?: string; role?: string } | null;
}
export interface PilCaseView {
  phase: string;
  closed: boolean;
  view: Record<string, unknown> & { phase: string };
  courtCaseId?: string | null;
  trial?: (Record<string, unknown> & { phase: string; courtAgencyId: string; courtCaseId: string }) | null;
  timeline: { what: string }[];
}
export interface RecommendationView {
  phase: string;
  view: Record<string, unknown> & { phase: string };
}

/** GET /inbox of an office for one linked case, by status (owed, done, suspended, …). */
export const inbox = async (api: Api, linkedCaseId: string, status = 'owed'): Promise<InboxItem[]> =>
  (await api.get<{ items: InboxItem[] }>(`/inbox?linkedCaseId=${linkedCaseId}&status=${status}`)).items;

/** Waits until the office's inbox holds the step in that status; the item. */
export const inboxHas = (api: Api, linkedCaseId: string, status: string, stepId: string, what = stepId) =>
  eventually(
    () => inbox(api, linkedCaseId, status),
    (items) => items.some((i) => i.stepId === stepId),
    `${what} ${status}`,
    60_000,
  ).then((items) => items.find((i) => i.stepId === stepId)!);

export const pilCase = (a: Agencies, id: string) => a.pro.get<PilCaseView>(`/pil-cases/${id}`);
export const proPilPhase = (a: Agencies, id: string, phase: string) =>
  eventually(
    () => pilCase(a, id),
    (c) => c.phase === phase,
    `procuratorate case ${phase}`,
  );
export const recommendation = (a: Agencies, id: string) => a.enf.get<RecommendationView>(`/pil-recommendations/${id}`);
export const agencyPilPhase = (a: Agencies, id: string, phase: string) =>
  eventually(
    () => recommendation(a, id),
    (r) => r.phase === phase,
    `recommendation ${phase} at the agency`,
  );

/**
 * An administrative PIL case against the Shenyang enforcement office, investigated and its recommendation served
 * (standard: pil.agency-reply 2 months); checked in both views and inboxes.
 */
export async function openAdministrative(
  a: Agencies,
  asked?: string,
): Promise<{ pilCaseId: string; linkedCaseId: string }> {
  const { pilCaseId } = await a.pro.post<{ pilCaseId: string }>('/pil-cases', {
    kind: 'administrative',
    respondentAgencyId: ENF,
    facts: '浑河沿岸非法倾倒危险废物约 30 吨，区生态环境局接举报后三个月未依法查处',
    ...(asked ? { linkedCaseId: asked } : {}),
  });
  // a new linked case unless one the procuratorate holds (or was shared) was named
  const { linkedCaseId } = await a.pro.get<{ linkedCaseId: string }>(`/pil-cases/${pilCaseId}`);
  expect((await pilCase(a, pilCaseId)).phase).toBe('opened');
  await a.pro.post(`/pil-cases/${pilCaseId}/investigation`, { findings: '经现场勘查，危险废物仍堆放于河滩' });
  expect((await pilCase(a, pilCaseId)).phase).toBe('investigated');
  await a.pro.post(`/pil-cases/${pilCaseId}/recommendation`, {
    documentNumber: `沈检行公建〔2026〕${pilCaseId.slice(0, 6)}号`,
    variant: 'standard',
  });
  expect((await pilCase(a, pilCaseId)).phase).toBe('recommended');
  // the agency sees the recommendation in its view and the reply it owes in its inbox
  await agencyPilPhase(a, pilCaseId, 'awaiting-reply');
  const reply = await inboxHas(a.enf, linkedCaseId, 'owed', `${pilCaseId}/pil.agency-reply`);
  expect(reply.owner).toEqual({ kind: 'agency', agencyId: ENF });
  await inboxHas(a.pro, linkedCaseId, 'owed', `${pilCaseId}/pil.recommendation-filing`);
  return { pilCaseId, linkedCaseId };
}

/** A civil PIL case of `pro` (default: the Shenyang procuratorate) with its 30-day announcement published (pil.civil-announcement owed to eligible organisations). */
export async function openCivil(
  a: Agencies,
  asked?: string,
  pro: Api = a.pro,
): Promise<{ pilCaseId: string; linkedCaseId: string }> {
  const { pilCaseId } = await pro.post<{ pilCaseId: string }>('/pil-cases', {
    kind: 'civil',
    facts: '某化工公司通过暗管排放含铬废水，致下游农田污染',
    ...(asked ? { linkedCaseId: asked } : {}),
  });
  const { linkedCaseId } = await pro.get<{ linkedCaseId: string }>(`/pil-cases/${pilCaseId}`);
  await pro.post(`/pil-cases/${pilCaseId}/announcement`, { channel: '正义网' });
  expect((await pro.get<PilCaseView>(`/pil-cases/${pilCaseId}`)).phase).toBe('announced');
  const ann = await inboxHas(pro, linkedCaseId, 'owed', `${pilCaseId}/pil.civil-announcement`);
  expect(ann.owner).toMatchObject({ kind: 'party', role: 'eligible-organisation' });
  return { pilCaseId, linkedCaseId };
}
