/** The saved credentials both the server and the browser give the pickers. */
export const credentials = [
  { id: 'a', name: 'Production', description: 'Main workspace', provider: 'openai', keyHint: 'sk-proj-…x9Qz', keyType: 'project', verified: true, createdAt: '2026-01-02T12:00:00Z' },
  { id: 'b', name: 'Staging', provider: 'openai', keyHint: 'sk-proj-…Ab12', keyType: 'project', createdAt: '2026-02-03T12:00:00Z' },
];
