import { GraphQLError } from 'graphql';
import pino from 'pino';
import { BadUserInputError, createErrorFormatter } from './errors';

const format = createErrorFormatter(pino({ level: 'silent' }));
const formatted = (error: GraphQLError) => format(error.toJSON(), error);

describe('createErrorFormatter', () => {
  it("passes graphql-js's request errors as Apollo Server 5 wraps them (validation: an unknown field)", () => {
    const inner = new GraphQLError('Cannot query field "nope" on type "Query".');
    const error = new GraphQLError(inner.message, { originalError: inner, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    expect(formatted(error)).toEqual({ message: inner.message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
  });

  it("passes a variable that a scalar's parser refused (its TypeError is the original, before execution: no path)", () => {
    const message = 'Variable "$at" got invalid value "yesterday"; DateTimeISO must be RFC 3339';
    const coercion = new GraphQLError(message, { originalError: new TypeError('DateTimeISO must be RFC 3339'), extensions: { code: 'BAD_USER_INPUT' } });
    expect(formatted(coercion)).toEqual({ message, extensions: { code: 'BAD_USER_INPUT' } });
  });

  it('masks an Error of our own code, whatever code it claims, and keeps domain errors with their field', () => {
    const bug = new GraphQLError('relation "x" does not exist', { path: ['challenge'], originalError: new Error('relation "x" does not exist'), extensions: { code: 'BAD_USER_INPUT' } });
    expect(formatted(bug)).toMatchObject({ message: 'Internal server error', path: ['challenge'], extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    const domain = new GraphQLError('title: is required', { originalError: new BadUserInputError('title', 'is required') });
    expect(formatted(domain).extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'title' });
  });
});
