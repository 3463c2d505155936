import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { getLocation, Kind, visit, type DocumentNode, type GraphQLFormattedError, type SourceLocation, type ValueNode } from 'graphql';

// graphql-js 16's variable coercion messages (values.js): the variable, where inside its value, and why.
const INVALID_VALUE = /^Variable "\$([_A-Za-z][_0-9A-Za-z]*)" got invalid value [\s\S]*?(?: at "\1((?:\.[_A-Za-z][_0-9A-Za-z]*|\[\d+\])*)")?; ([\s\S]*)$/;
const MISSING_VARIABLE = /^Variable "\$([_A-Za-z][_0-9A-Za-z]*)" of (?:required|non-null) type /;
const FIELD_REASON = /^Field "([_A-Za-z][_0-9A-Za-z]*)" (?:of required type .* was not provided|is not defined by type )/;

/**
 * The input field a variable-coercion error is about, named as the services name fields: the fields of an `input`
 * argument by their own path (`title`, `prizes[0].label`), other arguments by their name (`first`, `filter.currency`).
 * Undefined when the message is not graphql-js' variable message.
 */
export function fieldOfVariableError(message: string, document: DocumentNode | undefined): string | undefined {
  let variable: string;
  let inside = '';
  const invalid = INVALID_VALUE.exec(message);
  if (invalid) {
    variable = invalid[1]!;
    inside = invalid[2] ?? '';
    const reason = FIELD_REASON.exec(invalid[3] ?? '');
    if (reason) inside += `.${reason[1]}`;
  } else {
    const missing = MISSING_VARIABLE.exec(message);
    if (!missing) return undefined;
    variable = missing[1]!;
  }
  const argumentPath = document ? whereVariableIsUsed(document, variable) : undefined;
  const full = `${argumentPath ?? variable}${inside}`;
  if (full === 'input') return full;
  return full.startsWith('input.') ? full.slice('input.'.length) : full;
}

/** The argument (and the path inside its literal value) where `$variable` is first used, e.g. `filter.currency`. */
function whereVariableIsUsed(document: DocumentNode, variable: string): string | undefined {
  let found: string | undefined;
  visit(document, {
    Argument(node) {
      if (found !== undefined) return false;
      const inside = pathToVariable(node.value, variable);
      if (inside !== undefined) found = `${node.name.value}${inside}`;
      return false;
    },
  });
  return found;
}

function pathToVariable(value: ValueNode, variable: string): string | undefined {
  if (value.kind === Kind.VARIABLE) return value.name.value === variable ? '' : undefined;
  if (value.kind === Kind.OBJECT) {
    for (const field of value.fields) {
      const inside = pathToVariable(field.value, variable);
      if (inside !== undefined) return `.${field.name.value}${inside}`;
    }
  }
  if (value.kind === Kind.LIST) {
    for (const [i, item] of value.values.entries()) {
      const inside = pathToVariable(item, variable);
      if (inside !== undefined) return `[${i}]${inside}`;
    }
  }
  return undefined;
}

// graphql-js' ValuesOfCorrectTypeRule locates a bad literal at its value, an unknown field at the field, and a missing
// field at the object that lacks it (naming it as Type.field).
const MISSING_FIELD = /^Field "(?:[_A-Za-z][_0-9A-Za-z]*\.)?([_A-Za-z][_0-9A-Za-z]*)" of required type /;

/** The input field a literal written in the operation is, from a validation error's location (same naming). */
export function fieldOfLiteralError(message: string, location: SourceLocation | undefined, document: DocumentNode | undefined): string | undefined {
  const source = document?.loc?.source;
  if (!location || !source) return undefined;
  const at = (start: number) => {
    const here = getLocation(source, start);
    return here.line === location.line && here.column === location.column;
  };
  const find = (value: ValueNode, path: string): string | undefined => {
    if (value.loc && at(value.loc.start)) return path;
    if (value.kind === Kind.OBJECT) {
      for (const field of value.fields) {
        // An unknown field is located at its name, a value of the wrong type at the value.
        const inside = field.loc && at(field.loc.start) ? `${path}.${field.name.value}` : find(field.value, `${path}.${field.name.value}`);
        if (inside !== undefined) return inside;
      }
    }
    if (value.kind === Kind.LIST) {
      for (const [i, item] of value.values.entries()) {
        const inside = find(item, `${path}[${i}]`);
        if (inside !== undefined) return inside;
      }
    }
    return undefined;
  };
  let found: string | undefined;
  visit(document, {
    Argument(node) {
      if (found === undefined) found = find(node.value, node.name.value);
      return false;
    },
  });
  if (found === undefined) return undefined;
  const missing = MISSING_FIELD.exec(message);
  const full = missing ? `${found}.${missing[1]}` : found;
  return full.startsWith('input.') ? full.slice('input.'.length) : full;
}

const MAX_MESSAGE = 1_000;

/**
 * Adds `extensions.field` to BAD_USER_INPUT errors that lack one, when the message names a variable's field, and
 * shortens their messages: graphql-js quotes the whole invalid value (a 1 MB string would come back whole).
 */
export function withVariableErrorFields(errors: readonly GraphQLFormattedError[], document: DocumentNode | undefined): GraphQLFormattedError[] {
  return errors.map((error) => {
    if (error.extensions?.code === 'GRAPHQL_VALIDATION_FAILED' && !error.extensions.field) {
      const field = fieldOfLiteralError(error.message, error.locations?.[0], document);
      return field ? { ...error, extensions: { ...error.extensions, field } } : error;
    }
    if (error.extensions?.code !== 'BAD_USER_INPUT') return error;
    const field = error.extensions.field ?? fieldOfVariableError(error.message, document);
    const message = error.message.length > MAX_MESSAGE ? `${error.message.slice(0, 300)} … ${error.message.slice(-300)}` : error.message;
    return { ...error, message, extensions: { ...error.extensions, ...(field ? { field } : {}) } };
  });
}

/**
 * Variable-coercion failures (a wrong scalar type, an unknown enum value, a missing required field, a malformed
 * DateTimeISO) are BAD_USER_INPUT from graphql-js, but without the field the contract promises: this plugin names it.
 * It also names the field of a bad literal written in the operation (a validation error, located at the value).
 * Used by the gateway (which coerces the client's variables first) and by every subgraph (for a request that did
 * not come through it).
 */
export function variableErrorFieldsPlugin<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, document }) {
          if (response.body.kind !== 'single' || !response.body.singleResult.errors) return;
          response.body.singleResult.errors = withVariableErrorFields(response.body.singleResult.errors, document);
        },
      };
    },
  };
}
