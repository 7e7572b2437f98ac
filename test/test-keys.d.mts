/** What each marker means for one preset, in the order to show them. */
export declare function markersFor(preset: string): Record<string, string>;
export declare const LIMITED_PRESETS: string[];
export declare const NO_CREDIT_PRESETS: string[];
export declare const DOWN_STATUS: Record<string, number>;
export declare const MOCK_MODELS: Record<string, string[]>;
export declare const testKeys: Record<string, Record<string, string>>;
export declare function mockBase(preset: string, origin: string, session?: string): string;
