/**
 * The step ids supervision's routes take (GET /steps/:stepId, press, escalate): every id the workflows write
 * (workflows/src/shared/step-book.ts). Kept case (attack round of this session): a forwarded transfer's receipt step
 * `<transferId>/transfer.receipt#2` was listed by GET /steps but refused (400) by the routes that read and press it.
 */
import { BadRequestException } from '@nestjs/common';
import { StepIdPipe } from './dto';

const T = 'dbd3e19d-ed2d-4d91-bcd9-8a32566bee9c';
const pipe = new StepIdPipe();

describe('StepIdPipe', () => {
  it.each([
    [`${T}/transfer.receipt`],
    [`${T}/transfer.receipt#2`],
    [`${T}/notification.acknowledgement@police:210100`],
    [`${T}/notification.acknowledgement@police:210100#3`],
  ])('takes %s', (id) => {
    expect(pipe.transform(id)).toBe(id);
  });

  it.each([
    [`${T}`],
    [`${T}/Transfer.Receipt`],
    [`${T}/transfer.receipt#0`],
    [`${T}/transfer.receipt#`],
    [`${T}/transfer.receipt@`],
    [`${T}/transfer.receipt@a b`],
    [`${T}/transfer.receipt#2@key`],
    [`${T}/transfer.receipt#12345`],
    [`../${T}/transfer.receipt`],
  ])('refuses %s with 400', (id) => {
    expect(() => pipe.transform(id)).toThrow(BadRequestException);
  });
});
