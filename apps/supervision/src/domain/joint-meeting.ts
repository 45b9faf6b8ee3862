/**
 * Joint meetings (联席会议, flows.md §5): each closes the current review round and opens the next, so a meeting
 * recorded twice would open a round nobody held. Pure.
 */

/** A decision of a meeting as requested (owner, text, due instant with offset). */
export interface MeetingDecisionInput {
  text: string;
  ownerAgencyId: string;
  dueAt: string;
}

/** A recorded meeting: the payload of its supervision.joint-meeting-recorded event. */
export interface RecordedMeeting {
  round: number;
  minutes: string;
  decisions: (MeetingDecisionInput & { decisionId: string })[];
}

/**
 * Whether a request repeats the last recorded meeting (same minutes, same decisions in the same order: text, owner
 * and due instant): a double submission, answered with the recorded meeting instead of opening another round.
 */
export function repeatsMeeting(
  last: RecordedMeeting | null,
  request: { minutes: string; decisions: readonly MeetingDecisionInput[] },
): boolean {
  if (!last || last.minutes !== request.minutes || last.decisions.length !== request.decisions.length) return false;
  return request.decisions.every((d, i) => {
    const e = last.decisions[i]!;
    return e.text === d.text && e.ownerAgencyId === d.ownerAgencyId && Date.parse(e.dueAt) === Date.parse(d.dueAt);
  });
}
