import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, parse, print, type DefinitionNode, type DocumentNode } from 'graphql';

export interface GraphQLResponse<T = Record<string, any>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string; field?: string; [k: string]: unknown } }[];
  extensions?: Record<string, unknown>;
}

export class GraphQLTestClient {
  constructor(readonly url: string) {}

  async request<T = Record<string, any>>(
    query: string | DocumentNode,
    variables: Record<string, unknown> = {},
    options: { token?: string; headers?: Record<string, string> } = {},
  ): Promise<GraphQLResponse<T>> {
    const response = await fetch(this.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...options.headers,
      },
      body: JSON.stringify({ query: typeof query === 'string' ? query : print(query), variables }),
    });
    const body = (await response.json()) as GraphQLResponse<T>;
    return { ...body, status: response.status };
  }
}

export const CONTRACT_PATH = join(__dirname, '..', '..', '..', 'docs', 'partner-api', 'operations.graphql');

let contract: DocumentNode | undefined;
export function contractDocument(): DocumentNode {
  contract ??= parse(readFileSync(CONTRACT_PATH, 'utf8'));
  return contract;
}

/** One named operation of the partner contract, with the fragments it uses. */
export function contractOperation(name: string): DocumentNode {
  const document = contractDocument();
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION && d.name?.value === name);
  if (!operation) throw new Error(`The contract has no operation ${name}`);
  const fragments = document.definitions.filter((d): d is DefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION);
  return { kind: Kind.DOCUMENT, definitions: [operation, ...fragments] };
}

/** Runs a contract operation by name. */
export function runContract<T = Record<string, any>>(client: GraphQLTestClient, name: string, variables: Record<string, unknown> = {}, token?: string) {
  return client.request<T>(contractOperation(name), variables, { token });
}

export function errorCodes(response: GraphQLResponse): (string | undefined)[] {
  return (response.errors ?? []).map((e) => e.extensions?.code);
}
