import { loadConfig, solversSchema, type SolversConfig } from '@ideagora/config';

let config: SolversConfig | undefined;

/** The solvers process's own settings (mail, the web client's address) beside the kit's; loaded once. */
export function solversConfig(): SolversConfig {
  config ??= loadConfig(solversSchema);
  return config;
}
