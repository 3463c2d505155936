import pino from 'pino';
import { createClientErrorFormatter, errorFromSubgraphResponse } from './client-errors';

const logger = pino({ level: 'silent' });

describe('errors answered to clients', () => {
  it('keeps a subgraph’s contract error from an HTTP error answer, without its URL, status or body', () => {
    const error = errorFromSubgraphResponse({ errors: [{ message: 'Variable "$input" got invalid value', extensions: { code: 'BAD_USER_INPUT', field: 'submissionDeadline' } }] });
    expect(error.message).toBe('Variable "$input" got invalid value');
    expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'submissionDeadline' });
  });

  it('passes on other codes of a subgraph, e.g. an operation limit refused at validation', () => {
    expect(errorFromSubgraphResponse({ errors: [{ message: 'Query is too complex', extensions: { code: 'QUERY_TOO_COMPLEX' } }] }).extensions).toEqual({ code: 'QUERY_TOO_COMPLEX' });
  });

  it.each([
    [undefined],
    ['<html>Bad Gateway</html>'],
    [{ errors: [{ message: 'boom', extensions: { code: 'DOWNSTREAM_SERVICE_ERROR' } }] }],
    [{ errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }],
    [{ errors: [{ message: 'no code' }] }],
    [{ errors: [] }],
  ])(
    'turns anything else from a failing subgraph into an internal error (%p)',
    (body) => {
      const error = errorFromSubgraphResponse(body);
      expect(error.message).toBe('Internal server error');
      expect(error.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    },
  );

  it('strips the subgraph’s URL, status, body and name in every mode, and masks internal errors', () => {
    const leaky = {
      message: '400: Bad Request',
      extensions: { code: 'INTERNAL_SERVER_ERROR', serviceName: 'challenges', response: { url: 'http://127.0.0.1:4002/graphql', status: 400, body: {} } },
    };
    for (const production of [false, true]) {
      const formatted = createClientErrorFormatter({ production, logger })(leaky, new Error('x'));
      expect(formatted).toEqual({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    }
    const noCode = createClientErrorFormatter({ production: false, logger })({ message: 'request to http://127.0.0.1:4002 failed' }, new Error('x'));
    expect(noCode).toEqual({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });

  it('keeps the message, code and field of a user error; in production nothing else', () => {
    const error = { message: 'title: is required', path: ['createChallenge'], extensions: { code: 'BAD_USER_INPUT', field: 'title', serviceName: 'challenges', stacktrace: ['at x'] } };
    expect(createClientErrorFormatter({ production: true, logger })(error, undefined)).toEqual({ message: 'title: is required', path: ['createChallenge'], extensions: { code: 'BAD_USER_INPUT', field: 'title' } });
    expect(createClientErrorFormatter({ production: false, logger })(error, undefined).extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'title', stacktrace: ['at x'] });
  });
});
