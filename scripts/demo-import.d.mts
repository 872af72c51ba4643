// Types of demo-import.mjs, for the TypeScript tests that import the demo through the API as it does.
export declare const DEFAULT_DATA_FILE: string;

export declare class ImportError extends Error {
  status?: number;
  problem?: unknown;
  record?: string;
}

export interface DemoImportOptions {
  baseUrl: string;
  token?: string;
  email?: string;
  password?: string;
  file?: string;
  fetchImpl?: (url: URL, init: RequestInit) => Promise<Response>;
  log?: (line: string) => void;
}

/** Something of the data this server's contract does not take: a field (`field`), or the whole record (`field: null`). */
export interface LeftOutPart {
  section: string;
  record: string;
  field: string | null;
  reason: string;
}

export declare function importDemo(options: DemoImportOptions): Promise<{
  counts: Record<string, number>;
  replayed: number;
  leftOut: LeftOutPart[];
  summary: string;
}>;

export declare function login(
  baseUrl: string,
  email: string,
  password: string,
  options?: { fetchImpl?: DemoImportOptions['fetchImpl'] },
): Promise<string>;
