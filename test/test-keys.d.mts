export declare const MARKERS: Record<string, string>;
export declare const testKeys: Record<string, Record<string, string>>;
export declare function mockBase(preset: string, origin: string, session?: string): string;
