import type { Services } from '@pristinesend/domain';

export interface TestWorkspace {
  workspaceId: string;
  apiKey: string;
  /** `Authorization` header value for the workspace's key. */
  authorization: string;
}

let counter = 0;

export async function createTestWorkspace(
  services: Services,
  name = `Workspace ${++counter}`,
): Promise<TestWorkspace> {
  const { workspace, key } = await services.workspaces.createWorkspace({ name });
  return { workspaceId: workspace.id, apiKey: key.apiKey, authorization: `Bearer ${key.apiKey}` };
}

/** A unique, valid email for a test contact. */
export function uniqueEmail(prefix = 'contact'): string {
  return `${prefix}.${Date.now().toString(36)}.${++counter}@example.com`;
}
