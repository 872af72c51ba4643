export interface StartBannerInput {
  localUrl: string;
  admin: { email: string; password: string; source: 'environment' | 'generated' | string };
  credentialsFile?: string;
  redisUrl: string | null;
  hasSignInNote: boolean;
}
export declare function startBanner(input: StartBannerInput): string;
