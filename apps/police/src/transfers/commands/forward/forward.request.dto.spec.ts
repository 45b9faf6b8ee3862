/**
 * POST /transfers/:id/forward — the request (rule transfer.forward-or-return, E17 art 10): forwarding names the
 * competent police office; returning to the sender names none. A toAgencyId sent with mode "returned" was
 * silently dropped before (attack round of issue 13): it is now refused, and nothing is changed. A target office of no
 * division of China (police:999999) was accepted and then owed a receipt step nobody could press (attack round, session 3).
 */
import { BadRequestException } from '@nestjs/common';
import { createValidationPipe } from '@casebridge/platform';
import { ForwardRequest } from './forward.request.dto';

const pipe = createValidationPipe();
const validate = (body: unknown) => pipe.transform(body, { type: 'body', metatype: ForwardRequest, data: '' });
const messagesOf = async (body: unknown): Promise<string[]> => {
  try {
    await validate(body);
  } catch (e) {
    if (e instanceof BadRequestException) return JSON.stringify(e.getResponse()).match(/toAgencyId[^"]*/g) ?? [];
    throw e;
  }
  return [];
};

describe('ForwardRequest', () => {
  it('forwarding to a police office is accepted', async () => {
    await expect(
      validate({ mode: 'forwarded', toAgencyId: 'police:210200', reasons: '案发地属大连市' }),
    ).resolves.toMatchObject({ toAgencyId: 'police:210200' });
  });

  it('returning without a target office is accepted', async () => {
    await expect(validate({ mode: 'returned', reasons: '不属公安机关管辖' })).resolves.toMatchObject({
      mode: 'returned',
    });
  });

  it('returning with a target office is refused, saying why', async () => {
    const messages = await messagesOf({ mode: 'returned', toAgencyId: 'police:210200', reasons: '不属公安机关管辖' });
    expect(messages).toEqual([expect.stringContaining('toAgencyId must be left out when returning')]);
  });

  it('forwarding to an office of no administrative division (police:999999) is refused, saying why', async () => {
    const messages = await messagesOf({ mode: 'forwarded', toAgencyId: 'police:999999', reasons: '案发地属大连市' });
    expect(messages).toEqual([expect.stringContaining('toAgencyId names no administrative division of China')]);
  });

  it('forwarding without a target office is refused', async () => {
    const messages = await messagesOf({ mode: 'forwarded', reasons: '案发地属大连市' });
    expect(messages).toEqual([expect.stringContaining('toAgencyId is required when forwarding')]);
  });
});
