import {
  defaultFieldResolver,
  getNamedType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLArgument,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { BadUserInputError } from './errors';
import { ID_CEILING, longerThan, TEXT_CEILING, textProblem } from './validation';

/**
 * Checks every String and ID argument of every field, at any depth of input objects and lists, before its resolver
 * runs, so that no service can forget it: no NUL or control character (tab, line feed and carriage return allowed:
 * whether a field is single-line is the service's rule), well-formed Unicode, at most TEXT_CEILING characters
 * (IDs: ID_CEILING). Only fields with text arguments are wrapped; the others keep their resolver untouched.
 * Field names follow the services' convention: the fields of an `input` argument by their own path (`title`,
 * `prizes[0].label`), other arguments by their name (`after`, `filter.search`).
 */
export function guardTextArguments(schema: GraphQLSchema): GraphQLSchema {
  const memo = new Map<string, boolean>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const guarded = field.args.filter((arg) => holdsText(arg.type, memo));
      if (guarded.length === 0) continue;
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args: Record<string, unknown>, context, info) => {
        checkArguments(guarded, args);
        return resolve(source, args, context, info);
      };
    }
  }
  return schema;
}

/** Throws BAD_USER_INPUT naming the first offending text among `args`' values. */
export function checkArguments(args: readonly GraphQLArgument[], values: Record<string, unknown>): void {
  for (const arg of args) {
    if (values[arg.name] != null) checkValue(arg.type, values[arg.name], arg.name === 'input' ? '' : arg.name);
  }
}

function checkValue(type: GraphQLInputType, value: unknown, path: string): void {
  if (value == null) return;
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) {
    if (Array.isArray(value)) value.forEach((item, i) => checkValue(inner.ofType, item, `${path}[${i}]`));
    return;
  }
  if (isInputObjectType(inner)) {
    for (const field of Object.values(inner.getFields())) {
      const fieldValue = (value as Record<string, unknown>)[field.name];
      if (fieldValue != null) checkValue(field.type, fieldValue, path ? `${path}.${field.name}` : field.name);
    }
    return;
  }
  if ((inner.name === 'String' || inner.name === 'ID') && typeof value === 'string') {
    // Length first: a huge value is refused without scanning it (over twice the ceiling in UTF-16 units is over it
    // in code points).
    const ceiling = inner.name === 'ID' ? ID_CEILING : TEXT_CEILING;
    if (value.length > 2 * ceiling || longerThan(value, ceiling)) throw new BadUserInputError(path || 'input', `must be at most ${ceiling} characters`);
    const problem = textProblem(value, 'multi-line');
    if (problem) throw new BadUserInputError(path || 'input', problem);
  }
}

function holdsText(type: GraphQLInputType, memo: Map<string, boolean>): boolean {
  const named = getNamedType(type);
  if (named.name === 'String' || named.name === 'ID') return true;
  if (!isInputObjectType(named)) return false;
  const known = memo.get(named.name);
  if (known !== undefined) return known;
  memo.set(named.name, false); // a recursive input type: its own fields decide
  const result = Object.values(named.getFields()).some((field) => holdsText(field.type, memo));
  memo.set(named.name, result);
  return result;
}
