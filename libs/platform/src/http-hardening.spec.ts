import { gunzip } from 'node:zlib';
import { bodyReadErrorBody } from './http-error.filter';
import { MAX_BODY_DEPTH, refuseForbiddenKeys, scanJson } from './http-hardening';

/** An error as http-errors makes it for body-parser (status, statusCode, expose, type); with an Error, that error itself. */
function createError(status: number, e: string | Error, props: { type?: string } = {}): Error {
  return Object.assign(typeof e === 'string' ? new Error(e) : e, {
    status,
    statusCode: status,
    expose: status < 500,
    ...props,
  });
}

describe('scanJson: depth and duplicate keys, before parsing', () => {
  it.each([
    ['{"a":1,"a":2}', 'a'],
    ['{"a":{"x":1,"y":[{"z":1}],"x":2}}', 'x'],
    ['[{"k":1},{"k":1,"k":2}]', 'k'],
    ['{"n\\u006fte":1,"note":2}', 'note'],
  ])('%s → duplicate key %s', (text, key) => {
    expect(scanJson(Buffer.from(text), MAX_BODY_DEPTH)).toEqual({ duplicateKey: key });
  });

  it.each([
    '{"a":1,"b":{"a":2}}',
    '[{"k":1},{"k":2}]',
    '{"a":"{\\"a\\":1,\\"a\\":2}"}',
    '{"a":["a","a"]}',
    '{"沈阳":1,"沈":2}',
  ])('%s → fine', (text) => {
    expect(scanJson(Buffer.from(text), MAX_BODY_DEPTH)).toBeUndefined();
  });

  it('counts depth across [ and {, ignoring brackets in strings', () => {
    expect(scanJson(Buffer.from('['.repeat(33) + ']'.repeat(33)), 32)).toBe('too-deep');
    expect(scanJson(Buffer.from('['.repeat(32) + ']'.repeat(32)), 32)).toBeUndefined();
    expect(scanJson(Buffer.from(`{"a":"${'['.repeat(100)}"}`), 32)).toBeUndefined();
  });
});

describe('the body reviver: what JSON may carry and text may not', () => {
  const parse = (text: string): unknown => JSON.parse(text, refuseForbiddenKeys);
  it.each(['{"a":"\\ud800"}', '{"a":"x\\udfffy"}', '{"a":["\\udc00\\ud800"]}', '{"\\ud800":1}'])(
    '%s → refused: a lone surrogate is not text',
    (text) => expect(() => parse(text)).toThrow(/lone UTF-16 surrogate/),
  );
  it.each(['{"a":"\\ud83d\\ude00"}', '{"a":"沈阳 😀"}', '{"😀":"x"}'])('%s → taken (pairs are text)', (text) => {
    expect(() => parse(text)).not.toThrow();
  });
  it('NUL and prototype keys stay refused', () => {
    expect(() => parse('{"a":"x\\u0000"}')).toThrow(/NUL/);
    expect(() => parse('{"__proto__":{}}')).toThrow(/is not a field/);
  });
});

describe('bodyReadErrorBody: every error of reading a body is a 4xx with a code', () => {
  it.each([
    ['entity.too.large', 413, 413, 'REQUEST.TOO_LARGE'],
    ['entity.parse.failed', 400, 400, 'REQUEST.MALFORMED_JSON'],
    ['entity.verify.failed', 403, 400, 'REQUEST.UNREADABLE_BODY'],
    ['encoding.unsupported', 415, 415, 'REQUEST.UNSUPPORTED_ENCODING'],
    ['charset.unsupported', 415, 415, 'REQUEST.UNSUPPORTED_CHARSET'],
    ['parameters.too.many', 413, 413, 'REQUEST.TOO_MANY_PARAMETERS'],
    ['request.aborted', 400, 400, 'REQUEST.ABORTED'],
    ['request.size.invalid', 400, 400, 'REQUEST.SIZE_MISMATCH'],
    ['something.new', 400, 400, 'REQUEST.UNREADABLE_BODY'],
  ])('%s → %s', (type, status, answered, code) => {
    expect(bodyReadErrorBody(createError(status, 'x', { type }))).toMatchObject({ statusCode: answered, code });
  });

  it('data that is not what its Content-Encoding says (zlib error wrapped as 400) → 400 REQUEST.BAD_ENCODING', async () => {
    const zlibError = await new Promise<Error>((resolve) =>
      gunzip(Buffer.from('not gzip'), (e) => resolve(e as Error)),
    );
    expect(bodyReadErrorBody(createError(400, zlibError))).toMatchObject({
      statusCode: 400,
      code: 'REQUEST.BAD_ENCODING',
    });
  });

  it('leaves other errors alone (the filter answers 500 INTERNAL)', () => {
    expect(bodyReadErrorBody(new Error('boom'))).toBeUndefined();
    expect(
      bodyReadErrorBody(createError(500, 'stream encoding should not be set', { type: 'stream.encoding.set' })),
    ).toBeUndefined();
  });
});
