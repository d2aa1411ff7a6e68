export const FIXTURES_DIR: string;
export const VARIANTS: ReadonlyArray<{ variant: string; layout: 'per-step' | 'all' | 'marked' }>;
export function buildFixtures(outdir?: string): Promise<string>;
