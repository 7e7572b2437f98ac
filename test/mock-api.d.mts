import type { IncomingMessage, ServerResponse } from 'node:http';
export declare function handleMockApi(req: IncomingMessage, res: ServerResponse): boolean;
export declare const mockApiMiddleware: (ctx: unknown, next: () => Promise<void>) => Promise<void>;
