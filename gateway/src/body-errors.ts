import type { ErrorRequestHandler } from 'express';

/**
 * Express's JSON body parser fails with an HTML page (413 for a body over the limit, 400 for malformed JSON); a
 * GraphQL client gets a GraphQL error instead, as from the subgraphs. Anything else goes on to Express.
 */
export const bodyParserErrors: ErrorRequestHandler = (error: { type?: string; limit?: number }, _req, res, next) => {
  if (error?.type === 'entity.too.large') {
    res.status(413).json({ errors: [{ message: `Request body exceeds the limit of ${error.limit} bytes`, extensions: { code: 'BAD_REQUEST' } }] });
  } else if (error?.type === 'entity.parse.failed') {
    res.status(400).json({ errors: [{ message: 'Malformed JSON body', extensions: { code: 'BAD_REQUEST' } }] });
  } else next(error);
};
