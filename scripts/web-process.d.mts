export declare const webNodeOptions: string;
export declare function webProcessEnv<T extends Record<string, string | undefined>>(
  env: T,
): T & { NODE_OPTIONS: string };
